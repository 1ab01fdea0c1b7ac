package io.rolegate.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.micrometer.core.instrument.MeterRegistry;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.database.Timestamps;

/**
 * Ends a check and moves the connection's status (PRODUCT §3) in one transaction, with the connection row
 * locked so a revocation or a second check cannot interleave.
 *
 * <p>Every scheduled re-check ends here, so this is a handful of statements over plain JDBC rather than
 * entities: loading the connection with its buckets and keys to change five columns cost more than the rest
 * of the transaction.
 */
@ApplicationScoped
class CheckCompletion {

    /** Locks the connection first, as revocations and new checks do (no key changes: foreign keys need not wait). */
    private static final String LOCK = """
            SELECT organisation_id, status, status_changed_at, failing_since
            FROM connections WHERE id = ? FOR NO KEY UPDATE""";

    /**
     * A check ends once: a second end (an interrupted check that finished after all) changes nothing. It records
     * the external ID the role accepted when that was the previous one of a rotation.
     */
    private static final String END = """
            UPDATE checks SET outcome = ?, finished_at = ?, external_id_id = coalesce(?, external_id_id)
            WHERE id = ? AND outcome = 'RUNNING'
            RETURNING trigger, started_at, external_id_id""";

    /** Records the result and when the connection is due next; the re-check that was claimed is over. */
    private static final String RECORD = """
            UPDATE connections SET last_check_id = ?, last_check_outcome = ?, last_checked_at = ?, next_check_at = ?,
                   status = ?, status_changed_at = ?, failing_since = ?, claimed_by = NULL, claimed_until = NULL,
                   version = version + 1
            WHERE id = ?""";

    /** A revoked connection keeps its status and is never due again; only a re-check's claim is let go. */
    private static final String RELEASE = """
            UPDATE connections SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by IS NOT NULL""";

    /** PRODUCT §7: a check that passed with the current external ID of a rotation retires the previous one. */
    private static final String RETIRE_PREVIOUS = """
            UPDATE external_ids SET state = 'RETIRED', retired_at = ?
            WHERE connection_id = ? AND state = 'PREVIOUS'
              AND EXISTS (SELECT 1 FROM external_ids used WHERE used.id = ? AND used.state = 'CURRENT')
            RETURNING value""";

    /** The connection as the check's end finds it, locked. */
    private record Locked(UUID organisationId, ConnectionStatus status, Instant statusChangedAt, Instant failingSince) {
    }

    /** The check this transaction ended. */
    private record Ended(CheckTrigger trigger, Instant startedAt, UUID externalIdId) {
    }

    private final AuditTrail audit;
    private final StepLog steps;
    private final CheckConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final EntityManager entityManager;

    CheckCompletion(AuditTrail audit, StepLog steps, CheckConfig config, Clock clock, MeterRegistry metrics,
            EntityManager entityManager) {
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
        Locked connection = session.doReturningWork(db -> lock(db, connectionId));
        boolean revoked = connection.status() == ConnectionStatus.REVOKED;
        CheckOutcome outcome = revoked ? CheckOutcome.INCONCLUSIVE : found;
        Optional<Ended> ended = session.doReturningWork(db -> end(db, checkId, outcome, now, usedExternalId));
        if (ended.isEmpty()) {
            steps.forget(checkId);
            return;
        }
        Ended check = ended.get();
        steps.close(checkId, revoked ? DiagnosisCode.CONNECTION_REVOKED : stillRunning);
        audit.record(AuditTrail.Actor.system(), "check.finished", connection.organisationId(), connectionId,
                checkId.toString(), outcome.name());
        metrics.counter("rolegate.checks.finished", "outcome", outcome.name(), "trigger", check.trigger().name())
                .increment();
        metrics.timer("rolegate.checks.duration", "trigger", check.trigger().name())
                .record(Duration.between(check.startedAt(), now));
        if (revoked) {
            session.doWork(db -> release(db, connectionId));
            return;
        }
        ConnectionStatus next = nextStatus(connection.status(), outcome);
        if (next != connection.status()) {
            audit.record(AuditTrail.Actor.system(), "connection.status-changed", connection.organisationId(),
                    connectionId, checkId.toString(), connection.status().name() + " → " + next.name());
        }
        Instant failingSince = next != ConnectionStatus.FAILING ? null
                : connection.failingSince() != null ? connection.failingSince() : now;
        Instant statusChangedAt = next != connection.status() ? now : connection.statusChangedAt();
        session.doWork(db -> record(db, connectionId, checkId, outcome, now, next, statusChangedAt, failingSince));
        if (outcome == CheckOutcome.PASSED && check.externalIdId() != null) {
            for (String retired : session.doReturningWork(db -> retirePrevious(db, connectionId, check.externalIdId(), now))) {
                audit.record(AuditTrail.Actor.system(), "external-id.retired", connection.organisationId(),
                        connectionId, retired, "check " + checkId);
            }
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

    private static Locked lock(Connection db, UUID connectionId) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(LOCK)) {
            sql.setObject(1, connectionId);
            try (ResultSet row = sql.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Connection " + connectionId + " does not exist");
                }
                return new Locked(row.getObject(1, UUID.class), ConnectionStatus.valueOf(row.getString(2)),
                        Timestamps.read(row, 3), Timestamps.read(row, 4));
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

    private void record(Connection db, UUID connectionId, UUID checkId, CheckOutcome outcome, Instant now,
            ConnectionStatus status, Instant statusChangedAt, Instant failingSince) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(RECORD)) {
            sql.setObject(1, checkId);
            sql.setString(2, outcome.name());
            sql.setObject(3, Timestamps.of(now));
            sql.setObject(4, Timestamps.of(Recheck.next(now, config.interval(), config.intervalJitter())));
            sql.setString(5, status.name());
            sql.setObject(6, Timestamps.of(statusChangedAt));
            sql.setObject(7, Timestamps.of(failingSince), Types.TIMESTAMP_WITH_TIMEZONE);
            sql.setObject(8, connectionId);
            sql.executeUpdate();
        }
    }

    private static void release(Connection db, UUID connectionId) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(RELEASE)) {
            sql.setObject(1, connectionId);
            sql.executeUpdate();
        }
    }

    private static List<String> retirePrevious(Connection db, UUID connectionId, UUID usedExternalId, Instant now)
            throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(RETIRE_PREVIOUS)) {
            sql.setObject(1, Timestamps.of(now));
            sql.setObject(2, connectionId);
            sql.setObject(3, usedExternalId);
            List<String> retired = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    retired.add(rows.getString(1));
                }
            }
            return retired;
        }
    }
}
