package io.rolegate.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.connection.GrantedBucket;

/** Starts live checks (PRODUCT §5) and answers what the pages ask about them. */
@ApplicationScoped
public class CheckService {

    /** What {@link #start} did. */
    public sealed interface Start {
        /** A new check runs. */
        record Started(UUID checkId) implements Start {
        }

        /** A check of this connection was already running: the caller follows that one. */
        record Joined(UUID checkId) implements Start {
        }

        /** The connection is revoked: no check, and no call to AWS. */
        record Revoked() implements Start {
        }

        /** This person started too many checks in the last minute. */
        record RateLimited(int perMinute) implements Start {
        }

        default UUID checkId() {
            if (this instanceof Started started) {
                return started.checkId();
            }
            return this instanceof Joined joined ? joined.checkId() : null;
        }
    }

    private static final int HISTORY = 50;

    private final ConnectionRepository connections;
    private final AuditTrail audit;
    private final CheckRunner runner;
    private final CheckConfig config;
    private final Clock clock;

    CheckService(ConnectionRepository connections, AuditTrail audit, CheckRunner runner, CheckConfig config,
            Clock clock) {
        this.connections = connections;
        this.audit = audit;
        this.runner = runner;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a check of the connection, or joins the one running. The check runs in the background
     * once the transaction that created it has committed.
     */
    public Start start(UUID connectionId, CheckTrigger trigger, AuditTrail.Actor actor) {
        Created created = QuarkusTransaction.requiringNew().call(() -> create(connectionId, trigger, actor));
        if (created.plan() != null) {
            runner.submit(created.plan());
        }
        return created.start();
    }

    /**
     * A scheduled re-check (by the system, no rate limit); the future completes when the check has
     * finished, or at once when none was started (revoked, or a check was already running).
     */
    public CompletableFuture<Start> recheck(UUID connectionId) {
        Created created = QuarkusTransaction.requiringNew().call(
                () -> create(connectionId, CheckTrigger.SCHEDULE, AuditTrail.Actor.system()));
        if (created.plan() != null) {
            return runner.submit(created.plan()).thenApply(done -> created.start());
        }
        return CompletableFuture.completedFuture(created.start());
    }

    /** What {@link #create} decided, and for a new check what it will work on. */
    private record Created(Start start, CheckPlan plan) {

        Created(Start start) {
            this(start, null);
        }
    }

    private Created create(UUID connectionId, CheckTrigger trigger, AuditTrail.Actor actor) {
        ConnectionRepository.Locked target = connections.lock(connectionId);
        if (target.isRevoked()) {
            return new Created(new Start.Revoked());
        }
        ConnectionRepository.UnderWay underWay = connections.underWay(connectionId);
        if (underWay.runningCheckId() != null) {
            return new Created(new Start.Joined(underWay.runningCheckId()));
        }
        Instant now = clock.instant();
        if (actor.id() != null
                && Check.startedBySince(actor.id(), now.minus(Duration.ofMinutes(1))) >= config.perUserPerMinute()) {
            return new Created(new Start.RateLimited(config.perUserPerMinute()));
        }
        Check check = new Check();
        check.id = UUID.randomUUID();
        check.connectionId = connectionId;
        check.startedAt = now;
        check.outcome = CheckOutcome.RUNNING;
        check.trigger = trigger;
        check.triggeredBy = actor.id();
        check.triggeredByLabel = actor.label();
        check.roleArn = target.roleArn();
        check.externalIdId = underWay.externalIdId();
        check.sessionName = SessionNames.of(connectionId, check.id);
        check.persist();
        audit.record(actor, AuditAction.CHECK_STARTED, target.organisationId(), connectionId, check.id.toString(),
                trigger.name());
        List<GrantedBucket> buckets = connections.buckets(connectionId);
        return new Created(new Start.Started(check.id), CheckPlan.of(check, target, underWay, buckets));
    }

    /** The most recent checks of a connection with all their steps, newest first: the staff timeline. */
    public List<CheckView> timeline(UUID connectionId, int checks) {
        return QuarkusTransaction.joiningExisting().call(() -> Check.history(connectionId, checks).stream()
                .map(CheckView::of).toList());
    }

    /**
     * Whether the check passed only with the previous external ID of a rotation: its assume-role step warns
     * RG-ROTATION-PENDING, so the role's trust policy does not accept the new ID yet (PRODUCT §7).
     */
    public boolean passedOnlyWithPreviousExternalId(Check check) {
        return check.outcome == CheckOutcome.PASSED && QuarkusTransaction.joiningExisting().call(() -> CheckStep.count(
                "checkId = ?1 and code = ?2", check.id, DiagnosisCode.ROTATION_PENDING.name()) > 0);
    }

    /** A connection's checks, newest first (the most recent 50): for the connection page's history. */
    public List<Check> history(UUID connectionId) {
        return QuarkusTransaction.joiningExisting().call(() -> Check.history(connectionId, HISTORY));
    }
}
