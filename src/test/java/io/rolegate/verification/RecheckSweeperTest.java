package io.rolegate.verification;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.Lifecycle;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Management;

@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class RecheckSweeperTest {

    @InjectFakeAws
    FakeAws aws;

    @Inject
    RecheckSweeper sweeper;

    @Inject
    Lifecycle lifecycle;

    @BeforeEach
    void reset() {
        aws.clearFaults();
        aws.clearCalls();
        // Connections other tests left due are not this test's business: push them into the future.
        QuarkusTransaction.requiringNew().run(() -> Connection.update(
                "nextCheckAt = ?1 where nextCheckAt is null or nextCheckAt <= ?2",
                Instant.now().plus(Duration.ofDays(365)), Instant.now()));
    }

    private static List<Connection> due(Organisation organisation, int count, ConnectionStatus status) {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(Connections.create(organisation, "due " + status.id() + " " + i + " " + Accounts.unique(), status, null, null));
        }
        return connections;
    }

    private static Map<UUID, Long> scheduledChecks(List<Connection> connections) {
        List<UUID> ids = connections.stream().map(c -> c.id).toList();
        return QuarkusTransaction.requiringNew().call(() -> Check.<Check>list("connectionId in ?1 and trigger = ?2",
                ids, CheckTrigger.SCHEDULE).stream().collect(Collectors.groupingBy(c -> c.connectionId, Collectors.counting())));
    }

    @Test
    void twoInstancesSweepingAtOnceCheckEveryDueConnectionExactlyOnce() {
        Organisation organisation = Accounts.organisation("Swept");
        List<Connection> active = due(organisation, 12, ConnectionStatus.ACTIVE);
        List<Connection> failing = due(organisation, 6, ConnectionStatus.FAILING);
        List<Connection> revoked = due(organisation, 3, ConnectionStatus.REVOKED);
        List<Connection> pending = due(organisation, 3, ConnectionStatus.PENDING);

        CompletableFuture<RecheckSweeper.Sweep> first = CompletableFuture.supplyAsync(() -> sweeper.sweep("instance-a"));
        CompletableFuture<RecheckSweeper.Sweep> second = CompletableFuture.supplyAsync(() -> sweeper.sweep("instance-b"));
        int total = first.join().checked() + second.join().checked();

        List<Connection> expected = new ArrayList<>(active);
        expected.addAll(failing);
        Map<UUID, Long> checks = scheduledChecks(expected);
        assertEquals(18, total, "each due connection claimed once across both instances");
        assertEquals(18, checks.size());
        assertTrue(checks.values().stream().allMatch(count -> count == 1), "never twice in one round: " + checks);
        assertTrue(scheduledChecks(revoked).isEmpty(), "revoked connections are never touched");
        assertTrue(scheduledChecks(pending).isEmpty(), "pending connections wait for their customer");
        List<String> revokedRoles = revoked.stream().map(c -> c.roleArn).toList();
        assertTrue(aws.calls().stream().noneMatch(call -> revokedRoles.contains(call.roleArn())));

        Instant now = Instant.now();
        for (Connection connection : expected) {
            Connection after = QuarkusTransaction.requiringNew().call(() -> Connection.findById(connection.id));
            assertNull(after.claimedBy, "claims are released");
            assertNotNull(after.nextCheckAt);
            assertTrue(after.nextCheckAt.isAfter(now.plus(Duration.ofHours(20))), "due again after about a day");
        }
        assertEquals(0, sweeper.sweep("instance-a").checked(), "nothing is due right after a round");
    }

    @Test
    void aCrashedInstancesExpiredClaimIsTakenOverButALiveClaimIsRespected() {
        Organisation organisation = Accounts.organisation("Crashed");
        Connection abandoned = due(organisation, 1, ConnectionStatus.ACTIVE).get(0);
        Connection held = due(organisation, 1, ConnectionStatus.ACTIVE).get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            Connection.update("claimedBy = 'crashed', claimedUntil = ?1 where id = ?2",
                    Instant.now().minus(Duration.ofMinutes(1)), abandoned.id);
            Connection.update("claimedBy = 'busy', claimedUntil = ?1 where id = ?2",
                    Instant.now().plus(Duration.ofMinutes(5)), held.id);
        });

        assertEquals(1, sweeper.sweep("instance-c").checked());
        assertEquals(Map.of(abandoned.id, 1L), scheduledChecks(List.of(abandoned, held)));
    }

    @Test
    void aConnectionRevokedWhileItsRecheckRunsStaysRevokedAndItsClaimIsLetGo() {
        Organisation organisation = Accounts.organisation("Revoked mid-sweep");
        Connection connection = due(organisation, 1, ConnectionStatus.ACTIVE).get(0);
        aws.hang(FakeAws.Service.STS, Duration.ofSeconds(30));
        CompletableFuture<RecheckSweeper.Sweep> sweep = CompletableFuture.supplyAsync(() -> sweeper.sweep("instance-e"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Check.running(connection.id).isPresent()));

        assertTrue(lifecycle.revoke(connection.id, "contract ended", Accounts.admin()));
        aws.releaseHangs();

        assertEquals(1, sweep.join().checked());
        Connection after = QuarkusTransaction.requiringNew().call(() -> Connection.findById(connection.id));
        assertEquals(ConnectionStatus.REVOKED, after.status);
        assertNull(after.claimedBy, "the claim ends with the check");
        assertNull(after.claimedUntil);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Check.running(connection.id).isEmpty()));
    }

    @Test
    void aConnectionWhoseCheckIsAlreadyRunningIsLetGoAndDueAgainLater() {
        Organisation organisation = Accounts.organisation("Busy");
        Connection connection = due(organisation, 1, ConnectionStatus.ACTIVE).get(0);
        UUID running = QuarkusTransaction.requiringNew().call(() -> {
            Check check = new Check();
            check.id = UUID.randomUUID();
            check.connectionId = connection.id;
            check.startedAt = Instant.now();
            check.outcome = CheckOutcome.RUNNING;
            check.trigger = CheckTrigger.USER;
            check.triggeredByLabel = "someone";
            check.sessionName = SessionNames.of(connection.id, check.id);
            check.persist();
            return check.id;
        });

        assertEquals(1, sweeper.sweep("instance-f").checked());
        Connection after = QuarkusTransaction.requiringNew().call(() -> Connection.findById(connection.id));
        assertNull(after.claimedBy, "the claim is released");
        assertTrue(after.nextCheckAt.isAfter(Instant.now().plus(Duration.ofHours(20))), "due again after about a day");
        assertEquals(running, QuarkusTransaction.requiringNew().call(() -> Check.running(connection.id).orElseThrow().id),
                "the running check is joined, not duplicated");
        assertTrue(scheduledChecks(List.of(connection)).isEmpty());
    }

    @Test
    void anInconclusiveRecheckLeavesTheStatusAndSweepsAreCountedInMetrics() {
        Organisation organisation = Accounts.organisation("Throttled");
        Connection connection = due(organisation, 1, ConnectionStatus.ACTIVE).get(0);
        aws.invalidVendorCredentials();

        assertEquals(1, sweeper.sweep("instance-d").checked());
        Connection after = QuarkusTransaction.requiringNew().call(() -> Connection.findById(connection.id));
        assertEquals(ConnectionStatus.ACTIVE, after.status);
        assertEquals("INCONCLUSIVE", after.lastCheckOutcome);

        RestAssured.given().baseUri(Management.baseUri()).get("/q/metrics").then().statusCode(200)
                .body(containsString("rolegate_sweeps_total"))
                .body(containsString("rolegate_sweep_duration_seconds"))
                .body(containsString("rolegate_checks_finished_total{outcome=\"INCONCLUSIVE\",trigger=\"SCHEDULE\"}"));
    }
}
