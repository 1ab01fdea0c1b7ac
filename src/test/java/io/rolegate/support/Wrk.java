package io.rolegate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HTTP load from a second process: wrk (Debian package {@code wrk}) with a fixed number of keep-alive
 * connections, each sending its next request as soon as the previous answer arrived. A load generator
 * inside the application's JVM would compete with it for the same cores and the same JIT.
 */
public final class Wrk {

    /** One run: requests, wall time and latency percentiles as wrk measured them. */
    public record Result(String name, long requests, double seconds, long failed, long non2xx, double p50Ms,
            double p95Ms, double p99Ms, double maxMs) {

        public double perSecond() {
            return requests / seconds;
        }

        public String line() {
            return String.format("%-34s n=%6d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %8.1f/s",
                    name, requests, p50Ms, p95Ms, p99Ms, maxMs, perSecond());
        }
    }

    private Wrk() {
    }

    /** {@code connections} clients on {@code url} for {@code duration}; {@code cookie} may be null. */
    public static Result run(String name, URL url, String cookie, int connections, Duration duration) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "60s", "-s", script().toString(), "-H", "Accept-Language: en"));
        if (cookie != null) {
            command.addAll(List.of("-H", "Cookie: " + cookie));
        }
        command.add(url.toString());
        String output = execute(command);
        String report = output.lines().filter(line -> line.startsWith("rolegate-wrk ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no report:\n" + output));
        Map<String, Long> figures = new HashMap<>();
        for (String pair : report.substring("rolegate-wrk ".length()).split(" ")) {
            int equals = pair.indexOf('=');
            figures.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        return new Result(name, figures.get("requests"), figures.get("duration") / 1e6, figures.get("failed"),
                figures.get("non2xx"), figures.get("p50") / 1e3, figures.get("p95") / 1e3, figures.get("p99") / 1e3,
                figures.get("max") / 1e3);
    }

    private static String execute(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("wrk is needed for this benchmark: apt-get install -y wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The report script, copied out of the test resources so wrk can read it. */
    private static Path script() {
        try (InputStream source = Wrk.class.getResourceAsStream("/benchmarks/wrk-report.lua")) {
            Path script = Files.createTempFile("rolegate-wrk", ".lua");
            script.toFile().deleteOnExit();
            Files.write(script, source.readAllBytes());
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
