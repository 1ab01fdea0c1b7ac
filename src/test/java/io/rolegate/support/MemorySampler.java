package io.rolegate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples this JVM's heap and resident set at a fixed interval while a benchmark runs. The JVM holds the
 * application, the fake AWS and the benchmark's clients; the embedded PostgreSQL is a separate process.
 * With {@code afterGc} every sample first runs a full collection, so the figures show live data, not garbage.
 */
public final class MemorySampler implements AutoCloseable {

    /** One sample, in MiB. */
    public record Sample(long atMs, double heapMiB, double rssMiB) {
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final boolean afterGc;
    private final long started = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private MemorySampler(Duration every, boolean afterGc) {
        this.afterGc = afterGc;
        sample();
        timer.scheduleAtFixedRate(this::sample, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static MemorySampler every(Duration every, boolean afterGc) {
        return new MemorySampler(every, afterGc);
    }

    public synchronized void sample() {
        if (afterGc) {
            MEMORY.gc();
        }
        samples.add(new Sample(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                MEMORY.getHeapMemoryUsage().getUsed() / 1048576.0, rssMiB()));
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Start, maximum and end of heap and RSS, as one line. */
    public synchronized String summary() {
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double maxHeap = samples.stream().mapToDouble(Sample::heapMiB).max().orElse(0);
        double maxRss = samples.stream().mapToDouble(Sample::rssMiB).max().orElse(0);
        return String.format("heap%s start %.0f / max %.0f / end %.0f MiB; RSS start %.0f / max %.0f / end %.0f MiB (%d samples)",
                afterGc ? " after GC" : "", first.heapMiB(), maxHeap, last.heapMiB(), first.rssMiB(), maxRss,
                last.rssMiB(), samples.size());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }

    /** VmRSS from /proc/self/status, in MiB. */
    static double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
