package io.rolegate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * What Rolegate reads from AWS's refusals: the kind of policy an AccessDenied names (IAM User Guide, "Access denied
 * error messages"), whether KMS refused and which key, and which service answered.
 */
class AwsErrorsTest {

    private static final String SESSION = "User: arn:aws:sts::123456789012:assumed-role/rolegate-read/rolegate-1a2b3c4d-5e6f7a8b";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/0b4c1e3a-1111-2222-3333-444455556666";

    private static AwsFailure s3(int status, String code, String message, Map<String, String> headers) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
        headers.forEach(http::putHeader);
        return AwsErrors.classify(S3Exception.builder().statusCode(status).requestId("4442587FB7D0A2F9")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .sdkHttpResponse(http.build()).build()).build());
    }

    private static AwsFailure denied(String message) {
        return s3(403, "AccessDenied", message, Map.of());
    }

    @Test
    void eachPolicyTypeAnAccessDeniedNamesIsRead() {
        String listing = SESSION + " is not authorized to perform: s3:ListBucket on resource: \"arn:aws:s3:::acme\" ";
        Map<String, AwsFailure.DeniedBy> messages = Map.of(
                "because no identity-based policy allows the s3:ListBucket action", AwsFailure.DeniedBy.IDENTITY_POLICY,
                "with an explicit deny in an identity-based policy", AwsFailure.DeniedBy.IDENTITY_POLICY_DENY,
                "because no resource-based policy allows the s3:ListBucket action", AwsFailure.DeniedBy.RESOURCE_POLICY,
                "with an explicit deny in a resource-based policy", AwsFailure.DeniedBy.RESOURCE_POLICY_DENY,
                "with an explicit deny in a service control policy", AwsFailure.DeniedBy.SERVICE_CONTROL_POLICY,
                "with an explicit deny in a resource control policy", AwsFailure.DeniedBy.RESOURCE_CONTROL_POLICY,
                "because no permissions boundary allows the s3:ListBucket action", AwsFailure.DeniedBy.PERMISSIONS_BOUNDARY,
                "with an explicit deny in a VPC endpoint policy", AwsFailure.DeniedBy.VPC_ENDPOINT_POLICY,
                "because no VPC endpoint policy allows the s3:ListBucket action", AwsFailure.DeniedBy.VPC_ENDPOINT_POLICY);
        messages.forEach((because, expected) -> {
            AwsFailure failure = denied(listing + because);
            assertEquals(AwsFailure.Kind.ACCESS_DENIED, failure.kind(), because);
            assertEquals(expected, failure.deniedBy(), because);
        });
        assertEquals(AwsFailure.DeniedBy.NOT_STATED, denied("Access Denied").deniedBy());
    }

    @Test
    void aKmsRefusalIsToldFromAnS3OneAndNamesItsKey() {
        AwsFailure kms = denied(SESSION + " is not authorized to perform: kms:Decrypt on resource: " + KEY
                + " because no identity-based policy allows the kms:Decrypt action");
        AwsFailure objectNamedKms = denied(SESSION + " is not authorized to perform: s3:GetObject on resource: "
                + "\"arn:aws:s3:::acme/kms:notes/" + KEY + ".csv\" because no identity-based policy allows the "
                + "s3:GetObject action");

        assertEquals(AwsFailure.Kind.KMS_DENIED, kms.kind());
        assertEquals(Optional.of(KEY), kms.kmsKeyArn());
        assertEquals(AwsFailure.DeniedBy.IDENTITY_POLICY, kms.deniedBy());
        assertEquals(AwsFailure.Kind.ACCESS_DENIED, objectNamedKms.kind());
        assertEquals(Optional.empty(), objectNamedKms.kmsKeyArn());
    }

    @Test
    void kmsNotTellingAnotherAccountAboutItsKeyIsAKmsRefusalWhoseKeyComesFromS3sHeader() {
        String notAccessible = "The ciphertext refers to a customer master key that does not exist, does not exist "
                + "in this region, or you are not allowed to access.";

        AwsFailure unnamed = denied(notAccessible);
        AwsFailure named = s3(403, "AccessDenied", notAccessible,
                Map.of("x-amz-server-side-encryption-aws-kms-key-id", KEY));

        assertEquals(AwsFailure.Kind.KMS_DENIED, unnamed.kind());
        assertEquals(Optional.empty(), unnamed.kmsKeyArn());
        assertEquals(AwsFailure.DeniedBy.NOT_STATED, unnamed.deniedBy());
        assertEquals(Optional.of(KEY), named.kmsKeyArn());
    }

    @Test
    void throttlingNamesTheServiceThatThrottled() {
        AwsFailure slowDown = s3(503, "SlowDown", "Please reduce your request rate.", Map.of());
        AwsServiceException stsThrottling = StsException.builder().statusCode(400).requestId("c6104cbe")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded")
                        .build()).build();

        assertEquals(AwsFailure.Kind.THROTTLED, slowDown.kind());
        assertEquals(AwsFailure.Service.S3, slowDown.service());
        assertEquals(AwsFailure.Kind.THROTTLED, AwsErrors.classify(stsThrottling).kind());
        assertEquals(AwsFailure.Service.STS, AwsErrors.classify(stsThrottling).service());
    }
}
