package io.rolegate.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL keeping its data in a directory that survives restarts (docs/deploy.md).
 * <ul>
 * <li>Writes are durable: fsync and synchronous commit are on (zonky turns them off).</li>
 * <li>Only the password opens it: the superuser's password is generated on first start and kept beside the data
 * directory ({@code postgres.password}, readable by the owner only); {@code pg_hba.conf} allows SCRAM
 * authentication on loopback only and is rewritten at every start. A data directory made by an older Rolegate with
 * {@code trust} authentication gets the password and the new rules on its first start here.</li>
 * <li>It listens on loopback only, and on no Unix socket.</li>
 * <li>A PostgreSQL left running on the directory by a Rolegate that was killed is stopped before this one starts,
 * so the first restart after {@code kill -9} works. A lock file ({@code postgres.lock}) tells a killed Rolegate from
 * one still running: the second Rolegate on a data directory refuses to start.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    public static final String USER = "postgres";

    /** The rules of {@code pg_hba.conf}: a password (SCRAM) for every connection, over loopback only. */
    static final String HBA = """
            # Written by Rolegate at every start (database/EmbeddedDatabase): password authentication, loopback only.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final FileChannel lockChannel;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password, FileChannel lockChannel) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.lockChannel = lockChannel;
    }

    /** Where the application connects: the JDBC URL and the superuser's password. */
    public record Address(String jdbcUrl, String password) {
    }

    /**
     * The address of the one instance per data directory in this JVM, started on first use. It stops when the JVM
     * exits, once no other client is connected or {@code grace} has passed: the application's own shutdown (checks
     * recorded as interrupted, the connection pool closed) runs in a shutdown hook of its own, in parallel, and
     * needs the database until its end (see {@link ShutdownOrder}). The URL is kept in a system property rather
     * than a static field because a restarted application (tests do that) loads this class again and must find the
     * running instance.
     */
    static synchronized Address shared(Path dataDirectory, boolean clean, Duration grace) {
        String key = "rolegate.embedded-postgres.running." + dataDirectory.toAbsolutePath().normalize();
        String running = System.getProperty(key);
        if (running != null) {
            return new Address(running, readPassword(passwordFile(dataDirectory)));
        }
        EmbeddedDatabase database = open(dataDirectory, clean);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> database.closeOnceUnused(grace), "embedded-postgres-stop"));
        System.setProperty(key, database.jdbcUrl());
        return new Address(database.jdbcUrl(), database.password());
    }

    /**
     * Starts PostgreSQL on the directory; with {@code clean}, from nothing, and deleted again when closed.
     *
     * @throws IllegalStateException when another process holds the directory (a Rolegate still running)
     */
    public static EmbeddedDatabase open(Path dataDirectory, boolean clean) {
        FileChannel lock = null;
        try {
            Path parent = dataDirectory.toAbsolutePath().normalize().getParent();
            Files.createDirectories(parent);
            lock = lock(lockFile(dataDirectory));
            stopOrphan(dataDirectory);
            if (clean) {
                deleteRecursively(dataDirectory); // left behind by a run that was killed
                Files.deleteIfExists(passwordFile(dataDirectory));
            }
            Files.createDirectories(dataDirectory);
            boolean initialised = Files.exists(dataDirectory.resolve("postgresql.conf"));
            if (initialised && !Files.exists(passwordFile(dataDirectory)) && HBA.equals(readHba(dataDirectory))) {
                throw new IllegalStateException("The password of the embedded PostgreSQL in " + dataDirectory
                        + " is missing: restore " + passwordFile(dataDirectory) + " from a backup");
            }
            String password = storedPassword(passwordFile(dataDirectory));
            boolean trusting = initialised && !HBA.equals(readHba(dataDirectory));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky passes these to initdb as --name=value: a new cluster's superuser gets the password
                    .setLocaleConfig("pwfile", passwordFile(dataDirectory).toAbsolutePath().toString())
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(directory -> {
                        if (!trusting) {
                            writeHba(directory.toPath());
                        }
                    })
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory, password, lock);
            if (trusting) {
                database.requirePassword();
            }
            return database;
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /**
     * A data directory made with {@code trust} authentication (older versions of Rolegate): it started with its old
     * rules, still on loopback only; give the superuser the password, then replace the rules and reload them.
     */
    private void requirePassword() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'"); // base64url: nothing to escape
            writeHba(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
            LOG.infof("The embedded PostgreSQL in %s now requires its password (%s)", dataDirectory,
                    passwordFile(dataDirectory));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the password of the embedded PostgreSQL", e);
        }
    }

    /**
     * A PostgreSQL still running on this directory: its Rolegate was killed (this process holds the lock now). Asks it
     * to stop (SIGTERM: its clients died with that Rolegate) and waits until it has.
     */
    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) {
            return; // being written or damaged: PostgreSQL judges it at start
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        if (postmaster.isEmpty() || !sameDirectory(Path.of(lines.get(1).trim()), dataDirectory)) {
            return; // a stale file: PostgreSQL removes it at start
        }
        LOG.warnf("Stopping the PostgreSQL (pid %d) left running in %s by a Rolegate that ended without stopping it",
                postmaster.get().pid(), dataDirectory);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left running in " + dataDirectory, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL left running in " + dataDirectory + " (pid "
                    + postmaster.get().pid() + ") did not stop within " + ORPHAN_STOP_WAIT.toSeconds() + " s", e);
        }
    }

    private static boolean sameDirectory(Path recorded, Path dataDirectory) throws IOException {
        return Files.exists(recorded) && Files.isSameFile(recorded, dataDirectory);
    }

    private static FileChannel lock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another Rolegate uses the database in " + file.getParent()
                    + ": stop it first, or give this one another rolegate.data-directory");
        }
        return channel;
    }

    private static void release(FileChannel lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.debugf("Could not release %s: %s", lock, e.getMessage());
        }
    }

    private static String readHba(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.exists(hba) ? Files.readString(hba, StandardCharsets.UTF_8) : "";
    }

    private static void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the authentication rules of " + dataDirectory, e);
        }
    }

    /** The superuser's password, created on first use: 256 random bits, readable by the owner only. */
    private static String storedPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return readPassword(file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path written = Files.createTempFile(file.getParent(), "postgres", ".password",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, password + "\n", StandardCharsets.US_ASCII);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the password of the embedded PostgreSQL in " + file, e);
        }
    }

    /** The file holding the superuser's password of the cluster in {@code dataDirectory}. */
    public static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    private static Path lockFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
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

    /** The superuser's password ({@link #USER}). */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A new connection as the superuser. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password);
    }

    /**
     * Stops PostgreSQL once this is the only client connected, or after {@code grace}: the last step of a shutdown
     * (see {@link ShutdownOrder}).
     */
    void closeOnceUnused(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline && otherClients(statement) > 0) {
                TimeUnit.MILLISECONDS.sleep(50); // no notification exists for "the last client left"
            }
        } catch (SQLException e) {
            LOG.debugf("Stopping the embedded PostgreSQL without waiting for its clients: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    private static int otherClients(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(lockChannel);
        }
    }
}
