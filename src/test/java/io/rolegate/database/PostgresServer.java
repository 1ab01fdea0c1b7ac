package io.rolegate.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server as operators run one: Debian's PostgreSQL 15 (package {@code postgresql-15}, which
 * {@code .ci/run} installs when missing; {@code -Drolegate.test.postgres-bin=…} names other binaries) in a directory
 * of its own, on a free port, listening on loopback only, with password (SCRAM) authentication for every connection.
 * PostgreSQL refuses to run as root; as root its commands run in a user namespace of their own ({@code unshare -U},
 * as zonky's embedded PostgreSQL does), where they are not root.
 */
public final class PostgresServer implements AutoCloseable {

    /** The server's superuser, the user Rolegate connects as. */
    public static final String USER = "rolegate";

    private static final Path BIN = Path.of(System.getProperty("rolegate.test.postgres-bin",
            "/usr/lib/postgresql/15/bin"));

    private final Path directory;
    private final int port;
    private final String password;

    private PostgresServer(Path directory, int port, String password) {
        this.directory = directory;
        this.port = port;
        this.password = password;
    }

    /** Creates a cluster under {@code directory} (which must not hold one) and starts it. */
    public static PostgresServer start(Path directory) throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new IllegalStateException("No PostgreSQL server binaries in " + BIN
                    + ": install Debian's postgresql-15 (apt-get install -y postgresql-15), as .ci/run does");
        }
        Files.createDirectories(directory);
        String password = UUID.randomUUID().toString();
        Path passwordFile = directory.resolve("password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
        Path data = directory.resolve("data");
        run(directory, BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF-8", "--locale=C");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        run(directory, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories='' -c max_connections=200",
                "start");
        return new PostgresServer(directory, port, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws Exception {
        run(directory, BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast",
                "-w", "stop");
    }

    private static void run(Path directory, String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        Path log = directory.resolve("commands.log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
