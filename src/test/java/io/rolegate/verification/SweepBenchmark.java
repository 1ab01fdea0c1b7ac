package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.Partition;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.PolicyModel;
import io.rolegate.policy.VendorPrincipal;
import io.rolegate.support.Accounts;
import io.rolegate.support.CpuMeter;
import io.rolegate.support.MemorySampler;
import org.jboss.logging.Logger;

/**
 * One scheduled sweep over many due ACTIVE connections against the fake AWS at 50 ms per call (or
 * {@code -Dsweep.latency-ms}), 32 checks at once: total time against the ideal, CPU per check, and heap
 * after GC while it runs. {@code -Dsweep.connections=N} sets the number (default 2,000), after a warm-up
 * sweep of {@code -Dsweep.warm-up=N} (default 500). See docs/benchmarks.md, "Scheduled re-checks".
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
@TestProfile(SweepBenchmark.ThirtyTwoAtOnce.class)
class SweepBenchmark {

    private static final Logger LOG = Logger.getLogger(SweepBenchmark.class);

    public static class ThirtyTwoAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rolegate.checks.sweep-concurrency", String.valueOf(CONCURRENCY),
                    "rolegate.checks.concurrent-checks", String.valueOf(CONCURRENCY),
                    "rolegate.checks.step-threads", String.valueOf(CONCURRENCY * 4),
                    "rolegate.checks.deadline", DEADLINE.toSeconds() + "s",
                    "rolegate.aws.read-timeout", "20s",
                    "rolegate.aws.call-timeout", "60s");
        }
    }

    private static final int CONCURRENCY = 32;
    /** No check uses its session longer than this. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The fake's answer time per call: {@code -Dsweep.latency-ms=N}, default 50. */
    private static final Duration LATENCY = Duration.ofMillis(Long.getLong("sweep.latency-ms", 50));
    /** What checks ask AssumeRole for. */
    private static final Duration SESSION_DURATION = Duration.ofMinutes(15);
    /** AssumeRole, then the bucket's GetBucketLocation → ListObjectsV2 → GetObject. */
    private static final int CRITICAL_PATH_CALLS = 4;
    private static final byte[] REPORT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    @InjectFakeAws
    FakeAws aws;

    @Inject
    RecheckSweeper sweeper;

    @Inject
    DataSource dataSource;

    @Test
    void oneSweepOverEveryDueConnection() throws Exception {
        int count = Integer.getInteger("sweep.connections", 2_000);
        int warmUp = Integer.getInteger("sweep.warm-up", 500);
        aws.clearFaults();
        aws.latency(LATENCY);
        Organisation organisation = Accounts.organisation("Swept");
        // A long-running instance has its code compiled: a first, smaller sweep lets the JIT catch up.
        seed(organisation, warmUp);
        assertEquals(warmUp, sweeper.sweep("benchmark-warm-up").checked());
        long seeding = System.nanoTime();
        seed(organisation, count);
        LOG.infof("Seeded %,d due connections and their roles in %.0f s", count, (System.nanoTime() - seeding) / 1e9);

        // The fake's call log and issued sessions are the stand-in's memory, not Rolegate's: forget them (sessions
        // once the check that took them is past its deadline) so that they do not pose as growth.
        ScheduledExecutorService forgetCalls = Executors.newSingleThreadScheduledExecutor();
        forgetCalls.scheduleAtFixedRate(() -> {
            aws.clearCalls();
            aws.forgetSessionsExpiringBefore(Instant.now().plus(SESSION_DURATION).minus(DEADLINE.multipliedBy(2)));
        }, 1, 1, TimeUnit.SECONDS);
        RecheckSweeper.Sweep sweep;
        long elapsed;
        CpuMeter.Reading cpu;
        try (MemorySampler memory = MemorySampler.every(Duration.ofSeconds(5), true)) {
            CpuMeter meter = CpuMeter.start();
            long started = System.nanoTime();
            sweep = sweeper.sweep("benchmark");
            elapsed = System.nanoTime() - started;
            cpu = meter.read();
            LOG.info("Memory during the sweep: " + memory.summary());
            memory.samples().forEach(sample -> LOG.infof("  at %6.1f s: heap after GC %5.0f MiB, RSS %5.0f MiB",
                    sample.atMs() / 1000.0, sample.heapMiB(), sample.rssMiB()));
        } finally {
            forgetCalls.shutdownNow();
            aws.clearFaults();
        }

        assertEquals(count, sweep.checked());
        assertEquals(Map.of("PASSED", (long) (warmUp + count)), outcomes(), "every scheduled check passed");
        double ideal = count * CRITICAL_PATH_CALLS * LATENCY.toMillis() / (double) CONCURRENCY / 1000.0;
        LOG.infof("Sweep of %,d connections at %d at once, %d ms per call: %.1f s; ideal %.1f s; ratio %.2f; %.1f checks/s",
                count, CONCURRENCY, LATENCY.toMillis(), elapsed / 1e9, ideal, elapsed / 1e9 / ideal, count / (elapsed / 1e9));
        LOG.info(cpu.per(count, "check"));
    }

    private Map<String, Long> outcomes() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT outcome, count(*) FROM checks GROUP BY outcome")) {
            Map<String, Long> outcomes = new TreeMap<>();
            while (rows.next()) {
                outcomes.put(rows.getString(1), rows.getLong(2));
            }
            return outcomes;
        }
    }

    /**
     * Due ACTIVE connections written in batches, each with its own account, a bucket holding a report, and a role
     * carrying the trust and permission policies Rolegate renders for it.
     */
    private void seed(Organisation organisation, int count) throws SQLException {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(30)));
        VendorPrincipal vendor = new VendorPrincipal("arn:aws:iam::" + CheckFixtures.VENDOR_ACCOUNT + ":root");
        try (Connection db = dataSource.getConnection();
                PreparedStatement connection = db.prepareStatement("""
                        INSERT INTO connections (id, organisation_id, label, account_id, partition, region, role_arn,
                            role_submitted_at, status, status_changed_at, last_check_outcome, last_checked_at, created_at)
                        VALUES (?, ?, ?, ?, 'aws', 'us-east-1', ?, ?, 'ACTIVE', ?, 'PASSED', ?, ?)""");
                PreparedStatement bucket = db.prepareStatement(
                        "INSERT INTO connection_buckets (connection_id, position, bucket, prefix) VALUES (?, 0, ?, 'reports/')");
                PreparedStatement externalId = db.prepareStatement("""
                        INSERT INTO external_ids (id, connection_id, value, state, issued_at, registration_salt)
                        VALUES (?, ?, ?, 'CURRENT', ?, md5(random()::text) || md5(random()::text))""")) {
            db.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                String account = CheckFixtures.randomAccount();
                String roleName = "rolegate-sweep-" + i;
                String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
                String bucketName = "rg-sweep-" + i + "-" + Accounts.unique();
                ExternalId xid = ExternalId.generate();
                connection.setObject(1, id);
                connection.setObject(2, organisation.id);
                connection.setString(3, "Swept " + i);
                connection.setString(4, account);
                connection.setString(5, roleArn);
                for (int column = 6; column <= 9; column++) {
                    connection.setTimestamp(column, longAgo);
                }
                connection.addBatch();
                bucket.setObject(1, id);
                bucket.setString(2, bucketName);
                bucket.addBatch();
                externalId.setObject(1, UUID.randomUUID());
                externalId.setObject(2, id);
                externalId.setString(3, xid.value());
                externalId.setTimestamp(4, longAgo);
                externalId.addBatch();

                aws.bucket(bucketName, "us-east-1", account);
                aws.object(bucketName, "reports/daily.csv", REPORT, null);
                PolicyModel model = new PolicyModel(id.toString(), "Swept " + i, Partition.AWS, "us-east-1",
                        new AccountId(account), roleName, List.of(xid), List.of(new BucketGrant(bucketName, "reports/")),
                        List.of(), vendor);
                aws.role(roleArn, CheckFixtures.trustPolicy(model), CheckFixtures.permissionPolicy(model));
                if (i % 500 == 499 || i == count - 1) {
                    connection.executeBatch();
                    bucket.executeBatch();
                    externalId.executeBatch();
                    db.commit();
                }
            }
        }
    }
}
