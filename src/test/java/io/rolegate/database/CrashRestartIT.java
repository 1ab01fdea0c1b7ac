package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.rolegate.support.PackagedApp;
import io.rolegate.support.Session;

/**
 * After {@code kill -9} of Rolegate, its embedded PostgreSQL keeps running; the first restart stops it and starts
 * (docs/deploy.md). Runs the packaged application as a child process: {@code ./mvnw verify} builds it first.
 */
@EnabledIfSystemProperty(named = "rolegate.integration-tests", matches = "true",
        disabledReason = "needs the packaged application: runs in the integration-test phase of verify")
class CrashRestartIT {

    @TempDir
    Path directory;

    @Test
    void theFirstRestartAfterKill9SucceedsWithTheDataKept() throws Exception {
        Path data = directory.resolve("data");
        Map<String, String> config = EmbeddedApps.config(data, null);
        Path log = Path.of("target/crash-restart-it.log");
        Session admin;
        long orphan;
        PackagedApp first = PackagedApp.start(config, log);
        try {
            admin = Session.signIn(first.base(), EmbeddedApps.ADMIN_EMAIL, EmbeddedApps.ADMIN_PASSWORD);
            orphan = EmbeddedApps.postmasterPid(data);
        } finally {
            first.kill();
        }
        assertTrue(EmbeddedApps.running(orphan), "the killed Rolegate's PostgreSQL still runs");

        try (PackagedApp second = PackagedApp.start(config, log)) {
            assertFalse(EmbeddedApps.running(orphan), "the orphaned PostgreSQL was stopped");
            assertTrue(EmbeddedApps.running(EmbeddedApps.postmasterPid(data)));
            assertEquals(200, admin.at(second.base()).get("/staff/users").statusCode(),
                    "the session made before the crash is still in the database");
        }
        assertEquals(-1, EmbeddedApps.postmasterPid(data), "a clean stop leaves no PostgreSQL running");
    }
}
