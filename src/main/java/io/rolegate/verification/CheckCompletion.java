package io.rolegate.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.micrometer.core.instrument.MeterRegistry;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.database.Timestamps;

/**
 * Ends a check and moves the connection's status (PRODUCT §3) in one transaction, with the connection row
 * locked so a revocation or a second check cannot interleave. The status follows {@link ConnectionStatus}; the
 * connection's row is written by {@link ConnectionRepository}.
 *
 * <p>Every scheduled re-check ends here, so this is a handful of statements over plain JDBC rather than
 * entities: loading the connection with its buckets and keys to change five columns cost more than the rest
 * of the transaction.
 */
@ApplicationScoped
class CheckCompletion {

    /**
     * A check ends once: a second end (an interrupted check that finished after all) changes nothing. It records
     * the external ID the role accepted when that was the previous one of a rotation.
     */
    private static final String END = """
            UPDATE checks SET outcome = ?, finished_at = ?, external_id_id = coalesce(?, external_id_id)
            WHERE id = ? AND outcome = 'RUNNING'
            RETURNING trigger, started_at, external_id_id""";

    /** The check this transaction ended. */
    private record Ended(CheckTrigger trigger, Instant startedAt, UUID externalIdId) {
    }

    private final ConnectionRepository connections;
    private final AuditTrail audit;
    private final StepLog steps;
    private final CheckConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final EntityManager entityManager;

    CheckCompletion(ConnectionRepository connections, AuditTrail audit, StepLog steps, CheckConfig config, Clock clock,
            MeterRegistry metrics, EntityManager entityManager) {
        this.connections = connections;
        this.audit = audit;
        this.steps = steps;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.entityManager = entityManager;
    }

    /**
     * Ends a check that ran to its end; {@code usedExternalId} is the previous external ID of a rotation when only
     * that one was accepted (the rotation then stays open), null otherwise.
     */
    @Transactional
    void finish(UUID checkId, UUID connectionId, CheckOutcome outcome, UUID usedExternalId) {
        finish(checkId, connectionId, outcome, DiagnosisCode.AWS_TIMEOUT, usedExternalId);
    }

    /** Ends a check that could not run to its end; steps still running end as WARN with {@code stillRunning}. */
    @Transactional
    void finish(UUID checkId, UUID connectionId, CheckOutcome outcome, DiagnosisCode stillRunning) {
        finish(checkId, connectionId, outcome, stillRunning, null);
    }

    /**
     * Ends the check; steps still running end as WARN with {@code stillRunning}. A check that ends on a revoked
     * connection was stopped by the revocation (PRODUCT §5, §6): whatever its steps found, it is INCONCLUSIVE.
     */
    private void finish(UUID checkId, UUID connectionId, CheckOutcome found, DiagnosisCode stillRunning,
            UUID usedExternalId) {
        Instant now = clock.instant();
        Session session = entityManager.unwrap(Session.class);
        ConnectionRepository.Locked connection = connections.lock(connectionId);
        boolean revoked = connection.isRevoked();
        CheckOutcome outcome = revoked ? CheckOutcome.INCONCLUSIVE : found;
        Optional<Ended> ended = session.doReturningWork(db -> end(db, checkId, outcome, now, usedExternalId));
        if (ended.isEmpty()) {
            steps.forget(checkId);
            return;
        }
        Ended check = ended.get();
        steps.close(checkId, revoked ? DiagnosisCode.CONNECTION_REVOKED : stillRunning);
        audit.record(AuditTrail.Actor.system(), AuditAction.CHECK_FINISHED, connection.organisationId(), connectionId,
                checkId.toString(), outcome.name());
        metrics.counter("rolegate.checks.finished", "outcome", outcome.name(), "trigger", check.trigger().name())
                .increment();
        metrics.timer("rolegate.checks.duration", "trigger", check.trigger().name())
                .record(Duration.between(check.startedAt(), now));
        if (revoked) {
            connections.releaseAnyClaim(connectionId);
            return;
        }
        ConnectionStatus next = connection.status().afterCheck(outcome.verdict());
        if (next != connection.status()) {
            audit.record(AuditTrail.Actor.system(), AuditAction.CONNECTION_STATUS_CHANGED, connection.organisationId(),
                    connectionId, checkId.toString(), connection.status().name(), next.name());
        }
        Instant failingSince = next != ConnectionStatus.FAILING ? null
                : connection.failingSince() != null ? connection.failingSince() : now;
        Instant statusChangedAt = next != connection.status() ? now : connection.statusChangedAt();
        connections.recordCheck(connection, new ConnectionRepository.CheckRecord(checkId, outcome.name(), now,
                Recheck.next(now, config.interval(), config.intervalJitter()), next, statusChangedAt, failingSince));
        if (outcome == CheckOutcome.PASSED && check.externalIdId() != null) {
            for (String retired : connections.retirePreviousExternalId(connectionId, check.externalIdId(), now)) {
                audit.record(AuditTrail.Actor.system(), AuditAction.EXTERNAL_ID_RETIRED, connection.organisationId(),
                        connectionId, retired, AuditAction.Retirement.CHECK.name(), checkId.toString());
            }
        }
    }

    private Optional<Ended> end(Connection db, UUID checkId, CheckOutcome outcome, Instant now, UUID usedExternalId)
            throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(END)) {
            sql.setString(1, outcome.name());
            sql.setObject(2, Timestamps.of(now));
            sql.setObject(3, usedExternalId, Types.OTHER);
            sql.setObject(4, checkId);
            try (ResultSet row = sql.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Ended(CheckTrigger.valueOf(row.getString(1)), Timestamps.read(row, 2),
                        row.getObject(3, UUID.class)));
            }
        }
    }
}
