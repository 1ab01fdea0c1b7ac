package io.rolegate.aws.fake;

import static io.rolegate.aws.fake.PolicyDocuments.EXTERNAL_ID;
import static io.rolegate.aws.fake.PolicyDocuments.ROLE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class FakeAwsStsTest {

    private static final String SESSION = "rolegate-conn42-check7";

    private FakeAws aws;
    private StsClient sts;

    @BeforeEach
    void start() {
        aws = FakeAws.start();
        sts = SdkClients.vendorSts(aws);
    }

    @AfterEach
    void stop() {
        sts.close();
        aws.close();
    }

    private void role(String trust) {
        aws.role(ROLE_ARN, PolicyDocuments.read(trust), PolicyDocuments.read("permissions-read-reports"));
    }

    private AssumeRoleResponse assume(String externalId) {
        return sts.assumeRole(AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName(SESSION)
                .externalId(externalId).durationSeconds(900).build());
    }

    private static void assertDenied(StsException denied) {
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals("User: arn:aws:iam::111111111111:user/rolegate is not authorized to perform: sts:AssumeRole "
                + "on resource: " + ROLE_ARN, denied.awsErrorDetails().errorMessage());
    }

    @Test
    void assumesTheRoleWithTheRightExternalId() {
        role("trust-external-id");

        AssumeRoleResponse assumed = assume(EXTERNAL_ID);

        assertEquals("arn:aws:sts::222222222222:assumed-role/RolegateRead/" + SESSION, assumed.assumedRoleUser().arn());
        assertTrue(assumed.assumedRoleUser().assumedRoleId().startsWith("AROA"));
        assertTrue(assumed.assumedRoleUser().assumedRoleId().endsWith(":" + SESSION));
        assertTrue(assumed.credentials().accessKeyId().startsWith("ASIA"));
        Duration lifetime = Duration.between(Instant.now(), assumed.credentials().expiration());
        assertTrue(lifetime.compareTo(Duration.ofSeconds(890)) > 0 && lifetime.compareTo(Duration.ofSeconds(901)) < 0,
                "expires after DurationSeconds, was " + lifetime);
        assertTrue(assumed.responseMetadata().requestId().matches("[0-9a-f-]{36}"));
    }

    @Test
    void deniesTheRoleWithoutAnExternalId() {
        role("trust-external-id");

        assertDenied(assertThrows(StsException.class, () -> assume(null)));
    }

    @Test
    void deniesTheRoleWithAWrongExternalId() {
        role("trust-external-id");

        assertDenied(assertThrows(StsException.class, () -> assume("rg-not-the-one")));
    }

    @Test
    void aWildcardExternalIdConditionStillNeedsSomeExternalIdButAcceptsAnyValue() {
        role("trust-external-id-like-anything");

        assertDenied(assertThrows(StsException.class, () -> assume(null)));
        assertEquals(SESSION, assume("rg-any-guess").assumedRoleUser().arn().replaceAll(".*/", ""));
    }

    @Test
    void aTrustPolicyWithoutConditionLetsTheVendorAccountInWithOrWithoutExternalId() {
        role("trust-no-condition");

        assume(null);
        assume("rg-anything-at-all");
    }

    @Test
    void deniesAVendorThatIsNotTheTrustedAccount() {
        role("trust-other-account");

        assertDenied(assertThrows(StsException.class, () -> assume(EXTERNAL_ID)));
    }

    @Test
    void aMissingRoleAnswersTheSameAccessDeniedAsAMismatch() {
        assertDenied(assertThrows(StsException.class, () -> assume(EXTERNAL_ID)));
    }

    @Test
    void anExplicitDenyInTheTrustPolicyWinsOverTheAllow() {
        aws.role(ROLE_ARN, """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"},
                  {"Effect": "Deny", "Principal": "*", "Action": "sts:*",
                   "Condition": {"StringNotLike": {"sts:RoleSessionName": "rolegate-*"}}}
                ]}""", PolicyDocuments.read("permissions-read-reports"));

        assume(EXTERNAL_ID);
        assertDenied(assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN)
                .roleSessionName("someone-else").durationSeconds(900))));
    }

    @Test
    void callerIdentityOfTheSessionIsTheAssumedRoleWithTheSessionName() {
        role("trust-external-id");
        AssumeRoleResponse assumed = assume(EXTERNAL_ID);

        try (StsClient session = SdkClients.sts(aws, SdkClients.sessionCredentials(assumed.credentials()), "eu-west-1")) {
            GetCallerIdentityResponse identity = session.getCallerIdentity();

            assertEquals("arn:aws:sts::222222222222:assumed-role/RolegateRead/" + SESSION, identity.arn());
            assertEquals("222222222222", identity.account());
            assertEquals(assumed.assumedRoleUser().assumedRoleId(), identity.userId());
        }
        assertEquals("arn:aws:iam::111111111111:user/rolegate", sts.getCallerIdentity().arn());
    }

    @Test
    void rejectsParametersStsWouldRejectBeforeLookingAtTheRole() {
        role("trust-external-id");

        StsException badName = assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN)
                .roleSessionName("has space").externalId(EXTERNAL_ID)));
        StsException shortId = assertThrows(StsException.class, () -> assume("x"));
        StsException tooShort = assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn(ROLE_ARN)
                .roleSessionName(SESSION).externalId(EXTERNAL_ID).durationSeconds(899)));

        for (StsException invalid : List.of(badName, shortId, tooShort)) {
            assertEquals(400, invalid.statusCode());
            assertEquals("ValidationError", invalid.awsErrorDetails().errorCode());
        }
        assertEquals("1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
                badName.awsErrorDetails().errorMessage());
    }

    @Test
    void durationSecondsAboveTheRoleMaximumIsRejectedUntilTheMaximumIsRaised() {
        role("trust-external-id");
        AssumeRoleRequest twoHours = AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName(SESSION)
                .externalId(EXTERNAL_ID).durationSeconds(7200).build();

        StsException tooLong = assertThrows(StsException.class, () -> sts.assumeRole(twoHours));
        aws.maxSessionDuration(ROLE_ARN, Duration.ofHours(2));

        assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
        assertEquals(7200, sts.assumeRole(twoHours).credentials().expiration().getEpochSecond()
                - aws.now().getEpochSecond(), 2);
    }

    @Test
    void aNewRoleIsDeniedUntilItsPropagationDelayHasPassedOnTheFakeClock() {
        role("trust-external-id");
        aws.propagationDelay(ROLE_ARN, Duration.ofSeconds(20));

        assertDenied(assertThrows(StsException.class, () -> assume(EXTERNAL_ID)));
        aws.advanceTime(Duration.ofSeconds(19));
        assertDenied(assertThrows(StsException.class, () -> assume(EXTERNAL_ID)));
        aws.advanceTime(Duration.ofSeconds(1));
        assume(EXTERNAL_ID);
    }

    @Test
    void aNewRoleCanBeDeniedForAFixedNumberOfAttempts() {
        role("trust-external-id");
        aws.propagationDelayAttempts(ROLE_ARN, 2);

        assertDenied(assertThrows(StsException.class, () -> assume(EXTERNAL_ID)));
        assertDenied(assertThrows(StsException.class, () -> assume(EXTERNAL_ID)));
        assume(EXTERNAL_ID);
    }

    @Test
    void aDisabledRegionAnswersRegionDisabledException() {
        role("trust-external-id");
        aws.disableStsRegion("ap-east-1");

        try (StsClient hongKong = SdkClients.sts(aws, aws.vendorCredentials(), "ap-east-1")) {
            StsException disabled = assertThrows(StsException.class, () -> hongKong.assumeRole(r -> r.roleArn(ROLE_ARN)
                    .roleSessionName(SESSION).externalId(EXTERNAL_ID)));

            assertEquals(403, disabled.statusCode());
            assertEquals("RegionDisabledException", disabled.awsErrorDetails().errorCode());
            assertTrue(disabled.awsErrorDetails().errorMessage().contains("account:222222222222"));
        }
        assume(EXTERNAL_ID);
        assertEquals(List.of("ap-east-1", "us-east-1"), aws.calls().stream().map(AwsCall::region).toList());
    }

    @Test
    void theSdkRetriesThrottlingAndSucceeds() {
        role("trust-external-id");
        aws.throttle(FakeAws.Service.STS, 2);

        assume(EXTERNAL_ID);

        assertEquals(List.of("Throttling", "Throttling", "success"), aws.calls().stream()
                .map(call -> call.succeeded() ? "success" : call.errorCode()).toList());
        assertEquals(400, aws.calls().get(0).status());
    }

    @Test
    void serverErrorsAreRetriedAndSurfaceWhenTheyOutlastTheRetries() {
        role("trust-external-id");
        aws.failWith5xx(FakeAws.Service.STS, 1);
        assume(EXTERNAL_ID);

        aws.failWith5xx(FakeAws.Service.STS, 3);
        StsException unavailable = assertThrows(StsException.class, () -> assume(EXTERNAL_ID));

        assertEquals(500, unavailable.statusCode());
        assertEquals("InternalFailure", unavailable.awsErrorDetails().errorCode());
        assertEquals(5, aws.calls().size());
    }

    @Test
    void invalidVendorCredentialsAnswerInvalidClientTokenId() {
        role("trust-external-id");
        aws.invalidVendorCredentials();

        StsException invalid = assertThrows(StsException.class, () -> assume(EXTERNAL_ID));

        assertEquals(403, invalid.statusCode());
        assertEquals("InvalidClientTokenId", invalid.awsErrorDetails().errorCode());
    }

    @Test
    void aRequestSignedWithTheWrongSecretIsRejected() {
        role("trust-external-id");
        AwsBasicCredentials wrongSecret = AwsBasicCredentials.create(aws.vendorCredentials().accessKeyId(),
                "not-the-secret-of-this-access-key-00000");

        try (StsClient forged = SdkClients.sts(aws, wrongSecret, "us-east-1")) {
            StsException rejected = assertThrows(StsException.class, () -> forged.getCallerIdentity());

            assertEquals(403, rejected.statusCode());
            assertEquals("SignatureDoesNotMatch", rejected.awsErrorDetails().errorCode());
        }
    }

    @Test
    void sessionCredentialsExpireAndNeedTheirToken() {
        role("trust-external-id");
        AssumeRoleResponse assumed = assume(EXTERNAL_ID);
        AwsBasicCredentials withoutToken = AwsBasicCredentials.create(assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey());

        try (StsClient tokenless = SdkClients.sts(aws, withoutToken, "us-east-1");
                StsClient session = SdkClients.sts(aws, SdkClients.sessionCredentials(assumed.credentials()), "us-east-1")) {
            assertEquals("InvalidClientTokenId", assertThrows(StsException.class, tokenless::getCallerIdentity)
                    .awsErrorDetails().errorCode());
            session.getCallerIdentity();

            aws.advanceTime(Duration.ofSeconds(900));
            StsException expired = assertThrows(StsException.class, session::getCallerIdentity);

            assertEquals(403, expired.statusCode());
            assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
        }
    }

    @Test
    void theCallLogRecordsWhoAssumedWhatWithWhichExternalId() {
        role("trust-external-id");
        assume(EXTERNAL_ID);
        assertThrows(StsException.class, () -> assume(null));

        List<AwsCall> calls = aws.calls();

        assertEquals(2, calls.size());
        AwsCall first = calls.get(0);
        assertEquals(FakeAws.Service.STS, first.service());
        assertEquals("AssumeRole", first.operation());
        assertEquals("us-east-1", first.region());
        assertEquals("arn:aws:iam::111111111111:user/rolegate", first.callerArn());
        assertEquals(ROLE_ARN, first.roleArn());
        assertEquals(SESSION, first.roleSessionName());
        assertEquals(EXTERNAL_ID, first.externalId());
        assertEquals(900, first.durationSeconds());
        assertEquals(200, first.status());
        assertEquals(null, calls.get(1).externalId());
        assertEquals("AccessDenied", calls.get(1).errorCode());
        assertEquals(403, calls.get(1).status());

        aws.clearCalls();
        assertEquals(List.of(), aws.calls());
    }

    @Test
    void theVendorsOwnPolicyMustAllowAssumeRoleAndItsRefusalSaysSo() {
        role("trust-external-id");
        aws.vendorPolicy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
                 "Resource": "arn:aws:iam::*:role/vendor-*"}}""");

        StsException denied = assertThrows(StsException.class, () -> assume(EXTERNAL_ID));

        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals("User: arn:aws:iam::111111111111:user/rolegate is not authorized to perform: sts:AssumeRole "
                + "on resource: " + ROLE_ARN + " because no identity-based policy allows the sts:AssumeRole action",
                denied.awsErrorDetails().errorMessage());
        aws.clearFaults();
        assertTrue(assume(EXTERNAL_ID).assumedRoleUser().arn().endsWith("/" + SESSION));
    }
}
