package io.rolegate.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays an external PostgreSQL server: a separate embedded instance whose address is handed to the
 * application as ordinary datasource configuration, as an operator would set it.
 */
public class ExternalDatabase implements QuarkusTestResourceLifecycleManager {

    /** Where the test can read the server's address, to compare with what the application uses. */
    public static final String URL_KEY = "rolegate.test.external-url";
    /** Where the test can read the server's password. */
    public static final String PASSWORD_KEY = "rolegate.test.external-password";

    private EmbeddedDatabase server;

    @Override
    public Map<String, String> start() {
        try {
            server = EmbeddedDatabase.open(Files.createTempDirectory("rolegate-external-").resolve("postgres"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", server.password(),
                URL_KEY, server.jdbcUrl(),
                PASSWORD_KEY, server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The data directory this profile gives the application: it must stay without a database of its own. */
    static Path applicationDataDirectory() {
        return Path.of("target", "external-profile-data");
    }
}
