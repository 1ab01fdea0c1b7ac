package io.rolegate.aws.fake;

import static io.rolegate.aws.fake.PolicyDocuments.CUSTOMER_ACCOUNT;
import static io.rolegate.aws.fake.PolicyDocuments.EXTERNAL_ID;
import static io.rolegate.aws.fake.PolicyDocuments.KMS_KEY_ARN;
import static io.rolegate.aws.fake.PolicyDocuments.ROLE_ARN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

class FakeAwsS3Test {

    private static final String SESSION = "rolegate-conn42-check7";
    private static final String SESSION_ARN = "arn:aws:sts::222222222222:assumed-role/RolegateRead/" + SESSION;
    private static final byte[] REPORT = "id,total\n1,42\n".getBytes(StandardCharsets.UTF_8);

    private FakeAws aws;
    private S3Client s3;

    @BeforeEach
    void start() {
        aws = FakeAws.start();
        aws.bucket("acme-data", "us-east-1", CUSTOMER_ACCOUNT);
        aws.object("acme-data", "reports/", new byte[0], null);
        aws.object("acme-data", "reports/2024/q1.csv", REPORT, null);
        aws.object("acme-data", "reports/empty.csv", new byte[0], null);
        aws.object("acme-data", "reports/sealed.csv", REPORT, KMS_KEY_ARN);
        aws.object("acme-data", "private/salaries.csv", REPORT, null);
        s3 = s3("permissions-read-reports", "us-east-1");
    }

    @AfterEach
    void stop() {
        s3.close();
        aws.close();
    }

    /** Registers the role with these permissions and returns an S3 client on a fresh session of it. */
    private S3Client s3(String permissions, String region) {
        aws.role(ROLE_ARN, PolicyDocuments.read("trust-external-id"), PolicyDocuments.read(permissions));
        return SdkClients.s3(aws, session(), region);
    }

    private Credentials session() {
        try (StsClient sts = SdkClients.vendorSts(aws)) {
            return sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName(SESSION).externalId(EXTERNAL_ID)
                    .durationSeconds(900)).credentials();
        }
    }

    private static void assertDenied(S3Exception denied, String action, String resource) {
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().startsWith("User: " + SESSION_ARN
                + " is not authorized to perform: " + action + " on resource: " + resource),
                denied.awsErrorDetails().errorMessage());
    }

    @Test
    void listsWithinThePermittedPrefix() {
        ListObjectsV2Response listing = s3.listObjectsV2(r -> r.bucket("acme-data").prefix("reports/").maxKeys(10));

        assertEquals(List.of("reports/", "reports/2024/q1.csv", "reports/empty.csv", "reports/sealed.csv"),
                listing.contents().stream().map(S3Object::key).toList());
        S3Object report = listing.contents().get(1);
        assertEquals(REPORT.length, report.size());
        assertEquals(0, listing.contents().get(0).size());
        assertTrue(report.eTag().matches("\"[0-9a-f]{32}\""), report.eTag());
        assertEquals("STANDARD", report.storageClassAsString());
        assertTrue(report.lastModified() != null);
        assertEquals(4, listing.keyCount());
        assertEquals(false, listing.isTruncated());
    }

    @Test
    void pagesThroughListingsWithContinuationTokens() {
        ListObjectsV2Response first = s3.listObjectsV2(r -> r.bucket("acme-data").prefix("reports/").maxKeys(3));
        ListObjectsV2Response second = s3.listObjectsV2(r -> r.bucket("acme-data").prefix("reports/").maxKeys(3)
                .continuationToken(first.nextContinuationToken()));

        assertTrue(first.isTruncated());
        assertEquals(3, first.keyCount());
        assertEquals(List.of("reports/sealed.csv"), second.contents().stream().map(S3Object::key).toList());
    }

    @Test
    void deniesListingOutsideThePrefixOrWithoutOne() {
        assertDenied(assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-data").prefix("private/"))),
                "s3:ListBucket", "\"arn:aws:s3:::acme-data\"");
        assertDenied(assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-data"))),
                "s3:ListBucket", "\"arn:aws:s3:::acme-data\"");
        assertEquals("private/", aws.calls().get(1).prefix());
        assertNull(aws.calls().get(2).prefix());
    }

    @Test
    void readsTheFirstByteWithARangeRequest() {
        ResponseBytes<GetObjectResponse> firstByte = s3.getObjectAsBytes(r -> r.bucket("acme-data")
                .key("reports/2024/q1.csv").range("bytes=0-0"));

        assertArrayEquals(new byte[] {'i'}, firstByte.asByteArray());
        assertEquals("bytes 0-0/" + REPORT.length, firstByte.response().contentRange());
        assertEquals(206, firstByte.response().sdkHttpResponse().statusCode());
        AwsCall call = aws.calls().get(1);
        assertEquals("GetObject", call.operation());
        assertEquals("bytes=0-0", call.range());
        assertEquals("reports/2024/q1.csv", call.key());
        assertEquals(206, call.status());
    }

    @Test
    void aRangeOnAnEmptyObjectIsInvalidButOnlyAfterAuthorisation() {
        S3Exception invalid = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("acme-data")
                .key("reports/empty.csv").range("bytes=0-0")));
        aws.object("acme-data", "private/empty.csv", new byte[0], null);
        S3Exception denied = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("acme-data")
                .key("private/empty.csv").range("bytes=0-0")));

        assertEquals(416, invalid.statusCode());
        assertEquals("InvalidRange", invalid.awsErrorDetails().errorCode());
        assertDenied(denied, "s3:GetObject", "\"arn:aws:s3:::acme-data/private/empty.csv\"");
    }

    @Test
    void aKmsEncryptedObjectNeedsKmsDecryptOnItsKey() {
        S3Exception denied = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("acme-data")
                .key("reports/sealed.csv").range("bytes=0-0")));
        HeadObjectResponse head = s3.headObject(r -> r.bucket("acme-data").key("reports/sealed.csv"));

        assertDenied(denied, "kms:Decrypt", KMS_KEY_ARN);
        assertEquals(KMS_KEY_ARN, head.ssekmsKeyId());
        assertEquals(REPORT.length, head.contentLength());

        try (S3Client withDecrypt = s3("permissions-read-reports-kms", "us-east-1")) {
            assertArrayEquals(new byte[] {'i'}, withDecrypt.getObjectAsBytes(r -> r.bucket("acme-data")
                    .key("reports/sealed.csv").range("bytes=0-0")).asByteArray());
        }
    }

    @Test
    void kmsDecryptIsLimitedToS3InTheKeysRegionThroughViaService() {
        aws.bucket("acme-eu", "eu-west-1", CUSTOMER_ACCOUNT);
        aws.object("acme-eu", "sealed.csv", REPORT, KMS_KEY_ARN);

        try (S3Client ireland = s3("permissions-read-reports-kms", "eu-west-1")) {
            assertDenied(assertThrows(S3Exception.class, () -> ireland.getObjectAsBytes(r -> r.bucket("acme-eu")
                    .key("sealed.csv"))), "kms:Decrypt", KMS_KEY_ARN);
        }
    }

    @Test
    void aBucketInAnotherRegionRedirectsUnlessTheClientUsesThatRegion() {
        aws.bucket("acme-eu", "eu-west-1", CUSTOMER_ACCOUNT);
        aws.object("acme-eu", "data.csv", REPORT, null);

        S3Exception moved = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-eu")));
        String location = s3.getBucketLocation(r -> r.bucket("acme-eu")).locationConstraintAsString();

        assertEquals(301, moved.statusCode());
        assertEquals("PermanentRedirect", moved.awsErrorDetails().errorCode());
        assertEquals(List.of("eu-west-1"), moved.awsErrorDetails().sdkHttpResponse().headers().get("x-amz-bucket-region"));
        assertEquals("eu-west-1", location);
        try (S3Client ireland = SdkClients.s3(aws, session(), "eu-west-1")) {
            assertEquals(List.of("data.csv"), ireland.listObjectsV2(r -> r.bucket("acme-eu")).contents().stream()
                    .map(S3Object::key).toList());
        }
    }

    @Test
    void bucketLocationIsEmptyForUsEast1() {
        assertEquals("", s3.getBucketLocation(r -> r.bucket("acme-data")).locationConstraintAsString());
    }

    @Test
    void aMissingBucketIsNotFound() {
        S3Exception missing = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-gone")));

        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
        assertEquals(404, assertThrows(S3Exception.class, () -> s3.headBucket(r -> r.bucket("acme-gone"))).statusCode());
    }

    @Test
    void aMissingKeyIsNotFoundOnlyForCallersWhoMayListIt() {
        S3Exception missing = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("acme-eu")
                .key("nothing-here.csv")));
        aws.bucket("acme-eu", "us-east-1", CUSTOMER_ACCOUNT);
        S3Exception notFound = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("acme-eu")
                .key("nothing-here.csv")));
        S3Exception hidden = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("acme-data")
                .key("reports/nothing-here.csv")));

        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
        assertEquals("NoSuchKey", notFound.awsErrorDetails().errorCode());
        assertDenied(hidden, "s3:ListBucket", "\"arn:aws:s3:::acme-data\"");
    }

    @Test
    void aBucketOwnedByAnotherAccountIsDeniedWhateverTheRoleAllows() {
        aws.bucket("acme-foreign", "us-east-1", "333333333333");
        aws.object("acme-foreign", "data.csv", REPORT, null);

        S3Exception denied = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-foreign")));

        assertDenied(denied, "s3:ListBucket", "\"arn:aws:s3:::acme-foreign\"");
        assertTrue(denied.awsErrorDetails().errorMessage().endsWith("because no resource-based policy allows the "
                + "s3:ListBucket action"));
    }

    @Test
    void headBucketNeedsListBucketAndReportsTheRegion() {
        aws.bucket("acme-eu", "us-east-1", CUSTOMER_ACCOUNT);

        assertEquals(List.of("us-east-1"), s3.headBucket(r -> r.bucket("acme-eu")).sdkHttpResponse().headers()
                .get("x-amz-bucket-region"));
        assertEquals(403, assertThrows(S3Exception.class, () -> s3.headBucket(r -> r.bucket("acme-data"))).statusCode());
    }

    @Test
    void writesAreRecordedAndDeniedByAReadOnlyPolicy() {
        S3Exception put = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket("acme-data")
                .key("reports/probe.txt"), RequestBody.fromString("probe")));
        S3Exception delete = assertThrows(S3Exception.class, () -> s3.deleteObject(r -> r.bucket("acme-data")
                .key("reports/2024/q1.csv")));

        assertDenied(put, "s3:PutObject", "\"arn:aws:s3:::acme-data/reports/probe.txt\"");
        assertDenied(delete, "s3:DeleteObject", "\"arn:aws:s3:::acme-data/reports/2024/q1.csv\"");
        assertEquals(List.of("AssumeRole", "PutObject", "DeleteObject"),
                aws.calls().stream().map(AwsCall::operation).toList());
    }

    @Test
    void aPermittedPutStoresTheChunkSignedBodyItReceived() {
        aws.role(ROLE_ARN, PolicyDocuments.read("trust-external-id"), """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"],
                 "Resource": "arn:aws:s3:::acme-data/uploads/*"}}""");

        s3.putObject(r -> r.bucket("acme-data").key("uploads/a b+c.txt"), RequestBody.fromString("hello, fake"));

        assertEquals("hello, fake", s3.getObjectAsBytes(r -> r.bucket("acme-data").key("uploads/a b+c.txt")).asUtf8String());
    }

    @Test
    void theVendorsOwnCredentialsCannotReadCustomerBuckets() {
        try (S3Client vendor = SdkClients.s3(aws, aws.vendorCredentials(), "us-east-1")) {
            S3Exception denied = assertThrows(S3Exception.class, () -> vendor.listObjectsV2(r -> r.bucket("acme-data")
                    .prefix("reports/")));

            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            aws.invalidVendorCredentials();
            assertEquals("InvalidAccessKeyId", assertThrows(S3Exception.class, () -> vendor.listObjectsV2(r -> r
                    .bucket("acme-data"))).awsErrorDetails().errorCode());
        }
    }

    @Test
    void theVendorPublishesIntoItsOwnBucketAndReadsTheContentTypeBack() {
        aws.bucket("rolegate-templates", "us-east-1", aws.vendorAccountId());
        try (S3Client vendor = SdkClients.s3(aws, aws.vendorCredentials(), "us-east-1")) {
            vendor.putObject(r -> r.bucket("rolegate-templates").key("templates/k7Q/rolegate.yaml")
                    .contentType("application/x-yaml"), RequestBody.fromString("AWSTemplateFormatVersion: \"2010-09-09\"\n"));

            ResponseBytes<GetObjectResponse> back = vendor.getObjectAsBytes(r -> r.bucket("rolegate-templates")
                    .key("templates/k7Q/rolegate.yaml"));

            assertEquals("application/x-yaml", back.response().contentType());
            assertEquals("AWSTemplateFormatVersion: \"2010-09-09\"\n", back.asUtf8String());
        }
        FakeAws.StoredObject stored = aws.storedObject("rolegate-templates", "templates/k7Q/rolegate.yaml");
        assertEquals("application/x-yaml", stored.contentType());
        AwsCall put = aws.calls().stream().filter(call -> call.operation().equals("PutObject")).findFirst().orElseThrow();
        assertEquals(aws.vendorUserArn(), put.callerArn());
        assertEquals("templates/k7Q/rolegate.yaml", put.key());
    }

    @Test
    void theVendorsIdentityPolicyDecidesItsPutObject() {
        aws.bucket("rolegate-templates", "us-east-1", aws.vendorAccountId());
        aws.vendorPolicy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}}""");
        try (S3Client vendor = SdkClients.s3(aws, aws.vendorCredentials(), "us-east-1")) {
            S3Exception denied = assertThrows(S3Exception.class, () -> vendor.putObject(r -> r.bucket("rolegate-templates")
                    .key("templates/x.yaml"), RequestBody.fromString("x")));

            assertEquals("User: " + aws.vendorUserArn() + " is not authorized to perform: s3:PutObject on resource: "
                    + "\"arn:aws:s3:::rolegate-templates/templates/x.yaml\" because no identity-based policy allows the "
                    + "s3:PutObject action", denied.awsErrorDetails().errorMessage());
        }
        assertNull(aws.storedObject("rolegate-templates", "templates/x.yaml"));
    }

    @Test
    void aRemovedRoleTakesItsSessionsPermissionsWithIt() {
        aws.removeRole(ROLE_ARN);

        assertDenied(assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-data").prefix("reports/"))),
                "s3:ListBucket", "\"arn:aws:s3:::acme-data\"");
    }

    @Test
    void slowDownIsRetriedBySdk() {
        aws.throttle(FakeAws.Service.S3, 2);

        s3.headObject(r -> r.bucket("acme-data").key("reports/2024/q1.csv"));

        assertEquals(List.of(503, 503, 200), aws.calls().stream().skip(1).map(AwsCall::status).toList());
        assertEquals("SlowDown", aws.calls().get(1).errorCode());
    }

    @Test
    void aBucketPolicyDenyRefusesWhatTheRolesOwnPolicyAllowsAndSaysSo() {
        aws.bucketPolicy("acme-data", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"],
                 "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}}""");

        S3Exception denied = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-data")
                .prefix("reports/")));

        assertDenied(denied, "s3:ListBucket", "\"arn:aws:s3:::acme-data\"");
        assertTrue(denied.awsErrorDetails().errorMessage().endsWith("with an explicit deny in a resource-based policy"));
    }

    @Test
    void aBucketPolicyLetsARoleOfAnotherAccountInWhenItsOwnPolicyAllowsItToo() {
        aws.bucket("acme-foreign", "us-east-1", "333333333333");
        aws.object("acme-foreign", "data.csv", REPORT, null);
        aws.bucketPolicy("acme-foreign", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "%s"},
                 "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-foreign"}}""".formatted(ROLE_ARN));

        assertEquals(List.of("data.csv"), s3.listObjectsV2(r -> r.bucket("acme-foreign")).contents().stream()
                .map(S3Object::key).toList());
        aws.role(ROLE_ARN, PolicyDocuments.read("trust-external-id"), """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket",
                 "Resource": "arn:aws:s3:::acme-data"}}""");
        S3Exception denied = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-foreign")));
        assertDenied(denied, "s3:ListBucket", "\"arn:aws:s3:::acme-foreign\"");
        assertTrue(denied.awsErrorDetails().errorMessage().endsWith("because no identity-based policy allows the "
                + "s3:ListBucket action"));
    }

    @Test
    void aBucketOutsideTheCallersOrganizationAnswersABareAccessDenied() {
        aws.plainAccessDenied("acme-data");

        S3Exception denied = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-data")
                .prefix("private/")));

        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals("Access Denied", denied.awsErrorDetails().errorMessage());
    }

    @Test
    void aVpcEndpointOnTheCallersPathRefusesWhatItsPolicyDoesNotAllow() {
        aws.s3VpcEndpointPolicy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:*",
                 "Resource": ["arn:aws:s3:::vendor-own", "arn:aws:s3:::vendor-own/*"]}}""");

        S3Exception denied = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-data")
                .prefix("reports/")));

        assertTrue(denied.awsErrorDetails().errorMessage().endsWith(
                "because no VPC endpoint policy allows the s3:ListBucket action"), denied.awsErrorDetails().errorMessage());
        aws.clearFaults();
        assertEquals(4, s3.listObjectsV2(r -> r.bucket("acme-data").prefix("reports/")).keyCount());
    }

    @Test
    void aKeyPolicyDenyIsNamedAsAResourceBasedPolicyEvenWhenTheRolesPolicyAllowsDecrypting() {
        aws.kmsKey(KMS_KEY_ARN, """
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*", "Resource": "*"},
                 {"Effect": "Deny", "Principal": {"AWS": "%s"}, "Action": "kms:Decrypt", "Resource": "*"}]}"""
                .formatted(CUSTOMER_ACCOUNT, ROLE_ARN));

        try (S3Client withDecrypt = s3("permissions-read-reports-kms", "us-east-1")) {
            S3Exception denied = assertThrows(S3Exception.class, () -> withDecrypt.getObjectAsBytes(r -> r
                    .bucket("acme-data").key("reports/sealed.csv").range("bytes=0-0")));

            assertDenied(denied, "kms:Decrypt", KMS_KEY_ARN);
            assertTrue(denied.awsErrorDetails().errorMessage().endsWith("with an explicit deny in a resource-based policy"));
        }
    }

    @Test
    void aKeyOfAnotherAccountIsNotNamedByKmsButHeadObjectNamesIt() {
        String foreignKey = "arn:aws:kms:us-east-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        aws.object("acme-data", "reports/foreign.csv", REPORT, foreignKey);

        S3Exception denied = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("acme-data")
                .key("reports/foreign.csv").range("bytes=0-0")));

        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals("The ciphertext refers to a customer master key that does not exist, does not exist in this "
                + "region, or you are not allowed to access.", denied.awsErrorDetails().errorMessage());
        assertEquals(foreignKey, s3.headObject(r -> r.bucket("acme-data").key("reports/foreign.csv")).ssekmsKeyId());
    }

    @Test
    void aThrottledOperationLeavesTheOthersAlone() {
        aws.throttle(FakeAws.Service.S3, "ListObjectsV2", 5);

        assertEquals("", s3.getBucketLocation(r -> r.bucket("acme-data")).locationConstraintAsString());
        S3Exception slowDown = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("acme-data")
                .prefix("reports/")));

        assertEquals(503, slowDown.statusCode());
        assertEquals("SlowDown", slowDown.awsErrorDetails().errorCode());
    }
}
