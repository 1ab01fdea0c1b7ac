package io.rolegate.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rolegate.support.PackagedApp;

/**
 * Start-up of the packaged application until its readiness check answers 200 on the management port, with a data
 * directory (embedded mode) or a schema (external mode) that already exists, and its memory once ready: the JVM's
 * RSS, and for the embedded mode PostgreSQL's PSS (its processes share memory). Medians of five starts after one
 * that creates the database. Build first: {@code ./mvnw -B -q package -DskipTests}; run with
 * {@code ./mvnw -B -q test -Dbenchmarks -Dtest=StartupBenchmark} (docs/benchmarks.md).
 */
@Tag("benchmark")
class StartupBenchmark {

    private static final Logger LOG = Logger.getLogger(StartupBenchmark.class);

    private static final int STARTS = 5;

    @TempDir
    Path directory;

    @Test
    void embedded() throws Exception {
        Path data = directory.resolve("data");
        report("embedded", measure(EmbeddedApps.config(data, null), data));
    }

    @Test
    void external() throws Exception {
        try (PostgresServer server = PostgresServer.start(directory.resolve("postgres"))) {
            Map<String, String> config = EmbeddedApps.config(directory.resolve("data"), null);
            config.putAll(Map.of(
                    "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                    "quarkus.datasource.username", PostgresServer.USER,
                    "quarkus.datasource.password", server.password()));
            report("external", measure(config, null));
        }
    }

    private record Start(long readyMs, double jvmRssMiB, double postgresPssMiB) {
    }

    private static List<Start> measure(Map<String, String> config, Path embeddedData) throws Exception {
        Path log = Path.of("target/startup-benchmark-app.log");
        try (PackagedApp first = PackagedApp.start(config, log)) {
            first.terminate(Duration.ofSeconds(60)); // creates the data directory or the schema
        }
        List<Start> starts = new ArrayList<>();
        for (int run = 0; run < STARTS; run++) {
            long launched = System.nanoTime();
            try (PackagedApp app = PackagedApp.launch(config, log)) {
                app.awaitReady();
                long readyMs = Duration.ofNanos(System.nanoTime() - launched).toMillis();
                double postgres = embeddedData == null ? 0 : postgresPss(EmbeddedApps.postmasterPid(embeddedData));
                starts.add(new Start(readyMs, statusMiB(app.pid(), "VmRSS:"), postgres));
                app.terminate(Duration.ofSeconds(60));
            }
        }
        return starts;
    }

    private static void report(String mode, List<Start> starts) {
        LOG.infof("startup %s: ready after %s ms (median %d ms); JVM RSS median %.0f MiB; PostgreSQL PSS median %.0f MiB",
                mode, starts.stream().map(start -> String.valueOf(start.readyMs())).toList(),
                (long) median(starts.stream().mapToDouble(Start::readyMs).toArray()),
                median(starts.stream().mapToDouble(Start::jvmRssMiB).toArray()),
                median(starts.stream().mapToDouble(Start::postgresPssMiB).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The postmaster and every process it started, PSS summed (shared buffers counted once). */
    private static double postgresPss(long postmaster) throws Exception {
        Optional<ProcessHandle> root = ProcessHandle.of(postmaster);
        if (root.isEmpty()) {
            return 0;
        }
        double total = rollupMiB(postmaster);
        for (ProcessHandle child : root.get().descendants().toList()) {
            total += rollupMiB(child.pid());
        }
        return total;
    }

    private static double rollupMiB(long pid) throws Exception {
        return fieldMiB(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
    }

    private static double statusMiB(long pid, String field) throws Exception {
        return fieldMiB(Path.of("/proc", String.valueOf(pid), "status"), field);
    }

    private static double fieldMiB(Path file, String field) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) / 1024.0;
            }
        }
        return 0;
    }
}
