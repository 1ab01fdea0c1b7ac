package io.rolegate.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rolegate.aws.ConnectionScope;
import io.rolegate.aws.ConnectionScopes;
import io.rolegate.aws.RoleAccess;
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.database.ShutdownOrder;

/**
 * Runs checks in the background on bounded thread pools: a few checks at once, and a shared pool
 * for the steps that run concurrently inside them. A check that cannot run (queue full, Rolegate
 * restarted mid-check) ends INCONCLUSIVE rather than RUNNING forever; so do the checks in flight when Rolegate
 * shuts down ({@link ShutdownOrder#INTERRUPT_CHECKS}).
 */
@ApplicationScoped
public class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);
    private static final int QUEUE = 1000;
    /** After its deadline plus this, a check cannot be running anywhere: its last AWS call has timed out too. */
    private static final Duration ABANDONED_AFTER_DEADLINE = Duration.ofMinutes(1);

    private final RoleAccess aws;
    private final ConnectionScopes scopes;
    private final StepLog log;
    private final CheckCompletion completion;
    private final CheckConfig config;
    private final Clock clock;
    private final ExecutorService checks;
    private final ExecutorService steps;
    private final ConnectionRepository connections;
    /** Checks submitted and not ended yet. */
    private final Map<UUID, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    CheckRunner(RoleAccess aws, ConnectionScopes scopes, StepLog log, CheckCompletion completion, CheckConfig config,
            Clock clock, ConnectionRepository connections) {
        this.aws = aws;
        this.scopes = scopes;
        this.log = log;
        this.completion = completion;
        this.config = config;
        this.clock = clock;
        this.connections = connections;
        this.checks = pool("rolegate-check", config.concurrentChecks());
        this.steps = pool("rolegate-check-step", config.stepThreads());
    }

    /**
     * Runs the check in the background; the future completes when the check has ended, however it ended, and
     * exceptionally if its end could not be recorded.
     */
    CompletableFuture<Void> submit(CheckPlan plan) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        inFlight.put(plan.checkId(), new InFlight(plan.connectionId(), finished));
        try {
            if (stopping) {
                throw new RejectedExecutionException("shutting down");
            }
            checks.execute(() -> {
                try {
                    run(plan);
                    finished.complete(null);
                } catch (RuntimeException | Error e) {
                    finished.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.remove(plan.checkId());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warnf("Check %s could not be queued: %s", plan.checkId(), stopping ? "Rolegate is shutting down"
                    : "too many checks waiting");
            interrupted(plan.checkId(), plan.connectionId());
            inFlight.remove(plan.checkId());
            finished.complete(null);
        }
        return finished;
    }

    private void run(CheckPlan plan) {
        UUID checkId = plan.checkId();
        CheckOutcome outcome;
        UUID usedExternalId;
        try {
            if (plan.externalId() == null) {
                // Never AssumeRole without the external ID except in the negative probes.
                throw new IllegalStateException("Connection " + plan.connectionId() + " has no current external ID");
            }
            log.open(checkId);
            try (ConnectionScope scope = scopes.open(plan.connectionId())) {
                CheckRun run = new CheckRun(plan, aws, scope, log, config, clock, steps,
                        () -> connections.isRevoked(plan.connectionId()));
                outcome = run.run();
                usedExternalId = run.usedPreviousExternalId() ? plan.previousExternalIdId() : null;
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debugf("Check %s ended after the shutdown began, which recorded it as interrupted", checkId);
                return;
            }
            LOG.errorf(e, "Check %s stopped unexpectedly", checkId);
            interrupted(checkId, plan.connectionId());
            return;
        }
        try {
            completion.finish(checkId, plan.connectionId(), outcome, usedExternalId);
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            LOG.debugf("Check %s ended after the shutdown began, which recorded it as interrupted", checkId);
        }
    }

    private void interrupted(UUID checkId, UUID connectionId) {
        completion.finish(checkId, connectionId, CheckOutcome.INCONCLUSIVE, DiagnosisCode.CHECK_INTERRUPTED);
    }

    /** Checks left RUNNING by an instance that stopped without ending them (a crash) will never finish. */
    void recover(@Observes StartupEvent event) {
        endAbandoned();
    }

    /**
     * Ends the checks still RUNNING that no instance can be running any more: started longer ago than the deadline,
     * by which every check ends, plus a minute. Younger ones may be running on another instance sharing the
     * database and are left to it. The sweeper calls this every round, so a crashed instance's checks end within
     * minutes whether or not it restarts.
     */
    void endAbandoned() {
        Instant startedBefore = clock.instant().minus(config.deadline()).minus(ABANDONED_AFTER_DEADLINE);
        List<Check> orphans = QuarkusTransaction.requiringNew().call(() -> Check.<Check>list(
                "outcome = ?1 and startedAt < ?2", CheckOutcome.RUNNING, startedBefore));
        orphans.stream().filter(orphan -> !inFlight.containsKey(orphan.id))
                .forEach(orphan -> interrupted(orphan.id, orphan.connectionId));
    }

    /**
     * On shutdown, ends every check in flight as INCONCLUSIVE (interrupted) with its steps so far, which releases
     * its claim, and completes its future, so a sweep waiting for it returns now. Then interrupts their threads
     * (daemons; a call blocked on a socket dies with the JVM): what they would still write changes nothing, a check
     * ends once.
     */
    void interruptInFlight(@Observes @Priority(ShutdownOrder.INTERRUPT_CHECKS) ShutdownEvent event) {
        stopping = true;
        for (Map.Entry<UUID, InFlight> check : Map.copyOf(inFlight).entrySet()) {
            try {
                interrupted(check.getKey(), check.getValue().connectionId());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Check %s could not be recorded as interrupted; the next start will", check.getKey());
            }
            check.getValue().finished().complete(null);
        }
        shutdown();
    }

    /** A check submitted and not ended yet: its connection, and the future its submitter waits on. */
    private record InFlight(UUID connectionId, CompletableFuture<Void> finished) {
    }

    @PreDestroy
    void shutdown() {
        checks.shutdownNow();
        steps.shutdownNow();
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), factory);
    }
}
