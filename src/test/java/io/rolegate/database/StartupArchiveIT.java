package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The build records the class-data sharing archive {@code bin/rolegate} starts with (docs/deploy.md), and recording it
 * starts no database and writes no data: the packaged application directory holds no {@code data/}, so neither a
 * PostgreSQL cluster nor a generated {@code rolegate.secret} can end up in what is shipped.
 */
@EnabledIfSystemProperty(named = "rolegate.integration-tests", matches = "true",
        disabledReason = "needs the packaged application: runs in the integration-test phase of verify")
class StartupArchiveIT {

    private static final Path APPLICATION = Path.of("target/quarkus-app");

    @Test
    void theArchiveIsRecordedWithoutAnyDataBesideTheApplication() throws Exception {
        assertTrue(Files.size(APPLICATION.resolve("app-cds.jsa")) > 0, "the archive bin/rolegate starts with");
        assertFalse(Files.exists(APPLICATION.resolve("data")), "recording the archive created a data directory");
        assertTrue(Files.isExecutable(Path.of("bin/rolegate")));
    }
}
