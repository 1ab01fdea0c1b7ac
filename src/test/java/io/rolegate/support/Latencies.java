package io.rolegate.support;

import java.util.Arrays;

/** Timings of one benchmark phase: percentiles and throughput, printed the way docs/benchmarks.md records them. */
public final class Latencies {

    private final String name;
    private final long[] nanos;
    private int count;
    private long wallNanos;

    public Latencies(String name, int capacity) {
        this.name = name;
        this.nanos = new long[capacity];
    }

    public synchronized void add(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    /** The wall time of the whole phase, for throughput. */
    public void wall(long elapsedNanos) {
        wallNanos = elapsedNanos;
    }

    public String name() {
        return name;
    }

    public synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (0–100) in milliseconds, nearest rank. */
    public synchronized double percentileMs(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    public synchronized double meanMs() {
        return Arrays.stream(nanos, 0, count).average().orElse(0) / 1e6;
    }

    public double perSecond() {
        return count() / (wallNanos / 1e9);
    }

    public String line() {
        return String.format("%-32s n=%5d  p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  max %8.1f ms  %8.1f/s",
                name, count(), percentileMs(50), percentileMs(95), percentileMs(99), percentileMs(100), perSecond());
    }
}
