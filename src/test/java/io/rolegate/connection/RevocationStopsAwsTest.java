package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.rolegate.api.Scope;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Session;

/**
 * PRODUCT §5, §6: a revocation that commits while a check or a credential refresh is waiting on AWS stops it. The
 * stand-in AWS hangs the call and logs every request as it arrives, on its own clock: after the revocation's
 * commit no request of the connection may arrive — no SDK retry, no probe, no bucket step — and the check ends
 * INCONCLUSIVE, stopped by the revocation, never PASSED or FAILED.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class RevocationStopsAwsTest {

    /** Far longer than the SDK's attempt timeout: only an abandoned request lets the work end while it hangs. */
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @InjectFakeAws
    FakeAws aws;

    private Session admin;
    private ActiveConnections.Setup connection;
    private String page;

    @BeforeEach
    void activeConnection() {
        aws.clearFaults();
        admin = Session.signIn(Accounts.admin());
        connection = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        page = "/connections/" + connection.connectionId();
        aws.clearCalls();
    }

    @AfterEach
    void releaseAws() {
        aws.clearFaults();
    }

    @Test
    void aRevocationDuringAHungAssumeRoleAbandonsItAndSendsNothingMore() {
        // Only the first AssumeRole hangs: the SDK's retry of it would be answered, and granted.
        aws.hangNext(FakeAws.Service.STS, 1, HANG);
        String checkPage = startCheck();
        awaitArrival(arrival -> arrival.action().equals("AssumeRole"));

        Instant revoked = revoke();

        JsonPath check = awaitFinished(checkPage);
        assertStoppedByRevocation(check);
        assertEquals("RG-CONNECTION-REVOKED", step(check, "assume-role").get("code"), check.prettify());
        assertEquals(List.of(), arrivalsAfter(revoked), "requests sent after the revocation committed");
        assertEquals(1, aws.arrivals().size(), "only the abandoned AssumeRole reached AWS: " + aws.arrivals());
    }

    @Test
    void aRevocationDuringAHungBucketStepAbandonsItAndSendsNothingMore() {
        aws.hang(FakeAws.Service.S3, HANG);
        String checkPage = startCheck();
        awaitArrival(arrival -> arrival.service() == FakeAws.Service.S3);

        Instant revoked = revoke();

        JsonPath check = awaitFinished(checkPage);
        assertStoppedByRevocation(check);
        assertEquals("RG-CONNECTION-REVOKED", step(check, "bucket-location").get("code"), check.prettify());
        assertEquals(List.of(), arrivalsAfter(revoked), "requests sent after the revocation committed");
        assertEquals(1, aws.arrivals().stream().filter(arrival -> arrival.service() == FakeAws.Service.S3).count(),
                "only the abandoned GetBucketLocation reached S3: " + aws.arrivals());
    }

    @Test
    void aRevocationDuringTheBrokersHungAssumeRoleRefusesTheWaitingRequestAndCachesNothing() throws Exception {
        ApiClient service = ApiClient.withScopes(Scope.CREDENTIALS);
        aws.hang(FakeAws.Service.STS, HANG);
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> service.request()
                .body(Map.of("purpose", "nightly-export")).post(page.replace("/connections", "/api/v1/connections")
                        + "/credentials"));
        awaitArrival(arrival -> arrival.action().equals("AssumeRole"));

        Instant revoked = revoke();

        Response refused = waiting.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertEquals(409, refused.statusCode(), refused.asString());
        assertFalse(refused.asString().contains("secretAccessKey"), refused.asString());
        aws.releaseHangs();
        service.request().body(Map.of("purpose", "nightly-export"))
                .post(page.replace("/connections", "/api/v1/connections") + "/credentials").then().statusCode(409);
        assertEquals(List.of(), arrivalsAfter(revoked), "requests sent after the revocation committed");
    }

    @Test
    void aRevocationCommittedByAnotherInstanceStopsTheCheckRunningHere() throws SQLException {
        aws.hang(FakeAws.Service.S3, HANG);
        String checkPage = startCheck();
        // Only the bucket step is left in flight: the notice reaches this instance a moment after the commit, and
        // what is under way then must be abandoned, and not sent again.
        awaitArrival(arrival -> arrival.service() == FakeAws.Service.S3);
        awaitArrival(arrival -> arrival.action().equals("GetCallerIdentity"));
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> aws.arrivals().stream()
                .filter(arrival -> arrival.action().equals("AssumeRole")).count() == 3);

        Instant revoked = revokeOnAnotherInstance();

        JsonPath check = awaitFinished(checkPage);
        assertStoppedByRevocation(check);
        assertEquals(List.of(), arrivalsAfter(revoked), "requests sent after the revocation committed");
    }

    /**
     * What another instance's revocation commits to the shared database: the status and its notice. Nothing of this
     * instance is told directly.
     */
    private Instant revokeOnAnotherInstance() throws SQLException {
        DataSource database = Arc.container().instance(DataSource.class).get();
        try (java.sql.Connection db = database.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement revoke = db.prepareStatement(
                    "UPDATE connections SET status = 'REVOKED', status_changed_at = now(), revoked_at = now() WHERE id = ?");
                    PreparedStatement notice = db.prepareStatement("SELECT pg_notify(?, ?)")) {
                revoke.setObject(1, connection.connectionId());
                revoke.executeUpdate();
                notice.setString(1, RevocationNotices.CHANNEL);
                notice.setString(2, connection.connectionId().toString());
                notice.execute();
            }
            db.commit();
        }
        return aws.now();
    }

    private String startCheck() {
        return admin.post(page, page + "/checks", Map.of()).then().statusCode(303).extract().header("Location");
    }

    /** Revokes as an administrator; the answer comes after the commit, so the fake's time then is later than it. */
    private Instant revoke() {
        admin.post(page, page + "/revoke", Map.of("reason", "contract ended", "confirm", "yes")).then().statusCode(303);
        assertEquals(ConnectionStatus.REVOKED, QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findById(connection.connectionId()).status));
        return aws.now();
    }

    private void awaitArrival(Predicate<FakeAws.Arrival> which) {
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(10))
                .until(() -> aws.arrivals().stream().anyMatch(which));
    }

    /** The check ends while AWS still hangs: its requests were abandoned, not answered. */
    private JsonPath awaitFinished(String checkPage) {
        return Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> admin.request().accept("application/json").get(checkPage).then().statusCode(200)
                        .extract().jsonPath(), json -> !"RUNNING".equals(json.getString("outcome")));
    }

    private List<FakeAws.Arrival> arrivalsAfter(Instant revoked) {
        return aws.arrivals().stream().filter(arrival -> arrival.at().isAfter(revoked)).toList();
    }

    private static void assertStoppedByRevocation(JsonPath check) {
        assertEquals("INCONCLUSIVE", check.getString("outcome"), check.prettify());
        List<String> statuses = check.getList("steps.status");
        assertTrue(statuses.stream().noneMatch(status -> status.equals("RUNNING")), check.prettify());
    }

    private static Map<String, Object> step(JsonPath check, String name) {
        List<Map<String, Object>> steps = check.getList("steps");
        return steps.stream().filter(step -> name.equals(step.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + ": " + check.prettify()));
    }
}
