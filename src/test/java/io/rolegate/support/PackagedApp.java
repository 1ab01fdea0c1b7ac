package io.rolegate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started in its own JVM in production
 * mode, as users run it, here on a database a test prepared. Benchmarks measure it instead of the test JVM,
 * whose extra code (test frameworks, the fake AWS, browsers' drivers) changes what the JIT makes of the
 * application. Build it first: {@code ./mvnw -B -q package -DskipTests}. {@code -Dbenchmark.app-jvm-options=…}
 * adds options to its JVM (a profiler, say). It is started with {@code bin/rolegate}, as the README starts it.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The README's launcher: the JVM options of docs/deploy.md, then the arguments, then the application. */
    private static final Path LAUNCHER = Path.of("bin/rolegate");

    private final Process process;
    private final URL base;
    private final URL management;

    private PackagedApp(Process process, URL base, URL management) {
        this.process = process;
        this.base = base;
        this.management = management;
    }

    /** Starts the application with these configuration properties and waits until it is ready. */
    public static PackagedApp start(Map<String, String> properties, Path log) throws Exception {
        PackagedApp app = launch(properties, log);
        app.awaitReady();
        return app;
    }

    /**
     * Starts the application with these configuration properties, its output appended to {@code log}, without
     * waiting for it; {@link #awaitReady()} waits.
     */
    public static PackagedApp launch(Map<String, String> properties, Path log) throws Exception {
        requireFreshJar();
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort));
        String jvmOptions = System.getProperty("benchmark.app-jvm-options", "");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+"))); // e.g. a profiler
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + (key.equals("rolegate.data-directory")
                ? Path.of(value).toAbsolutePath() : value)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new PackagedApp(process, URI.create("http://localhost:" + port + "/").toURL(),
                URI.create("http://localhost:" + managementPort + "/").toURL());
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    public URL base() {
        return base;
    }

    /** The management interface: health and metrics. */
    public URL management() {
        return management;
    }

    /** The JVM's process id, for reading its CPU time. */
    public long pid() {
        return process.pid();
    }

    /** Waits until the application answers ready on its management interface; fails when it stops first. */
    public void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(management.toURI().resolve("/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens once the application has started
            }
            if (exitsWithin(Duration.ofMillis(200))) {
                throw new IllegalStateException("The packaged application stopped; see its log");
            }
        }
        throw new IllegalStateException("The packaged application was not ready within two minutes");
    }

    private boolean exitsWithin(Duration wait) throws Exception {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        }
    }

    /** Refuses a jar older than the sources: the figures would belong to other code. */
    private static void requireFreshJar() throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build the application first: ./mvnw -B -q package -DskipTests");
        }
        FileTime built = Files.getLastModifiedTime(JAR.getParent().resolve("app/" + appJarName()));
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            boolean stale = sources.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (stale) {
                throw new IllegalStateException("The packaged application is older than the code: ./mvnw -B -q package -DskipTests");
            }
        }
    }

    private static String appJarName() throws IOException {
        try (Stream<Path> jars = Files.list(JAR.getParent().resolve("app"))) {
            return jars.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")).findFirst()
                    .orElseThrow();
        }
    }

    /** Kills the JVM at once (SIGKILL), as a crash or {@code kill -9} would; what it started keeps running. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /**
     * Asks the JVM to stop (SIGTERM, as a process supervisor or Kubernetes does) and returns its exit code once it
     * has stopped, waiting at most {@code wait}.
     */
    public int terminate(Duration wait) throws Exception {
        process.destroy();
        return process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS).exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(60));
        }
    }
}
