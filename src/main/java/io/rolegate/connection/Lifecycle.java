package io.rolegate.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.rolegate.account.Account;
import io.rolegate.audit.AuditTrail;
import io.rolegate.aws.ConnectionScopes;

/**
 * The administrative turns in a connection's life: revocation (terminal, PRODUCT §6) and external ID
 * rotation (PRODUCT §7; a passing check with the new ID completes it, see CheckCompletion). Each locks the connection row, so it serialises with a finishing check.
 */
@ApplicationScoped
public class Lifecycle {

    private final ConnectionService connections;
    private final AuditTrail audit;
    private final ConnectionScopes scopes;
    private final RevocationNotices notices;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    Lifecycle(ConnectionService connections, AuditTrail audit, ConnectionScopes scopes, RevocationNotices notices,
            TransactionSynchronizationRegistry transactions, Clock clock) {
        this.connections = connections;
        this.audit = audit;
        this.scopes = scopes;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Revokes at once; false when the connection was already revoked. The AWS requests of the connection's
     * running check and credential refreshes on this instance are stopped before the transaction commits, so none
     * leaves after it (PRODUCT §5, §6); a rollback lets them through again. Other instances stop theirs when the
     * commit delivers the {@link RevocationNotices notice}.
     */
    @Transactional
    public boolean revoke(UUID connectionId, String reason, Account admin) {
        Connection connection = Connection.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
        if (connection.isRevoked()) {
            return false;
        }
        Instant now = clock.instant();
        ConnectionStatus before = connection.status;
        connection.status = ConnectionStatus.REVOKED;
        connection.statusChangedAt = now;
        connection.revokedAt = now;
        connection.revokedBy = admin.id;
        connection.revokeReason = reason;
        Connection.update("nextCheckAt = null where id = ?1", connectionId);
        audit.record(ConnectionService.actor(admin), "connection.revoked", connection.organisation.id, connection.id,
                connection.label, "from " + before + ": " + reason);
        notices.announce(connectionId);
        scopes.revoke(connectionId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // The scopes were stopped already, before the commit.
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    scopes.restore(connectionId);
                }
            }
        });
        return true;
    }

    /**
     * Issues a new external ID. The policies then accept both the new and the previous one until a
     * check passes with the new one; a still unfinished earlier rotation's old ID is retired now.
     */
    @Transactional
    public Optional<IssuedExternalId> rotate(UUID connectionId, Account actor) {
        Connection connection = Connection.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
        if (connection.isRevoked()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // One state change per flush: the partial unique indexes allow one CURRENT and one PREVIOUS at any moment.
        previous(connection).ifPresent(old -> {
            retire(old, now);
            IssuedExternalId.flush();
        });
        IssuedExternalId current = connection.currentExternalId();
        current.state = IssuedExternalId.State.PREVIOUS;
        IssuedExternalId.flush();
        IssuedExternalId issued = connections.issueExternalId(connection, now);
        audit.record(ConnectionService.actor(actor), "connection.rotation-started", connection.organisation.id,
                connection.id, connection.label, "new external ID issued; previous still accepted");
        return Optional.of(issued);
    }

    private static Optional<IssuedExternalId> previous(Connection connection) {
        return IssuedExternalId.find("connection = ?1 and state = ?2", connection, IssuedExternalId.State.PREVIOUS)
                .firstResultOptional();
    }

    private static void retire(IssuedExternalId id, Instant now) {
        id.state = IssuedExternalId.State.RETIRED;
        id.retiredAt = now;
    }
}
