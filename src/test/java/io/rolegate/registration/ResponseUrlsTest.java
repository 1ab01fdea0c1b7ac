package io.rolegate.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rolegate.connection.Partition;

/** PRODUCT §12: Rolegate answers only on a pre-signed S3 URL of the connection's partition, or on the configured S3 override. */
class ResponseUrlsTest {

    private static final String SIGNED = "/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/x/y%7CRegistration%7Cr?X-Amz-Signature=abc";

    private final ResponseUrls urls = new ResponseUrls(Optional.of(URI.create("http://127.0.0.1:4566")));

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource({
            "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com, aws, true",
            "https://cloudformation-custom-resource-response-uswest2.s3-us-west-2.amazonaws.com, aws, true",
            "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com, aws, true",
            "https://s3.amazonaws.com, aws, true",
            "https://cloudformation-custom-resource-response-usgovwest1.s3-us-gov-west-1.amazonaws.com, aws-us-gov, true",
            "https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn, aws-cn, true",
            "http://127.0.0.1:4566, aws, true",
            "http://127.0.0.1:4566, aws-cn, true",
            // Another partition's S3, or not S3 at all: never requested.
            "https://cloudformation-custom-resource-response-usgovwest1.s3-us-gov-west-1.amazonaws.com, aws, false",
            "https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn, aws, false",
            "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com, aws-cn, false",
            "https://sts.amazonaws.com, aws, false",
            "https://evil.example.com, aws, false",
            "https://s3.amazonaws.com.evil.example.com, aws, false",
            "https://evil.example.com/s3.amazonaws.com, aws, false",
            "http://cloudformation-custom-resource-response-useast1.s3.amazonaws.com, aws, false",
            "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com:8443, aws, false",
            "https://user@cloudformation-custom-resource-response-useast1.s3.amazonaws.com, aws, false",
            "http://127.0.0.1:4567, aws, false",
            "https://127.0.0.1:4566, aws, false",
            "http://localhost:4566, aws, false",
            "https://169.254.169.254, aws, false",
    })
    void onlyS3HostsOfThePartitionOrTheOverrideAreAnswered(String origin, String partition, boolean allowed) {
        assertEquals(allowed, urls.allowed(origin + SIGNED, Partition.fromId(partition).orElseThrow()).isPresent());
    }

    @ParameterizedTest
    @CsvSource({ "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/unsigned",
            "not a url at all", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x?a=b#fragment" })
    void aUrlThatIsNotPreSignedIsNotAnswered(String url) {
        assertEquals(Optional.empty(), urls.allowed(url, Partition.AWS));
    }

    @ParameterizedTest
    @CsvSource({ "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com, true",
            "https://evil.example.com, false" })
    void withoutAnOverrideOnlyAwsHostsRemain(String origin, boolean allowed) {
        assertEquals(allowed, new ResponseUrls(Optional.empty()).allowed(origin + SIGNED, Partition.AWS).isPresent());
        assertEquals(false, new ResponseUrls(Optional.empty()).allowed("http://127.0.0.1:4566" + SIGNED, Partition.AWS).isPresent());
    }
}
