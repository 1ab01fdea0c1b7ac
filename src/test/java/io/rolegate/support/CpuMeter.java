package io.rolegate.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent between two readings by a JVM (this one — the application, the fake AWS and the benchmark's
 * clients — or an application started apart) and by every PostgreSQL process of the machine, read from /proc. Divided by the work done in
 * between it gives what one unit of work costs, whatever else the machine is doing.
 */
public final class CpuMeter {

    /** CPU seconds consumed since the meter started. */
    public record Reading(double jvmSeconds, double postgresSeconds, double wallSeconds) {

        public double totalSeconds() {
            return jvmSeconds + postgresSeconds;
        }

        /** One line: CPU per unit of work and the cores kept busy on average. */
        public String per(long units, String unit) {
            return String.format("CPU per %s: JVM %.1f ms + PostgreSQL %.1f ms = %.1f ms; %.2f cores busy on average",
                    unit, jvmSeconds * 1000 / units, postgresSeconds * 1000 / units, totalSeconds() * 1000 / units,
                    totalSeconds() / wallSeconds);
        }
    }

    private static final long TICKS_PER_SECOND = 100;

    private final Path jvm;
    private final long startedNanos = System.nanoTime();
    private final long jvmTicks;
    private final long postgresTicks = postgresTicks();

    private CpuMeter(Path jvm) {
        this.jvm = jvm;
        this.jvmTicks = ticks(jvm);
    }

    /** Measures this JVM and PostgreSQL. */
    public static CpuMeter start() {
        return new CpuMeter(Path.of("/proc/self/stat"));
    }

    /** Measures the JVM of process {@code pid} (an application started apart) and PostgreSQL. */
    public static CpuMeter start(long pid) {
        return new CpuMeter(Path.of("/proc/" + pid + "/stat"));
    }

    public Reading read() {
        return new Reading((ticks(jvm) - jvmTicks) / (double) TICKS_PER_SECOND,
                (postgresTicks() - postgresTicks) / (double) TICKS_PER_SECOND,
                (System.nanoTime() - startedNanos) / 1e9);
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuMeter::isPostgres)
                    .mapToLong(path -> ticks(path.resolve("stat")))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime of a /proc/…/stat line, in clock ticks; 0 when the process is gone. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
