package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rolegate.api.Scope;
import io.rolegate.aws.fake.AwsCall;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckOutcome;
import io.rolegate.verification.CheckService;

/**
 * PRODUCT §7: a rotation never takes a working connection down. The customer's role in the stand-in AWS still
 * trusts only the old external ID (they have not updated it yet): checks — manual and scheduled — and the broker
 * fall back to the previous ID, the connection stays ACTIVE, and the rotation completes only once AWS accepts
 * the new ID.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class RotationWithoutDowntimeTest {

    private static final Duration FINISH = Duration.ofSeconds(20);

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckService checks;

    private ActiveConnections.Setup setup;
    private String page;
    private Session admin;
    private String original;
    private String rotated;

    @BeforeEach
    void rotationStartedButTheRoleTrustsOnlyTheOldId() {
        aws.clearFaults();
        setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        page = "/connections/" + setup.connectionId();
        admin = Session.signIn(Accounts.admin());
        original = ActiveConnections.currentExternalId(setup.connectionId());
        rotated = ActiveConnections.rotate(setup.connectionId());
        aws.clearCalls();
    }

    @Test
    void aCheckThatOnlyThePreviousIdPassesIsPassedWithAWarningAndKeepsTheConnectionActive() {
        JsonPath check = runCheck();

        assertEquals("PASSED", check.getString("outcome"), check.prettify());
        assertEquals("WARN", check.getString("steps.find { it.name == 'assume-role' }.status"), check.prettify());
        assertEquals("RG-ROTATION-PENDING", check.getString("steps.find { it.name == 'assume-role' }.code"));
        assertEquals(ConnectionStatus.ACTIVE, status());
        assertEquals(IssuedExternalId.State.PREVIOUS, stateOf(original), "the rotation is not complete");
        assertEquals(IssuedExternalId.State.CURRENT, stateOf(rotated));
        List<String> tried = mainAssumeRoles().stream().map(AwsCall::externalId).toList();
        assertEquals(List.of(rotated, original), tried, "the new ID first, then the previous one");
        admin.get(page).then().statusCode(200);
    }

    @Test
    void theSetupPageSaysPlainlyThatTheTrustPolicyDoesNotAcceptTheNewIdYet() {
        Session customer = Session.signIn(Accounts.customer(setup.organisation()));
        customer.get(page).then().statusCode(200)
                .body(containsString("<code id=\"external-id\">" + rotated + "</code>"))
                .body(containsString("<code id=\"previous-external-id\">" + original + "</code>"))
                .body(not(containsString("id=\"rotation-pending\"")));

        assertEquals("PASSED", runCheck().getString("outcome"));

        customer.get(page).then().statusCode(200).body(containsString("<p class=\"notice notice-warning\" id=\"rotation-pending\">"
                + "Your trust policy does not accept the new external ID yet: the last check passed only with the previous one. "
                + "Update the role (commands below), then run the check again.</p>"));
        customer.request().header("Accept-Language", "ja").get(page).then().statusCode(200)
                .body(containsString("信頼ポリシーはまだ新しい外部 ID を受け付けていません。"));

        // Once the role trusts the new ID, a check completes the rotation and the notice goes.
        ActiveConnections.registerRole(aws, setup.connectionId(), setup.roleArn());
        assertEquals("PASSED", runCheck().getString("outcome"));
        customer.get(page).then().statusCode(200).body(not(containsString("id=\"rotation-pending\"")))
                .body(not(containsString("id=\"previous-external-id\"")));
    }

    @Test
    void cancellingWhileTheRoleTrustsOnlyTheOldIdLeavesAConnectionThatPassesWithoutAWarning() {
        runCheck();
        admin.post(page, page + "/rotation/cancel", Map.of()).then().statusCode(303);
        assertEquals(IssuedExternalId.State.CURRENT, stateOf(original));
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(rotated));
        aws.clearCalls();

        JsonPath check = runCheck();

        assertEquals("PASSED", check.getString("outcome"), check.prettify());
        assertEquals("PASS", check.getString("steps.find { it.name == 'assume-role' }.status"));
        assertEquals(List.of(original), mainAssumeRoles().stream().map(AwsCall::externalId).toList());
        assertEquals(ConnectionStatus.ACTIVE, status());
        admin.get(page).then().statusCode(200).body(not(containsString("id=\"rotation-pending\"")));
        credentials(ApiClient.withScopes(Scope.CREDENTIALS));
    }

    @Test
    void aScheduledRecheckDuringTheRotationAlsoKeepsTheConnectionActive() throws Exception {
        checks.recheck(setup.connectionId()).get(FINISH.toSeconds(), TimeUnit.SECONDS);

        Check last = QuarkusTransaction.requiringNew().call(() -> Check.<Check>find(
                "connectionId = ?1 order by startedAt desc", setup.connectionId()).firstResult());
        assertEquals(CheckOutcome.PASSED, last.outcome);
        assertEquals(ConnectionStatus.ACTIVE, status());
        assertEquals(IssuedExternalId.State.PREVIOUS, stateOf(original));
    }

    @Test
    void theBrokerKeepsServingWithThePreviousIdAndSwitchesOnceTheNewOneIsAccepted() {
        ApiClient service = ApiClient.withScopes(Scope.CREDENTIALS);
        String during = credentials(service).getString("accessKeyId");
        assertEquals(List.of(rotated, original), mainAssumeRoles().stream().map(AwsCall::externalId).toList());
        assertEquals(during, credentials(service).getString("accessKeyId"), "cached, no AssumeRole per request");
        assertEquals(2, mainAssumeRoles().size());

        // The customer updates the trust policy (both IDs, as rendered now); a check then completes the rotation.
        ActiveConnections.registerRole(aws, setup.connectionId(), setup.roleArn());
        assertEquals("PASSED", runCheck().getString("outcome"));
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(original));
        aws.clearCalls();

        String after = credentials(service).getString("accessKeyId");
        assertNotEquals(during, after, "credentials obtained with the retired ID are not served after its retirement");
        assertEquals(List.of(rotated), mainAssumeRoles().stream().map(AwsCall::externalId).toList());
    }

    @Test
    void aRoleThatAcceptsNeitherIdStillFailsAndARoleThatNeedsNoneIsStillInsecure() {
        // Submitted long ago: a denial is conclusive, not IAM propagation.
        QuarkusTransaction.requiringNew().run(() -> Connection.<Connection>findById(setup.connectionId())
                .roleSubmittedAt = Instant.now().minus(Duration.ofHours(1)));
        aws.role(setup.roleArn(), trustWithExternalId("someone-else-s-id"), permissions());
        assertEquals("FAILED", runCheck().getString("outcome"));

        aws.role(setup.roleArn(), trustWithoutCondition(), permissions());
        assertEquals("INSECURE", runCheck().getString("outcome"));
    }

    private JsonPath credentials(ApiClient service) {
        return service.request().body(Map.of("purpose", "rotation")).post("/api/v1/connections/"
                + setup.connectionId() + "/credentials").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath runCheck() {
        String checkPage = admin.post(page, page + "/checks", Map.of()).then().statusCode(303).extract()
                .header("Location");
        return Awaitility.await().atMost(FINISH).pollInterval(Duration.ofMillis(50))
                .until(() -> admin.request().accept("application/json").get(checkPage).then().statusCode(200)
                        .extract().jsonPath(), json -> !"RUNNING".equals(json.getString("outcome")));
    }

    /** AssumeRole calls with one of the connection's IDs (the negative probes send none or a random one). */
    private List<AwsCall> mainAssumeRoles() {
        return aws.calls().stream().filter(call -> "AssumeRole".equals(call.operation()))
                .filter(call -> rotated.equals(call.externalId()) || original.equals(call.externalId())).toList();
    }

    private ConnectionStatus status() {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(setup.connectionId()).status);
    }

    private static IssuedExternalId.State stateOf(String value) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find("value", value)
                .singleResult().state);
    }

    private String permissions() {
        return admin.get(page + "/permission-policy.json").then().statusCode(200).extract().asString();
    }

    private static String trustWithExternalId(String externalId) {
        return """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},
                "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}}""".formatted(externalId);
    }

    private static String trustWithoutCondition() {
        return """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},
                "Action":"sts:AssumeRole"}}""";
    }
}
