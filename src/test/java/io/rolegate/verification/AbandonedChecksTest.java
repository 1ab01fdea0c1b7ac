package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;

/**
 * Several instances share one database: a check RUNNING there may be running on another instance, so starting an
 * instance must not end it; one older than the deadline cannot be running anywhere and ends as interrupted.
 */
@QuarkusTest
class AbandonedChecksTest {

    @Inject
    CheckRunner runner;

    @Inject
    CheckConfig config;

    @Test
    void aCheckRunningOnAnotherInstanceIsLeftAloneAndOneAbandonedLongAgoEndsInterrupted() {
        UUID elsewhere = runningCheck(Instant.now().minusSeconds(5));
        UUID abandoned = runningCheck(Instant.now().minus(config.deadline()).minus(Duration.ofMinutes(2)));

        try {
            runner.endAbandoned();

            assertEquals(CheckOutcome.RUNNING, outcome(elsewhere));
            assertEquals(CheckOutcome.INCONCLUSIVE, outcome(abandoned));
        } finally {
            // what the other instance does when its check ends
            QuarkusTransaction.requiringNew().run(() -> Check.update("outcome = ?1, finishedAt = ?2 where id = ?3",
                    CheckOutcome.PASSED, Instant.now(), elsewhere));
        }
    }

    private static UUID runningCheck(Instant startedAt) {
        Connection connection = Connections.create(Accounts.organisation("Shared database"),
                "Running " + Accounts.unique(), ConnectionStatus.ACTIVE, null, null);
        return QuarkusTransaction.requiringNew().call(() -> {
            Check check = new Check();
            check.id = UUID.randomUUID();
            check.connectionId = connection.id;
            check.startedAt = startedAt;
            check.outcome = CheckOutcome.RUNNING;
            check.trigger = CheckTrigger.SCHEDULE;
            check.triggeredByLabel = "system";
            check.sessionName = "rolegate-" + check.id.toString().substring(0, 8);
            check.persist();
            return check.id;
        });
    }

    private static CheckOutcome outcome(UUID checkId) {
        return QuarkusTransaction.requiringNew().call(() -> Check.<Check>findById(checkId).outcome);
    }
}
