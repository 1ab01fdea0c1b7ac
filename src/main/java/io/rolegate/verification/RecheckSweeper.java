package io.rolegate.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.rolegate.database.Timestamps;
import org.jboss.logging.Logger;

/**
 * Re-checks ACTIVE and FAILING connections when they are due (PRODUCT §3). Work is claimed through
 * the database — {@code FOR UPDATE SKIP LOCKED} plus a lease — so several instances sharing one
 * PostgreSQL never check the same connection twice in one round, and a crashed instance's claims
 * expire. Revoked connections are never claimed.
 */
@ApplicationScoped
public class RecheckSweeper {

    private static final Logger LOG = Logger.getLogger(RecheckSweeper.class);

    /** The result of one sweep: how many connections it claimed and checked. */
    public record Sweep(int checked) {
    }

    /**
     * One statement: the first due connection nobody holds is locked (rows other instances are claiming are
     * skipped) and claimed with a lease. Never-checked connections come first. The condition and the order are
     * those of {@code connections_due_idx} (V6), so the claim reads that index from its start and stops at the
     * first connection it can take. Plain JDBC: Hibernate's native query plan cache degrades to a linear search
     * for a query run this often.
     */
    private static final String CLAIM = """
            UPDATE connections SET claimed_by = ?, claimed_until = ?
            WHERE id = (SELECT id FROM connections
                        WHERE status IN ('ACTIVE', 'FAILING')
                          AND coalesce(next_check_at, '-infinity'::timestamptz) <= ?
                          AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY coalesce(next_check_at, '-infinity'::timestamptz)
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    /** Ends a claim; a connection no check moved is due again after an interval, like one that was checked. */
    private static final String RELEASE = """
            UPDATE connections SET claimed_by = NULL, claimed_until = NULL,
                   next_check_at = CASE WHEN next_check_at IS NULL OR next_check_at <= ? THEN ? ELSE next_check_at END
            WHERE id = ? AND claimed_by = ?""";

    private final CheckService checks;
    private final CheckConfig config;
    private final DataSource database;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID();
    private final Counter sweeps;
    private final Counter swept;
    private final Timer duration;

    RecheckSweeper(CheckService checks, CheckConfig config, DataSource database, Clock clock,
            MeterRegistry registry) {
        this.checks = checks;
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.sweeps = registry.counter("rolegate.sweeps");
        this.swept = registry.counter("rolegate.sweep.connections");
        this.duration = registry.timer("rolegate.sweep.duration");
    }

    @Scheduled(every = "${rolegate.checks.sweep-every:60s}", delayed = "${rolegate.checks.sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Sweep sweep = sweep(instance);
        if (sweep.checked() > 0) {
            LOG.infof("Scheduled re-checks: %d connections checked", sweep.checked());
        }
    }

    /**
     * Checks every due connection that this owner can claim, at most {@code sweep-concurrency} at a time,
     * and returns when all of them have finished.
     */
    public Sweep sweep(String owner) {
        Timer.Sample sample = Timer.start();
        Semaphore slots = new Semaphore(config.sweepConcurrency());
        int checked = 0;
        try {
            while (true) {
                slots.acquireUninterruptibly();
                Optional<UUID> claimed = claim(owner);
                if (claimed.isEmpty()) {
                    slots.release();
                    break;
                }
                checked++;
                UUID connectionId = claimed.get();
                checks.recheck(connectionId).whenComplete((result, failure) -> {
                    if (failure != null || !(result instanceof CheckService.Start.Started)) {
                        release(connectionId, owner);
                    }
                    slots.release();
                });
            }
            slots.acquireUninterruptibly(config.sweepConcurrency());
            slots.release(config.sweepConcurrency());
        } finally {
            sweeps.increment();
            swept.increment(checked);
            sample.stop(duration);
        }
        return new Sweep(checked);
    }

    /**
     * Claims one due connection for this owner, skipping rows another instance is claiming right now. The claim
     * is one statement, committed on its own: no transaction around it, no persistence context.
     */
    private Optional<UUID> claim(String owner) {
        Instant now = clock.instant();
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(CLAIM)) {
            sql.setString(1, owner);
            sql.setObject(2, Timestamps.of(now.plus(config.claimLease())));
            sql.setObject(3, Timestamps.of(now));
            sql.setObject(4, Timestamps.of(now));
            try (ResultSet claimed = sql.executeQuery()) {
                return claimed.next() ? Optional.of(claimed.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim a due connection", e);
        }
    }

    /**
     * Ends this owner's claim when no check of its own ended it: the connection was revoked or a check was
     * already running (the end of a check releases the claim and sets when the connection is due next, in one
     * statement), or the check's end failed.
     */
    private void release(UUID connectionId, String owner) {
        Instant now = clock.instant();
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(RELEASE)) {
            sql.setObject(1, Timestamps.of(now));
            sql.setObject(2, Timestamps.of(Recheck.next(now, config.interval(), config.intervalJitter())));
            sql.setObject(3, connectionId);
            sql.setString(4, owner);
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the claim on connection " + connectionId, e);
        }
    }
}
