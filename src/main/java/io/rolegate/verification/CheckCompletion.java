package io.rolegate.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.IssuedExternalId;

/**
 * Ends a check and moves the connection's status (PRODUCT §3) in one transaction, with the
 * connection row locked so a revocation or a second check cannot interleave.
 */
@ApplicationScoped
class CheckCompletion {

    private final AuditTrail audit;
    private final StepLog steps;
    private final CheckConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    CheckCompletion(AuditTrail audit, StepLog steps, CheckConfig config, Clock clock, MeterRegistry metrics) {
        this.audit = audit;
        this.steps = steps;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional
    void finish(UUID checkId, CheckOutcome outcome) {
        finish(checkId, outcome, DiagnosisCode.AWS_TIMEOUT);
    }

    /** Ends the check; steps still running end as WARN with {@code stillRunning}. */
    @Transactional
    void finish(UUID checkId, CheckOutcome outcome, DiagnosisCode stillRunning) {
        Check check = Check.findById(checkId);
        Connection connection = Connection.findById(check.connectionId, LockModeType.PESSIMISTIC_WRITE);
        if (!check.isRunning()) {
            steps.forget(checkId);
            return;
        }
        Instant now = clock.instant();
        steps.close(checkId, stillRunning);
        check.outcome = outcome;
        check.finishedAt = now;
        audit.record(AuditTrail.Actor.system(), "check.finished", connection.organisation.id, connection.id,
                check.id.toString(), outcome.name());
        metrics.counter("rolegate.checks.finished", "outcome", outcome.name(), "trigger", check.trigger.name())
                .increment();
        metrics.timer("rolegate.checks.duration", "trigger", check.trigger.name())
                .record(Duration.between(check.startedAt, now));
        if (connection.isRevoked()) {
            return;
        }
        connection.lastCheckId = check.id;
        connection.lastCheckOutcome = outcome.name();
        connection.lastCheckedAt = now;
        connection.nextCheckAt = Recheck.next(now, config.interval(), config.intervalJitter());
        ConnectionStatus next = nextStatus(connection.status, outcome);
        if (next != connection.status) {
            audit.record(AuditTrail.Actor.system(), "connection.status-changed", connection.organisation.id,
                    connection.id, check.id.toString(), connection.status.name() + " → " + next.name());
            connection.status = next;
            connection.statusChangedAt = now;
        }
        if (next == ConnectionStatus.FAILING && connection.failingSince == null) {
            connection.failingSince = now;
        } else if (next != ConnectionStatus.FAILING) {
            connection.failingSince = null;
        }
        if (outcome == CheckOutcome.PASSED) {
            retirePreviousExternalId(connection, check, now);
        }
    }

    /** PRODUCT §3: inconclusive checks change nothing, and an insecure role never makes a connection ACTIVE. */
    static ConnectionStatus nextStatus(ConnectionStatus current, CheckOutcome outcome) {
        if (current == ConnectionStatus.REVOKED) {
            return current;
        }
        return switch (outcome) {
            case PASSED -> ConnectionStatus.ACTIVE;
            case INSECURE -> ConnectionStatus.FAILING;
            case FAILED -> current == ConnectionStatus.ACTIVE || current == ConnectionStatus.FAILING
                    ? ConnectionStatus.FAILING : current;
            case INCONCLUSIVE, RUNNING -> current;
        };
    }

    /** PRODUCT §7: once a check passes with the new external ID of a rotation, the old one is retired. */
    private void retirePreviousExternalId(Connection connection, Check check, Instant now) {
        IssuedExternalId used = check.externalIdId == null ? null : IssuedExternalId.findById(check.externalIdId);
        if (used == null || used.state != IssuedExternalId.State.CURRENT) {
            return;
        }
        IssuedExternalId.<IssuedExternalId>find("connection = ?1 and state = ?2", connection,
                IssuedExternalId.State.PREVIOUS).firstResultOptional().ifPresent(previous -> {
                    previous.state = IssuedExternalId.State.RETIRED;
                    previous.retiredAt = now;
                    audit.record(AuditTrail.Actor.system(), "external-id.retired", connection.organisation.id,
                            connection.id, previous.value, "check " + check.id);
                });
    }
}
