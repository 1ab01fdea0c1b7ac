package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.rolegate.aws.fake.FakeAws;
import io.rolegate.database.EmbeddedApps;
import io.rolegate.database.EmbeddedDatabase;
import io.rolegate.database.Rows;
import io.rolegate.support.PackagedApp;

/**
 * SIGTERM while a scheduled re-check waits for AWS: the check ends INCONCLUSIVE (interrupted) with its steps
 * recorded and its claim released, within the shutdown timeout, and the embedded PostgreSQL stops after that, last
 * (database/ShutdownOrder, docs/deploy.md). Runs the packaged application as a child process.
 */
@EnabledIfSystemProperty(named = "rolegate.integration-tests", matches = "true",
        disabledReason = "needs the packaged application: runs in the integration-test phase of verify")
class GracefulShutdownIT {

    /** {@code quarkus.shutdown.timeout} of application.properties. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private FakeAws aws;

    @BeforeEach
    void startAws() {
        aws = FakeAws.start();
    }

    @AfterEach
    void stopAws() {
        aws.close();
    }

    @Test
    void aCheckInFlightEndsInterruptedWithItsStepsAndTheDatabaseStopsLast() throws Exception {
        Path data = directory.resolve("data");
        Map<String, String> config = EmbeddedApps.config(data, aws);
        config.putAll(Map.of(
                "rolegate.checks.sweep-every", "1s",
                "rolegate.checks.deadline", "5m",
                "rolegate.aws.read-timeout", "4m",
                "rolegate.aws.call-timeout", "4m"));
        aws.hang(FakeAws.Service.STS, Duration.ofMinutes(5));
        UUID connection;
        PackagedApp app = PackagedApp.start(config, Path.of("target/graceful-shutdown-it.log"));
        try {
            try (Rows rows = EmbeddedApps.rows(data)) {
                String account = "210987654321";
                connection = rows.connection(rows.organisation("Interrupted"), "ACTIVE", account,
                        "arn:aws:iam::" + account + ":role/RolegateAccess", "rg-" + UUID.randomUUID(),
                        Instant.now().minusSeconds(60));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                        "SELECT count(*) FROM checks WHERE connection_id = ? AND outcome = 'RUNNING'", connection) == 1
                        && aws.arrivals().stream().anyMatch(arrival -> arrival.action().equals("AssumeRole")));
            }
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
        long started = System.nanoTime();
        app.terminate(Duration.ofSeconds(60));
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(stopping.compareTo(SHUTDOWN_TIMEOUT) < 0, "stopped in " + stopping);
        assertEquals(-1, EmbeddedApps.postmasterPid(data), "the embedded PostgreSQL was stopped");

        try (EmbeddedDatabase database = EmbeddedDatabase.open(data.resolve("postgres"), false);
                Rows rows = Rows.in(database.jdbcUrl(), EmbeddedDatabase.USER, database.password())) {
            assertEquals("INCONCLUSIVE", rows.value("SELECT outcome FROM checks WHERE connection_id = ?", connection));
            assertEquals(1, rows.count("""
                    SELECT count(*) FROM check_steps s JOIN checks c ON c.id = s.check_id
                    WHERE c.connection_id = ? AND s.name = 'assume-role' AND s.status = 'WARN'
                      AND s.code = 'CHECK_INTERRUPTED'""", connection));
            assertEquals(0, rows.count("""
                    SELECT count(*) FROM check_steps s JOIN checks c ON c.id = s.check_id
                    WHERE c.connection_id = ? AND s.status = 'RUNNING'""", connection));
            assertNull(rows.value("SELECT claimed_by FROM connections WHERE id = ?", connection));
            assertEquals("INCONCLUSIVE", rows.value("SELECT last_check_outcome FROM connections WHERE id = ?",
                    connection));
        }
    }
}
