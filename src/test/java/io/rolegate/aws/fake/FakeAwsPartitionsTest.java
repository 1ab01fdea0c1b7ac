package io.rolegate.aws.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The partitions are separate worlds in the stand-in as in AWS: credentials, roles and buckets exist only in their
 * own partition, and an account named in a policy is that account of the policy's partition.
 */
class FakeAwsPartitionsTest {

    private static final String CUSTOMER = "222222222222";
    private static final String GOV_ROLE = "arn:aws-us-gov:iam::" + CUSTOMER + ":role/RolegateRead";
    private static final String CN_ROLE = "arn:aws-cn:iam::" + CUSTOMER + ":role/RolegateRead";
    private static final String EXTERNAL_ID = "rg-3f9c2a7e5b1d4c8a9e6f0b2d4a6c8e1f";
    private static final byte[] REPORT = "id,total\n1,42\n".getBytes(StandardCharsets.UTF_8);

    private FakeAws aws;

    @BeforeEach
    void start() {
        aws = FakeAws.start();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private static String trust(String principal) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "%s"},
                 "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "%s"}}}}"""
                .formatted(principal, EXTERNAL_ID);
    }

    private static String readBucket(String partition, String bucket) {
        return """
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:%1$s:s3:::%2$s"},
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:%1$s:s3:::%2$s/*"}]}"""
                .formatted(partition, bucket);
    }

    private Credentials assume(AwsBasicCredentials credentials, String region, String roleArn) {
        try (StsClient sts = SdkClients.sts(aws, credentials, region)) {
            return sts.assumeRole(AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("rolegate-c-k")
                    .externalId(EXTERNAL_ID).durationSeconds(900).build()).credentials();
        }
    }

    private static String errorCode(StsException e) {
        return e.awsErrorDetails().errorCode();
    }

    @Test
    void theGovCloudVendorAssumesAGovCloudRoleThatTrustsItsGovCloudAccount() {
        aws.role(GOV_ROLE, trust("arn:aws-us-gov:iam::" + FakeAws.GOV_VENDOR_ACCOUNT_ID + ":root"),
                readBucket("aws-us-gov", "acme-gov"));

        assume(aws.vendorCredentials("aws-us-gov"), "us-gov-west-1", GOV_ROLE);

        AwsCall call = aws.calls().get(0);
        assertEquals("AssumeRole", call.operation());
        assertEquals("us-gov-west-1", call.region());
        assertEquals("arn:aws-us-gov:iam::404040404040:user/rolegate", call.callerArn());
        assertNull(call.errorCode());
    }

    @Test
    void commercialCredentialsAreUnknownInGovCloudAndChina() {
        aws.role(GOV_ROLE, trust("arn:aws-us-gov:iam::" + FakeAws.VENDOR_ACCOUNT_ID + ":root"),
                readBucket("aws-us-gov", "acme-gov"));

        StsException gov = assertThrows(StsException.class, () -> assume(aws.vendorCredentials(), "us-gov-west-1", GOV_ROLE));
        StsException china = assertThrows(StsException.class, () -> assume(aws.vendorCredentials(), "cn-north-1", CN_ROLE));

        assertEquals("InvalidClientTokenId", errorCode(gov));
        assertEquals(403, gov.statusCode());
        assertEquals("InvalidClientTokenId", errorCode(china));
        assertEquals(List.of("InvalidClientTokenId", "InvalidClientTokenId"),
                aws.calls().stream().map(AwsCall::errorCode).toList());
        assertNull(aws.calls().get(0).callerArn(), "no identity is known for those credentials there");
    }

    @Test
    void govCloudAndChinaCredentialsAreUnknownOutsideTheirPartition() {
        assertEquals("InvalidClientTokenId", errorCode(assertThrows(StsException.class,
                () -> assume(aws.vendorCredentials("aws-us-gov"), "us-east-1", GOV_ROLE))));
        assertEquals("InvalidClientTokenId", errorCode(assertThrows(StsException.class,
                () -> assume(aws.vendorCredentials("aws-us-gov"), "cn-north-1", CN_ROLE))));
        assertEquals("InvalidClientTokenId", errorCode(assertThrows(StsException.class,
                () -> assume(aws.vendorCredentials("aws-cn"), "us-gov-east-1", GOV_ROLE))));
    }

    @Test
    void aRoleOfAnotherPartitionDoesNotExistAtThisPartitionsEndpoint() {
        aws.role(GOV_ROLE, trust("*"), readBucket("aws-us-gov", "acme-gov"));

        StsException denied = assertThrows(StsException.class, () -> assume(aws.vendorCredentials(), "us-east-1", GOV_ROLE));

        assertEquals("AccessDenied", errorCode(denied));
    }

    @Test
    void aGovCloudRoleTrustingTheCommercialVendorAccountNeverLetsTheGovCloudVendorIn() {
        aws.role(GOV_ROLE, trust("arn:aws:iam::" + FakeAws.VENDOR_ACCOUNT_ID + ":root"), readBucket("aws-us-gov", "acme-gov"));

        StsException denied = assertThrows(StsException.class,
                () -> assume(aws.vendorCredentials("aws-us-gov"), "us-gov-west-1", GOV_ROLE));

        assertEquals("AccessDenied", errorCode(denied));
    }

    @Test
    void aChinaRoleTrustingTheChinaVendorAccountByNumberLetsItIn() {
        aws.role(CN_ROLE, trust(FakeAws.CN_VENDOR_ACCOUNT_ID), readBucket("aws-cn", "acme-cn"));

        assume(aws.vendorCredentials("aws-cn"), "cn-northwest-1", CN_ROLE);

        assertEquals("arn:aws-cn:iam::868686868686:user/rolegate", aws.calls().get(0).callerArn());
    }

    @Test
    void aSessionReadsItsPartitionsBucketsAndIsUnknownElsewhere() {
        aws.role(GOV_ROLE, trust("arn:aws-us-gov:iam::" + FakeAws.GOV_VENDOR_ACCOUNT_ID + ":root"),
                readBucket("aws-us-gov", "acme-gov"));
        aws.bucket("acme-gov", "us-gov-west-1", CUSTOMER);
        aws.object("acme-gov", "reports/q1.csv", REPORT, null);
        Credentials session = assume(aws.vendorCredentials("aws-us-gov"), "us-gov-west-1", GOV_ROLE);

        try (S3Client gov = SdkClients.s3(aws, session, "us-gov-west-1");
                S3Client commercial = SdkClients.s3(aws, session, "us-east-1")) {
            ResponseBytes<GetObjectResponse> read = gov.getObjectAsBytes(b -> b.bucket("acme-gov").key("reports/q1.csv"));
            S3Exception unknown = assertThrows(S3Exception.class,
                    () -> commercial.listObjectsV2(b -> b.bucket("acme-gov")));

            assertEquals("id,total\n1,42\n", read.asUtf8String());
            assertEquals("InvalidAccessKeyId", unknown.awsErrorDetails().errorCode());
        }
    }

    @Test
    void aBucketOfAnotherPartitionDoesNotExistThere() {
        aws.role(CN_ROLE, trust("arn:aws-cn:iam::" + FakeAws.CN_VENDOR_ACCOUNT_ID + ":root"), readBucket("aws-cn", "acme-gov"));
        aws.bucket("acme-gov", "us-gov-west-1", CUSTOMER);
        Credentials session = assume(aws.vendorCredentials("aws-cn"), "cn-north-1", CN_ROLE);

        try (S3Client china = SdkClients.s3(aws, session, "cn-north-1")) {
            S3Exception missing = assertThrows(S3Exception.class, () -> china.listObjectsV2(b -> b.bucket("acme-gov")));

            assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
        }
    }
}
