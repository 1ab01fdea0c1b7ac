package io.rolegate.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL keeping its data in a directory that survives restarts.
 * Unlike zonky's defaults, writes are durable: fsync and synchronous commit are on.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The JDBC URL of the one instance per data directory in this JVM, started on first use and stopped
     * when the JVM exits. The URL is kept in a system property rather than a static field because a
     * restarted application (tests do that) loads this class again and must find the running instance.
     */
    static synchronized String shared(Path dataDirectory, boolean clean) {
        String key = "rolegate.embedded-postgres.running." + dataDirectory.toAbsolutePath().normalize();
        String running = System.getProperty(key);
        if (running != null) {
            return running;
        }
        EmbeddedDatabase database = open(dataDirectory, clean);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        System.setProperty(key, database.jdbcUrl());
        return database.jdbcUrl();
    }

    /** Starts PostgreSQL on the directory; with {@code clean}, from nothing, and deleted again when closed. */
    public static EmbeddedDatabase open(Path dataDirectory, boolean clean) {
        try {
            if (clean) {
                deleteRecursively(dataDirectory); // left behind by a run that was killed
            }
            Files.createDirectories(dataDirectory);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
