package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rolegate.api.Scope;
import io.rolegate.audit.AuditEvent;
import io.rolegate.aws.fake.AwsCall;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;

/**
 * Rotation and revocation (PRODUCT §6, §7) end to end over HTTP against the fake AWS: the role in the fake
 * carries exactly the documents a customer downloads from the setup page, as they would paste them.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class LifecycleAwsTest {

    private static final Duration FINISH = Duration.ofSeconds(25);
    private static final Pattern EXTERNAL_ID = Pattern.compile("<code id=\"external-id\">([^<]+)</code>");
    private static final List<String> ARTIFACTS = List.of("trust-policy.json", "permission-policy.json",
            "cloudformation.yaml", "main.tf", "create-role.sh");

    @InjectFakeAws
    FakeAws aws;

    private Session customer;
    private Session admin;
    private String account;
    private String bucket;
    private String id;
    private String page;
    private String roleArn;

    @BeforeEach
    void connectionWithABucketToRead() {
        Organisation organisation = Accounts.organisation("Lifecycle");
        customer = Session.signIn(Accounts.customer(organisation));
        admin = Session.signIn(Accounts.admin());
        account = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
        bucket = "rg-" + Accounts.unique();
        aws.bucket(bucket, "us-east-1", account);
        aws.object(bucket, "reports/daily.csv", "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8), null);
        Map<String, String> form = new HashMap<>(Connections.form());
        form.put("accountId", account);
        form.put("region", "us-east-1");
        form.put("buckets", bucket + "/reports");
        form.put("kmsKeyArns", "");
        id = Connections.createThroughForm(customer, form);
        page = "/connections/" + id;
        roleArn = "arn:aws:iam::" + account + ":role/rolegate-" + id;
    }

    @AfterEach
    void calmAws() {
        aws.clearFaults();
    }

    @Test
    void rotationSwitchesChecksToTheNewIdAndRetiresTheOldOneOnceACheckPasses() {
        String original = shownExternalId();
        createRoleFromDownloads();
        submitRole();
        assertEquals("PASSED", runCheck().getString("outcome"));
        assertEquals(ConnectionStatus.ACTIVE, stored().status);

        customer.post(page, page + "/rotation", Map.of("confirm", "yes")).then().statusCode(303);
        String rotated = shownExternalId();
        assertNotEquals(original, rotated);
        String trust = download("trust-policy.json");
        assertTrue(trust.contains(original) && trust.contains(rotated), "the trust policy accepts both IDs:\n" + trust);

        createRoleFromDownloads();
        aws.clearCalls();
        JsonPath check = runCheck();
        assertEquals("PASSED", check.getString("outcome"));
        List<AwsCall> mainAssume = aws.calls().stream().filter(call -> call.operation().equals("AssumeRole"))
                .filter(call -> check.getString("sessionName").equals(call.roleSessionName())).toList();
        assertFalse(mainAssume.isEmpty(), "the check assumed the role: " + aws.calls());
        mainAssume.forEach(call -> assertEquals(rotated, call.externalId(), "the check uses the new external ID"));
        assertTrue(aws.calls().stream().noneMatch(call -> original.equals(call.externalId())),
                "nothing presents the old ID any more");

        assertEquals(IssuedExternalId.State.RETIRED, stateOf(original));
        assertEquals(IssuedExternalId.State.CURRENT, stateOf(rotated));
        assertEquals(ConnectionStatus.ACTIVE, stored().status);
        for (String file : ARTIFACTS) {
            String artifact = download(file);
            assertFalse(artifact.contains(original), file + " still renders the retired ID");
        }
        String setup = customer.get(page).then().statusCode(200).extract().asString();
        assertFalse(setup.contains(original), "the setup page still shows the retired ID");
        assertTrue(download("trust-policy.json").contains(rotated));

        Set<String> actions = auditActions();
        assertTrue(actions.containsAll(Set.of("connection.created", "connection.role-submitted", "check.started",
                "check.finished", "connection.status-changed", "connection.rotation-started", "external-id.retired")),
                "audit trail: " + actions);
        assertEquals(original, auditEvents().stream().filter(event -> event.action.equals("external-id.retired"))
                .findFirst().orElseThrow().subject);
    }

    /** Creating the role again would fail with EntityAlreadyExists; the retired ID must leave the trust policy (PRODUCT §4, §7). */
    @Test
    void afterACompletedRotationTheCliUpdatesTheExistingRoleToTrustOnlyTheCurrentId() {
        assertTrue(download("create-role.sh").contains("aws iam create-role --region us-east-1 --role-name rolegate-" + id),
                "before the role ARN is known the commands create the role");
        String original = shownExternalId();
        createRoleFromDownloads();
        submitRole();
        assertEquals("PASSED", runCheck().getString("outcome"));
        customer.post(page, page + "/rotation", Map.of("confirm", "yes")).then().statusCode(303);
        String rotated = shownExternalId();
        createRoleFromDownloads();
        assertEquals("PASSED", runCheck().getString("outcome"));
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(original));

        String cli = download("create-role.sh");
        assertFalse(cli.contains("create-role"), cli);
        assertTrue(cli.contains("aws iam update-assume-role-policy --region us-east-1 --role-name rolegate-" + id + " \\\n"
                + "  --policy-document file://trust-policy.json\n"), cli);
        assertTrue(cli.contains("aws iam put-role-policy --region us-east-1 --role-name rolegate-" + id), cli);
        String trust = cli.substring(cli.indexOf("cat > trust-policy.json <<'EOF'\n"), cli.indexOf("EOF\n"));
        assertTrue(trust.contains("\"sts:ExternalId\" : \"" + rotated + "\"\n"), "only the current ID:\n" + trust);
        assertFalse(cli.contains(original), cli);
        customer.get(page).then().statusCode(200).body(containsString("Update the role in your AWS account"))
                .body(not(containsString(original)));
    }

    @Test
    void aRevokedConnectionRefusesChecksWithoutCallingAws() {
        createRoleFromDownloads();
        submitRole();
        assertEquals("PASSED", runCheck().getString("outcome"));

        admin.post(page, page + "/revoke", Map.of("reason", "contract ended", "confirm", "yes")).then().statusCode(303);
        assertEquals(ConnectionStatus.REVOKED, stored().status);
        aws.clearCalls();
        long checksBefore = checkCount();

        customer.post(page, page + "/checks", Map.of()).then().statusCode(303).header("Location", endsWith(page));
        Session support = Session.signIn(Accounts.support());
        support.post(page, page + "/checks", Map.of()).then().statusCode(303).header("Location", endsWith(page));

        assertEquals(checksBefore, checkCount(), "no check was started");
        assertEquals(List.of(), aws.calls(), "no call reached AWS");
        customer.get(page).then().statusCode(200)
                .body(containsString("This connection is revoked"))
                .body(containsString("aws iam delete-role --role-name rolegate-" + id));
        assertTrue(auditEvents().stream().anyMatch(event -> event.action.equals("connection.revoked")
                && List.of(event.detailArgs).contains("contract ended")));
    }

    @Test
    void aCheckRunningWhenTheRevocationLandsIsStoppedAndCannotReviveTheConnection() {
        createRoleFromDownloads();
        submitRole();
        assertEquals("PASSED", runCheck().getString("outcome"));
        assertEquals(ConnectionStatus.ACTIVE, stored().status);
        String csrf = admin.csrfToken(page);

        aws.clearCalls();
        aws.hang(FakeAws.Service.S3, Duration.ofSeconds(30));
        String checkPage = customer.post(page, page + "/checks", Map.of()).then().statusCode(303)
                .extract().header("Location");
        // Every STS call of the check is answered once the identity and both probes are in the log; the bucket
        // steps now wait on the hung S3.
        Awaitility.await().atMost(FINISH).pollInterval(Duration.ofMillis(20))
                .until(() -> operations().stream().filter(operation -> operation.equals("AssumeRole")).count() == 3
                        && operations().contains("GetCallerIdentity"));
        int answeredBeforeRevocation = aws.calls().size();
        admin.request().formParam("reason", "security incident").formParam("confirm", "yes")
                .formParam("csrf-token", csrf).post(page + "/revoke").then().statusCode(303);
        aws.releaseHangs();

        JsonPath check = awaitFinished(checkPage);
        assertEquals("INCONCLUSIVE", check.getString("outcome"), "stopped by the revocation: " + check.prettify());
        Connection connection = stored();
        assertEquals(ConnectionStatus.REVOKED, connection.status);
        List<AwsCall> later = aws.calls().subList(answeredBeforeRevocation, aws.calls().size());
        assertTrue(later.stream().anyMatch(call -> call.service() == FakeAws.Service.S3),
                "the check was mid-flight at the revocation: " + later);
        assertTrue(later.stream().noneMatch(call -> call.operation().equals("AssumeRole")),
                "AssumeRole after the revocation: " + later);
        customer.post(page, page + "/checks", Map.of()).then().statusCode(303).header("Location", endsWith(page));
        assertEquals(ConnectionStatus.REVOKED, stored().status);
    }

    @Test
    void cancellingARotationRetiresTheNewIdWhileTheConnectionKeepsWorkingWithTheOriginal() {
        String original = shownExternalId();
        createRoleFromDownloads();
        submitRole();
        assertEquals("PASSED", runCheck().getString("outcome"));
        customer.post(page, page + "/rotation", Map.of("confirm", "yes")).then().statusCode(303);
        String rotated = shownExternalId();
        createRoleFromDownloads();
        ApiClient service = ApiClient.withScopes(Scope.CREDENTIALS);
        aws.clearCalls();
        String duringRotation = credentials(service).getString("accessKeyId");
        assertEquals(List.of(rotated), assumedWith(original, rotated), "the broker uses the new ID the role accepts");

        customer.post(page, page + "/rotation/cancel", Map.of()).then().statusCode(303).header("Location", endsWith(page));

        assertEquals(IssuedExternalId.State.CURRENT, stateOf(original));
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(rotated));
        assertEquals(original, shownExternalId());
        for (String file : ARTIFACTS) {
            assertFalse(download(file).contains(rotated), file + " still renders the retired ID");
        }
        assertTrue(download("trust-policy.json").contains(original));
        assertFalse(customer.get(page).asString().contains(rotated), "the setup page still shows the retired ID");

        aws.clearCalls();
        String afterCancel = credentials(service).getString("accessKeyId");
        assertNotEquals(duringRotation, afterCancel, "credentials obtained with the retired ID are not served any more");
        assertEquals(List.of(original), assumedWith(original, rotated));

        aws.clearCalls();
        JsonPath check = runCheck();
        assertEquals("PASSED", check.getString("outcome"), check.prettify());
        assertEquals("PASS", check.getString("steps.find { it.name == 'assume-role' }.status"));
        assertEquals(List.of(original), assumedWith(original, rotated), "the check uses the original ID only");
        assertEquals(ConnectionStatus.ACTIVE, stored().status);
        assertEquals(IssuedExternalId.State.CURRENT, stateOf(original), "a passing check retires nothing");

        Set<String> actions = auditActions();
        assertTrue(actions.containsAll(Set.of("connection.rotation-started", "connection.rotation-cancelled",
                "external-id.retired")), "audit trail: " + actions);
        List<AuditEvent> retirements = auditEvents().stream().filter(event -> event.action.equals("external-id.retired"))
                .toList();
        assertEquals(List.of(rotated), retirements.stream().map(event -> event.subject).toList());
    }

    /**
     * A check that presented the new ID ends after the cancellation: it completes no rotation, so the restored
     * original ID is not retired (the check's end waits for the cancellation's row lock, then finds its ID retired).
     */
    @Test
    void aCheckThatUsedTheNewIdAndEndsAfterTheCancellationDoesNotRetireTheRestoredId() {
        String[] ids = cancelWhileACheckPresentingTheNewIdRuns(false);
        String original = ids[0];

        assertEquals(IssuedExternalId.State.CURRENT, stateOf(original), "the restored ID stays current");
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(ids[1]));
        assertEquals(ConnectionStatus.ACTIVE, stored().status);
        assertEquals(List.of(ids[1]), retiredInTheAuditTrail());
        assertEquals("PASSED", runCheck().getString("outcome"), "the original ID keeps working");
    }

    /**
     * The same, with a new rotation started before the check ends: the original ID is the previous one again, and the
     * check, which passed with an ID that is retired by now, must not retire it while the role may not yet accept the
     * newest ID.
     */
    @Test
    void aCheckThatUsedACancelledIdDoesNotCompleteTheNextRotation() {
        String[] ids = cancelWhileACheckPresentingTheNewIdRuns(true);

        assertEquals(IssuedExternalId.State.PREVIOUS, stateOf(ids[0]), "the original ID is still accepted");
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(ids[1]));
        assertEquals(IssuedExternalId.State.CURRENT, stateOf(ids[2]));
        assertEquals(List.of(ids[1]), retiredInTheAuditTrail());
    }

    /**
     * An ACTIVE connection in a rotation whose role trusts both IDs; a check presents the new ID and waits on S3 while
     * the customer cancels the rotation (and, if asked, starts another). Returns the original, the cancelled and (if
     * any) the newest ID, once the check has PASSED.
     */
    private String[] cancelWhileACheckPresentingTheNewIdRuns(boolean rotateAgain) {
        String original = shownExternalId();
        createRoleFromDownloads();
        submitRole();
        assertEquals("PASSED", runCheck().getString("outcome"));
        customer.post(page, page + "/rotation", Map.of("confirm", "yes")).then().statusCode(303);
        String rotated = shownExternalId();
        createRoleFromDownloads();
        String csrf = customer.csrfToken(page);

        aws.clearCalls();
        aws.hang(FakeAws.Service.S3, Duration.ofSeconds(30));
        String checkPage = customer.post(page, page + "/checks", Map.of()).then().statusCode(303)
                .extract().header("Location");
        Awaitility.await().atMost(FINISH).pollInterval(Duration.ofMillis(20))
                .until(() -> operations().stream().filter(operation -> operation.equals("AssumeRole")).count() == 3
                        && operations().contains("GetCallerIdentity"));
        assertEquals(List.of(rotated), assumedWith(original, rotated), "the running check presented the new ID");
        customer.request().formParam("csrf-token", csrf).post(page + "/rotation/cancel").then().statusCode(303);
        String newest = null;
        if (rotateAgain) {
            customer.request().formParam("csrf-token", csrf).formParam("confirm", "yes").post(page + "/rotation")
                    .then().statusCode(303);
            newest = QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find(
                    "connection.id = ?1 and state = ?2", UUID.fromString(id), IssuedExternalId.State.CURRENT)
                    .singleResult().value);
        }
        aws.releaseHangs();

        JsonPath check = awaitFinished(checkPage);
        assertEquals("PASSED", check.getString("outcome"), check.prettify());
        return new String[] { original, rotated, newest };
    }

    private List<String> retiredInTheAuditTrail() {
        return auditEvents().stream().filter(event -> event.action.equals("external-id.retired"))
                .map(event -> event.subject).toList();
    }

    /** What a customer does in the AWS console: create the role with the two downloaded documents. */
    private void createRoleFromDownloads() {
        aws.role(roleArn, download("trust-policy.json"), download("permission-policy.json"));
    }

    private void submitRole() {
        customer.post(page, page + "/role", Map.of("roleArn", roleArn)).then().statusCode(303);
    }

    private String download(String file) {
        return customer.get(page + "/" + file).then().statusCode(200).extract().asString();
    }

    private String shownExternalId() {
        Matcher matcher = EXTERNAL_ID.matcher(customer.get(page).asString());
        assertTrue(matcher.find(), "the setup page shows the external ID");
        return matcher.group(1);
    }

    private JsonPath runCheck() {
        String checkPage = customer.post(page, page + "/checks", Map.of()).then().statusCode(303)
                .header("Location", containsString(page + "/checks/")).extract().header("Location");
        return awaitFinished(checkPage);
    }

    private JsonPath awaitFinished(String checkPage) {
        return Awaitility.await().atMost(FINISH).pollInterval(Duration.ofMillis(100))
                .until(() -> customer.request().accept("application/json").get(checkPage).then().statusCode(200)
                        .extract().jsonPath(), json -> !"RUNNING".equals(json.getString("outcome")));
    }

    /** The external IDs AssumeRole calls presented, of these two (the negative probes send none or a random one). */
    private List<String> assumedWith(String original, String rotated) {
        return aws.calls().stream().filter(call -> call.operation().equals("AssumeRole"))
                .map(AwsCall::externalId).filter(value -> original.equals(value) || rotated.equals(value)).toList();
    }

    private JsonPath credentials(ApiClient service) {
        return service.request().body(Map.of("purpose", "reports")).post("/api/v1/connections/" + id + "/credentials")
                .then().statusCode(200).extract().jsonPath();
    }

    private List<String> operations() {
        return aws.calls().stream().map(AwsCall::operation).toList();
    }

    private Connection stored() {
        return QuarkusTransaction.requiringNew().call(() -> Connection.findById(UUID.fromString(id)));
    }

    private IssuedExternalId.State stateOf(String value) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find("value", value)
                .singleResult().state);
    }

    private long checkCount() {
        return QuarkusTransaction.requiringNew().call(() -> Check.count("connectionId",
                UUID.fromString(id)));
    }

    private List<AuditEvent> auditEvents() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.recentForConnection(UUID.fromString(id), 100));
    }

    private Set<String> auditActions() {
        return auditEvents().stream().map(event -> event.action).collect(Collectors.toSet());
    }
}
