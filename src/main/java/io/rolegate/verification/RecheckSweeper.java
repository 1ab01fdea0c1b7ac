package io.rolegate.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.database.ShutdownOrder;
import org.jboss.logging.Logger;

/**
 * Re-checks ACTIVE and FAILING connections when they are due (PRODUCT §3). Work is claimed through
 * the database ({@link ConnectionRepository#claimNextDue}: {@code FOR UPDATE SKIP LOCKED} plus a lease), so several instances sharing one
 * PostgreSQL never check the same connection twice in one round, and a crashed instance's claims
 * expire. Revoked connections are never claimed.
 */
@ApplicationScoped
public class RecheckSweeper {

    private static final Logger LOG = Logger.getLogger(RecheckSweeper.class);

    /** The result of one sweep: how many connections it claimed and checked. */
    public record Sweep(int checked) {
    }

    private final CheckService checks;
    private final CheckRunner runner;
    private final CheckConfig config;
    private final ConnectionRepository connections;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID();
    private final Counter sweeps;
    private final Counter swept;
    private final Timer duration;
    private volatile boolean stopping;

    RecheckSweeper(CheckService checks, CheckRunner runner, CheckConfig config, ConnectionRepository connections,
            Clock clock, MeterRegistry registry) {
        this.checks = checks;
        this.runner = runner;
        this.config = config;
        this.connections = connections;
        this.clock = clock;
        this.sweeps = registry.counter("rolegate.sweeps");
        this.swept = registry.counter("rolegate.sweep.connections");
        this.duration = registry.timer("rolegate.sweep.duration");
    }

    @Scheduled(every = "${rolegate.checks.sweep-every:60s}", delayed = "${rolegate.checks.sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        runner.endAbandoned();
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
                Optional<UUID> claimed = stopping ? Optional.empty() : claim(owner);
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

    /** On shutdown a sweep under way claims nothing more; its checks in flight end as interrupted (CheckRunner). */
    void stopClaiming(@Observes @Priority(ShutdownOrder.STOP_INTAKE) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Claims one due connection for this owner, skipping rows another instance is claiming right now. The claim
     * is one statement, committed on its own: no transaction around it, no persistence context.
     */
    private Optional<UUID> claim(String owner) {
        Instant now = clock.instant();
        return connections.claimNextDue(owner, now, now.plus(config.claimLease()));
    }

    /**
     * Ends this owner's claim when no check of its own ended it: the connection was revoked or a check was
     * already running (the end of a check releases the claim and sets when the connection is due next, in one
     * statement), or the check's end failed.
     */
    private void release(UUID connectionId, String owner) {
        Instant now = clock.instant();
        connections.releaseClaim(connectionId, owner, now, Recheck.next(now, config.interval(), config.intervalJitter()));
    }
}
