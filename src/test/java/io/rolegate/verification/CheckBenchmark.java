package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.PolicyModel;
import io.rolegate.support.Accounts;
import io.rolegate.support.Latencies;
import io.rolegate.support.MemorySampler;
import org.jboss.logging.Logger;

/**
 * Wall time of one live check against the fake AWS answering every call after 100 ms, compared with the
 * check's critical path and with the sum of its calls; then throughput with 20 checks at once. See
 * docs/benchmarks.md, "Live check".
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
@TestProfile(CheckBenchmark.Concurrent.class)
class CheckBenchmark {

    private static final Logger LOG = Logger.getLogger(CheckBenchmark.class);

    /** Room for 20 checks at once, each with two probes, the identity check and two buckets in flight. */
    public static class Concurrent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rolegate.checks.concurrent-checks", String.valueOf(CONCURRENT),
                    "rolegate.checks.step-threads", String.valueOf(CONCURRENT * 5),
                    "rolegate.checks.deadline", "60s",
                    "rolegate.aws.read-timeout", "10s",
                    "rolegate.aws.call-timeout", "30s");
        }
    }

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int WARM_UP = 10;
    private static final int SEQUENTIAL = 60;
    private static final int CONCURRENT = 20;
    private static final int CONCURRENT_ROUNDS = 5;
    /** AssumeRole, then one bucket's GetBucketLocation → ListObjectsV2 → GetObject. */
    private static final int CRITICAL_PATH_CALLS = 4;
    private static final byte[] REPORT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckService checks;

    @Test
    void liveCheckWallTimeAgainstItsCriticalPath() throws Exception {
        aws.clearFaults();
        Organisation organisation = Accounts.organisation("Benchmark");
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            connections.add(passing(organisation));
        }
        aws.latency(LATENCY);

        for (int i = 0; i < WARM_UP; i++) {
            timedCheck(connections.get(i % CONCURRENT).id);
        }

        Latencies wall = new Latencies("sequential check (caller)", SEQUENTIAL);
        Latencies recorded = new Latencies("sequential check (recorded)", SEQUENTIAL);
        int calls = 0;
        Timed last = null;
        long started;
        try (MemorySampler memory = MemorySampler.every(Duration.ofMillis(500), false)) {
            started = System.nanoTime();
            for (int i = 0; i < SEQUENTIAL; i++) {
                aws.clearCalls();
                Timed check = timedCheck(connections.get(i % CONCURRENT).id);
                last = check;
                wall.add(check.wallNanos);
                recorded.add(Duration.between(check.startedAt, check.finishedAt).toNanos());
                calls = Math.max(calls, aws.calls().size());
            }
            wall.wall(System.nanoTime() - started);
            recorded.wall(System.nanoTime() - started);
            LOG.info("Memory during sequential checks: " + memory.summary());
        }
        double critical = CRITICAL_PATH_CALLS * LATENCY.toMillis();
        timeline(last);
        LOG.info(wall.line());
        LOG.info(recorded.line());
        LOG.infof("Calls per check %d; critical path %d calls = %.0f ms; sum of calls %.0f ms", calls,
                CRITICAL_PATH_CALLS, critical, calls * (double) LATENCY.toMillis());
        LOG.infof("p50 / critical path = %.2f; p95 / critical path = %.2f; p50 / sum of calls = %.2f",
                wall.percentileMs(50) / critical, wall.percentileMs(95) / critical,
                wall.percentileMs(50) / (calls * (double) LATENCY.toMillis()));

        Latencies concurrent = new Latencies("20 concurrent checks", CONCURRENT * CONCURRENT_ROUNDS);
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
        long cpuBefore = PROCESS.getProcessCpuTime();
        try (MemorySampler memory = MemorySampler.every(Duration.ofMillis(500), false)) {
            started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Connection connection : connections) {
                running.add(clients.submit(() -> {
                    for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
                        concurrent.add(timedCheck(connection.id).wallNanos);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(10, TimeUnit.MINUTES);
            }
            concurrent.wall(System.nanoTime() - started);
            LOG.info("Memory during concurrent checks: " + memory.summary());
        } finally {
            clients.shutdownNow();
            aws.clearFaults();
        }
        LOG.info(concurrent.line());
        LOG.infof("CPU of this JVM (application, fake AWS, benchmark): %.0f ms per check",
                (PROCESS.getProcessCpuTime() - cpuBefore) / 1e6 / concurrent.count());
        LOG.infof("Throughput with %d at once: %.1f checks/s (ideal %.1f at the critical path)", CONCURRENT,
                concurrent.perSecond(), CONCURRENT / (critical / 1000.0));
    }

    /** Where the time of one check went: each step's start after the check's start, and its duration. */
    private static void timeline(Timed check) {
        LOG.infof("Timeline of check %s (%d ms in all):", check.id,
                Duration.between(check.startedAt, check.finishedAt).toMillis());
        for (CheckStep step : CheckFixtures.steps(check.id)) {
            LOG.infof("  %-22s %-28s starts at %4d ms, lasts %4d ms", step.name,
                    step.resource == null ? "" : step.resource, Duration.between(check.startedAt, step.startedAt).toMillis(),
                    step.durationMs);
        }
    }

    private record Timed(UUID id, Instant startedAt, Instant finishedAt, long wallNanos) {
    }

    /** Runs one check as the scheduler does (system actor, no rate limit) and insists that it passed. */
    private Timed timedCheck(UUID connectionId) {
        long started = System.nanoTime();
        CompletableFuture<CheckService.Start> start = checks.recheck(connectionId);
        UUID checkId = start.join().checkId();
        long elapsed = System.nanoTime() - started;
        Check check = QuarkusTransaction.requiringNew().call(() -> Check.<Check>findById(checkId));
        assertEquals(CheckOutcome.PASSED, check.outcome, () -> "steps: " + CheckFixtures.steps(checkId));
        return new Timed(checkId, check.startedAt, check.finishedAt, elapsed);
    }

    /** A connection with two buckets, each holding a readable report, and a role with the documents Rolegate renders. */
    private Connection passing(Organisation organisation) {
        String account = CheckFixtures.randomAccount();
        String roleName = "rolegate-" + Accounts.unique();
        String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
        List<GrantedBucket> buckets = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            String bucket = "rg-bench-" + Accounts.unique();
            aws.bucket(bucket, "us-east-1", account);
            aws.object(bucket, "reports/daily.csv", REPORT, null);
            buckets.add(new GrantedBucket(bucket, "reports/"));
        }
        Connection connection = CheckFixtures.connection(organisation, account, "us-east-1", roleArn, Duration.ofHours(1),
                ConnectionStatus.ACTIVE, buckets, List.of());
        PolicyModel model = CheckFixtures.model(connection, roleName, CheckFixtures.externalId(connection));
        aws.role(roleArn, CheckFixtures.trustPolicy(model), CheckFixtures.permissionPolicy(model));
        return connection;
    }
}
