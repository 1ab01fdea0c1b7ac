package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.AwsCall;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.PolicyModel;
import io.rolegate.support.Accounts;

/**
 * The live check against the fake AWS, one scenario each, driving the real SDK. Roles carry the trust and
 * permission documents Rolegate renders (the policy package), altered only where a scenario needs a
 * customer's mistake.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class CheckScenarioTest {

    private static final Duration FINISH = Duration.ofSeconds(20);
    private static final byte[] REPORT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckService checks;

    private Organisation organisation;
    private Account customer;

    @BeforeEach
    void signUp() {
        organisation = Accounts.organisation("Scenario");
        customer = Accounts.customer(organisation);
    }

    @AfterEach
    void calmAws() {
        aws.clearFaults();
    }

    /** One customer account with a role, a bucket holding {@code reports/daily.csv}, and a connection to them. */
    private final class Setup {
        final String account = CheckFixtures.randomAccount();
        final String roleName = "rolegate-" + Accounts.unique();
        final String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
        final String bucket = "rg-" + Accounts.unique();
        String region = "us-east-1";
        String bucketRegion = "us-east-1";
        String prefix = "reports/";
        String submittedArn = roleArn;
        Duration submittedAgo = Duration.ofHours(1);
        ConnectionStatus status = ConnectionStatus.PENDING;
        List<String> kmsKeys = List.of();
        Connection connection;
        PolicyModel model;

        Setup withBucket(boolean create, String... keys) {
            if (create) {
                aws.bucket(bucket, bucketRegion, account);
                for (String key : keys) {
                    aws.object(bucket, key, key.endsWith("/") ? new byte[0] : REPORT, null);
                }
            }
            return this;
        }

        Setup connect() {
            connection = CheckFixtures.connection(organisation, account, region, submittedArn, submittedAgo, status,
                    List.of(new GrantedBucket(bucket, prefix)), kmsKeys);
            model = CheckFixtures.model(connection, roleName, CheckFixtures.externalId(connection));
            return this;
        }

        Setup role(Function<Setup, String> trust, Function<Setup, String> permissions) {
            aws.role(roleArn, trust.apply(this), permissions.apply(this));
            return this;
        }

        Setup renderedRole() {
            return role(s -> CheckFixtures.trustPolicy(s.model), s -> CheckFixtures.permissionPolicy(s.model));
        }

        Result check() {
            aws.clearCalls();
            UUID checkId = checks.start(connection.id, CheckTrigger.USER, CheckFixtures.actor(customer)).checkId();
            assertNotNull(checkId, "the check started");
            Check check = CheckFixtures.awaitFinished(checkId, FINISH);
            return new Result(check, CheckFixtures.steps(checkId), CheckFixtures.reload(connection.id), aws.calls());
        }
    }

    private record Result(Check check, List<CheckStep> steps, Connection connection, List<AwsCall> calls) {

        CheckStep step(String name) {
            return steps.stream().filter(step -> step.name.equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step " + name + " in " + steps));
        }

        List<AwsCall> calls(String operation) {
            return calls.stream().filter(call -> call.operation().equals(operation)).toList();
        }

        void assertStep(String name, StepStatus status, DiagnosisCode code) {
            CheckStep step = step(name);
            assertEquals(status, step.status, name + ": " + step.detail);
            assertEquals(code == null ? null : code.name(), step.code, name + ": " + step.detail);
        }
    }

    private Setup standard() {
        return new Setup().withBucket(true, "reports/", "reports/daily.csv").connect().renderedRole();
    }

    @Test
    void happyPathPassesAndActivatesTheConnection() {
        Setup setup = standard();
        Result result = setup.check();

        assertEquals(CheckOutcome.PASSED, result.check.outcome, () -> describe(result));
        assertTrue(result.steps.stream().allMatch(step -> step.status == StepStatus.PASS), () -> describe(result));
        assertEquals(8, result.steps.size());
        assertEquals("reports/daily.csv", result.step(StepSlot.READ_OBJECT).note);
        assertEquals("us-east-1", result.step(StepSlot.BUCKET_LOCATION).note);
        assertEquals(ConnectionStatus.ACTIVE, result.connection.status);
        assertEquals(result.check.id, result.connection.lastCheckId);
        assertEquals("PASSED", result.connection.lastCheckOutcome);

        String externalId = CheckFixtures.externalId(setup.connection);
        AwsCall main = result.calls("AssumeRole").stream().filter(call -> externalId.equals(call.externalId()))
                .findFirst().orElseThrow();
        assertEquals(900, main.durationSeconds());
        assertEquals(result.check.sessionName, main.roleSessionName());
        assertEquals("bytes=0-0", result.calls("GetObject").get(0).range());
        assertEquals("reports/", result.calls("ListObjectsV2").get(0).prefix());
    }

    @Test
    void sessionNamesNameConnectionAndCheckWithinAwsLimits() {
        Result result = standard().check();

        String expected = "rolegate-" + result.check.connectionId.toString().substring(0, 8) + "-"
                + result.check.id.toString().substring(0, 8);
        assertEquals(expected, result.check.sessionName);
        Set<String> names = result.calls("AssumeRole").stream().map(AwsCall::roleSessionName).collect(Collectors.toSet());
        assertEquals(Set.of(expected, expected + "-no-xid", expected + "-wrong-xid"), names);
        names.forEach(name -> assertTrue(name.matches("[\\w+=,.@-]{2,64}"), name));
    }

    @Test
    void aCheckNeverWritesToCustomerResources() {
        Result result = standard().check();

        Set<String> operations = result.calls.stream().map(AwsCall::operation).collect(Collectors.toSet());
        assertEquals(Set.of("AssumeRole", "GetCallerIdentity", "GetBucketLocation", "ListObjectsV2", "GetObject"),
                operations);
    }

    @Test
    void trustPolicyWithoutExternalIdConditionIsInsecureAndItsCredentialsAreNeverUsed() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv").connect()
                .role(s -> trustWithCondition(""), s -> CheckFixtures.permissionPolicy(s.model));
        Result result = setup.check();

        assertEquals(CheckOutcome.INSECURE, result.check.outcome, () -> describe(result));
        result.assertStep(StepSlot.PROBE_WITHOUT_EXTERNAL_ID, StepStatus.FAIL, DiagnosisCode.TRUST_NO_EXTERNAL_ID);
        result.assertStep(StepSlot.PROBE_WRONG_EXTERNAL_ID, StepStatus.FAIL, DiagnosisCode.TRUST_NO_EXTERNAL_ID);
        assertEquals(ConnectionStatus.FAILING, result.connection.status);
        assertNotNull(result.connection.failingSince);
        assertTrue(result.calls.stream().noneMatch(call -> call.callerArn() != null
                && call.callerArn().endsWith("-xid")), "probe credentials were used: " + result.calls);
    }

    @Test
    void externalIdMatchedWithAWildcardIsInsecure() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv").connect()
                .role(s -> trustWithCondition(", \"Condition\": {\"StringLike\": {\"sts:ExternalId\": \"*\"}}"),
                        s -> CheckFixtures.permissionPolicy(s.model));
        Result result = setup.check();

        assertEquals(CheckOutcome.INSECURE, result.check.outcome, () -> describe(result));
        result.assertStep(StepSlot.PROBE_WITHOUT_EXTERNAL_ID, StepStatus.PASS, null);
        result.assertStep(StepSlot.PROBE_WRONG_EXTERNAL_ID, StepStatus.FAIL, DiagnosisCode.TRUST_EXTERNAL_ID_WILDCARD);
        assertEquals(ConnectionStatus.FAILING, result.connection.status);
    }

    @Test
    void wrongExternalIdInTheTrustPolicyIsDeniedAndTheConnectionStaysPending() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv").connect()
                .role(s -> trustWithCondition(", \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"rg-someoneelse\"}}"),
                        s -> CheckFixtures.permissionPolicy(s.model));
        Result result = setup.check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.ASSUME_ROLE, StepStatus.FAIL, DiagnosisCode.TRUST_DENIED);
        assertEquals("AccessDenied", result.step(StepSlot.ASSUME_ROLE).awsErrorCode);
        assertNotNull(result.step(StepSlot.ASSUME_ROLE).requestId);
        result.assertStep(StepSlot.CALLER_IDENTITY, StepStatus.SKIP, null);
        assertEquals(ConnectionStatus.PENDING, result.connection.status);
    }

    @Test
    void trustPolicyNamingAnotherVendorAccountIsDenied() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv").connect()
                .role(s -> CheckFixtures.trustPolicy(s.model).replace(CheckFixtures.VENDOR_ACCOUNT, "222222222222"),
                        s -> CheckFixtures.permissionPolicy(s.model));
        Result result = setup.check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.ASSUME_ROLE, StepStatus.FAIL, DiagnosisCode.TRUST_DENIED);
    }

    @Test
    void missingRoleIsDeniedLikeATrustMismatchAndAnActiveConnectionStartsFailing() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv");
        setup.status = ConnectionStatus.ACTIVE;
        Result result = setup.connect().check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.ASSUME_ROLE, StepStatus.FAIL, DiagnosisCode.TRUST_DENIED);
        assertEquals(ConnectionStatus.FAILING, result.connection.status);
        assertNotNull(result.connection.failingSince);
    }

    @Test
    void freshRoleIsRetriedWhileIamPropagatesThenPasses() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv");
        setup.submittedAgo = Duration.ofSeconds(5);
        setup.connect().renderedRole();
        aws.propagationDelayAttempts(setup.roleArn, 3);
        Result result = setup.check();

        assertEquals(CheckOutcome.PASSED, result.check.outcome, () -> describe(result));
        String externalId = CheckFixtures.externalId(setup.connection);
        assertEquals(4, result.calls("AssumeRole").stream().filter(call -> externalId.equals(call.externalId())).count());
    }

    @Test
    void accessDeniedLongAfterSubmissionIsNotRetried() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv").connect().renderedRole();
        aws.propagationDelayAttempts(setup.roleArn, 1);
        Result result = setup.check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        assertEquals(1, result.calls("AssumeRole").size());
    }

    @Test
    void missingListBucketPermissionFailsTheListing() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv").connect()
                .role(s -> CheckFixtures.trustPolicy(s.model), s -> permissions(
                        statement("s3:GetObject", "arn:aws:s3:::" + s.bucket + "/reports/*"),
                        statement("s3:GetBucketLocation", "arn:aws:s3:::" + s.bucket)));
        Result result = setup.check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.LIST_OBJECTS, StepStatus.FAIL, DiagnosisCode.S3_LIST_DENIED);
        result.assertStep(StepSlot.READ_OBJECT, StepStatus.SKIP, null);
    }

    @Test
    void getObjectAllowedOnlyOutsideTheGrantedPrefixFailsTheRead() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv").connect()
                .role(s -> CheckFixtures.trustPolicy(s.model), s -> permissions(
                        statement("s3:ListBucket", "arn:aws:s3:::" + s.bucket),
                        statement("s3:GetObject", "arn:aws:s3:::" + s.bucket + "/archive/*"),
                        statement("s3:GetBucketLocation", "arn:aws:s3:::" + s.bucket)));
        Result result = setup.check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.LIST_OBJECTS, StepStatus.PASS, null);
        result.assertStep(StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.S3_READ_DENIED);
        assertEquals("reports/daily.csv", result.step(StepSlot.READ_OBJECT).note);
    }

    @Test
    void objectEncryptedWithAKeyTheRoleMayNotUseIsAKmsDenial() {
        Setup setup = new Setup().withBucket(true);
        aws.object(setup.bucket, "reports/daily.csv", REPORT,
                "arn:aws:kms:us-east-1:" + setup.account + ":key/0b4c1e3a-1111-2222-3333-444455556666");
        Result result = setup.connect().renderedRole().check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED);
        assertTrue(result.step(StepSlot.READ_OBJECT).detail.contains("kms:Decrypt"));
    }

    @Test
    void objectEncryptedWithAGrantedKeyIsRead() {
        Setup setup = new Setup().withBucket(true);
        String key = "arn:aws:kms:us-east-1:" + setup.account + ":key/0b4c1e3a-1111-2222-3333-444455556666";
        aws.object(setup.bucket, "reports/daily.csv", REPORT, key);
        setup.kmsKeys = List.of(key);
        Result result = setup.connect().renderedRole().check();

        assertEquals(CheckOutcome.PASSED, result.check.outcome, () -> describe(result));
    }

    @Test
    void bucketInAnotherRegionPassesAndItsRegionIsReported() {
        Setup setup = new Setup();
        setup.bucketRegion = "eu-west-1";
        Result result = setup.withBucket(true, "reports/daily.csv").connect().renderedRole().check();

        assertEquals(CheckOutcome.PASSED, result.check.outcome, () -> describe(result));
        assertEquals("eu-west-1", result.step(StepSlot.BUCKET_LOCATION).note);
        assertTrue(result.calls("GetObject").stream().allMatch(call -> "eu-west-1".equals(call.region())));
    }

    @Test
    void missingBucketFails() {
        Result result = new Setup().withBucket(false).connect().renderedRole().check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.BUCKET_LOCATION, StepStatus.FAIL, DiagnosisCode.S3_NO_SUCH_BUCKET);
        result.assertStep(StepSlot.LIST_OBJECTS, StepStatus.SKIP, null);
    }

    @Test
    void disabledStsRegionIsReported() {
        Setup setup = new Setup();
        setup.region = "eu-west-3";
        setup.bucketRegion = "eu-west-3";
        setup.withBucket(true, "reports/daily.csv").connect().renderedRole();
        aws.disableStsRegion("eu-west-3");
        Result result = setup.check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.ASSUME_ROLE, StepStatus.FAIL, DiagnosisCode.STS_REGION_DISABLED);
        assertEquals("eu-west-3", result.calls("AssumeRole").get(0).region());
    }

    @Test
    void throttlingThatClearsUpStillPasses() {
        Setup setup = standard();
        aws.throttle(FakeAws.Service.STS, 1);
        Result result = setup.check();

        assertEquals(CheckOutcome.PASSED, result.check.outcome, () -> describe(result));
        assertTrue(result.calls.stream().anyMatch(call -> "Throttling".equals(call.errorCode())));
    }

    @Test
    void hangingStsEndsInconclusiveWithinTheTimeoutAndLeavesTheStatusAlone() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv");
        setup.status = ConnectionStatus.ACTIVE;
        setup.connect().renderedRole();
        aws.hang(FakeAws.Service.STS, Duration.ofMinutes(1));
        Instant started = Instant.now();
        Result result = setup.check();

        assertTrue(Duration.between(started, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0,
                "took " + Duration.between(started, Instant.now()));
        assertEquals(CheckOutcome.INCONCLUSIVE, result.check.outcome);
        result.assertStep(StepSlot.ASSUME_ROLE, StepStatus.WARN, DiagnosisCode.AWS_TIMEOUT);
        assertEquals(ConnectionStatus.ACTIVE, result.connection.status);
        assertEquals("INCONCLUSIVE", result.connection.lastCheckOutcome);
    }

    @Test
    void invalidVendorCredentialsAreInconclusiveAndNamedAsOurProblem() {
        Setup setup = standard();
        aws.invalidVendorCredentials();
        Result result = setup.check();

        assertEquals(CheckOutcome.INCONCLUSIVE, result.check.outcome);
        result.assertStep(StepSlot.ASSUME_ROLE, StepStatus.WARN, DiagnosisCode.VENDOR_CREDENTIALS);
        assertEquals("InvalidClientTokenId", result.step(StepSlot.ASSUME_ROLE).awsErrorCode);
        assertEquals(ConnectionStatus.PENDING, result.connection.status);
    }

    @Test
    void emptyPrefixIsSkippedAsNothingToReadYet() {
        Result result = new Setup().withBucket(true, "reports/").connect().renderedRole().check();

        assertEquals(CheckOutcome.PASSED, result.check.outcome, () -> describe(result));
        result.assertStep(StepSlot.READ_OBJECT, StepStatus.SKIP, DiagnosisCode.S3_NOTHING_TO_READ);
        assertTrue(result.calls("GetObject").isEmpty());
    }

    @Test
    void roleArnOfAnotherAccountFailsWithoutAnyCallToAws() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv");
        setup.submittedArn = "arn:aws:iam::123456789012:role/" + setup.roleName;
        Result result = setup.connect().renderedRole().check();

        assertEquals(CheckOutcome.FAILED, result.check.outcome);
        result.assertStep(StepSlot.ROLE_ARN, StepStatus.FAIL, DiagnosisCode.ARN_ACCOUNT_MISMATCH);
        result.assertStep(StepSlot.ASSUME_ROLE, StepStatus.SKIP, null);
        assertEquals(List.of(), result.calls);
    }

    @Test
    void noRoleArnYetFailsWithoutAnyCallToAws() {
        Setup setup = new Setup().withBucket(true, "reports/daily.csv");
        setup.submittedArn = null;
        Result result = setup.connect().check();

        result.assertStep(StepSlot.ROLE_ARN, StepStatus.FAIL, DiagnosisCode.ROLE_NOT_SUBMITTED);
        assertEquals(List.of(), result.calls);
    }

    private static String trustWithCondition(String condition) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + CheckFixtures.VENDOR_ACCOUNT + ":root\"}, \"Action\": \"sts:AssumeRole\""
                + condition + "}}";
    }

    private static String statement(String action, String resource) {
        return "{\"Effect\": \"Allow\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}";
    }

    private static String permissions(String... statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
    }

    private static String describe(Result result) {
        return result.check.outcome + " " + result.steps.stream()
                .map(step -> step.position + ":" + step.name + "=" + step.status + "/" + step.code + " " + step.detail)
                .collect(Collectors.joining("; "));
    }
}
