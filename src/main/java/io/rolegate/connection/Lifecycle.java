package io.rolegate.connection;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.rolegate.account.Account;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.aws.ConnectionScopes;

/**
 * The administrative turns in a connection's life: revocation (terminal, PRODUCT §6) and external ID
 * rotation (PRODUCT §7; a passing check with the new ID completes it, see CheckCompletion; a cancellation retires the
 * new ID instead). Each locks the connection row, so it serialises with a finishing check.
 */
@ApplicationScoped
public class Lifecycle {

    private final ConnectionRepository connections;
    private final AuditTrail audit;
    private final ConnectionScopes scopes;
    private final RevocationNotices notices;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    Lifecycle(ConnectionRepository connections, AuditTrail audit, ConnectionScopes scopes, RevocationNotices notices,
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
        Optional<ConnectionRepository.Locked> revoked = connections.revoke(connectionId, admin.id, reason, clock.instant());
        if (revoked.isEmpty()) {
            return false;
        }
        ConnectionRepository.Locked before = revoked.get();
        audit.record(ConnectionService.actor(admin), AuditAction.CONNECTION_REVOKED, before.organisationId(), connectionId,
                before.label(), before.status().name(), reason);
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
     * Issues a new external ID. The policies then accept both the new and the previous one until a check passes with
     * the new one; a still unfinished earlier rotation's old ID is retired now. Returns the new ID's value; empty for
     * a revoked connection.
     */
    @Transactional
    public Optional<String> rotate(UUID connectionId, Account actor) {
        Optional<ConnectionRepository.Rotated> rotated = connections.rotate(connectionId, clock.instant());
        rotated.ifPresent(rotation -> {
            ConnectionRepository.Locked connection = rotation.connection();
            rotation.retired().ifPresent(retired -> audit.record(ConnectionService.actor(actor), AuditAction.EXTERNAL_ID_RETIRED,
                    connection.organisationId(), connectionId, retired, AuditAction.Retirement.ROTATION.name()));
            audit.record(ConnectionService.actor(actor), AuditAction.CONNECTION_ROTATION_STARTED, connection.organisationId(),
                    connectionId, connection.label());
        });
        return rotated.map(ConnectionRepository.Rotated::issued);
    }

    /**
     * Cancels a rotation in progress (PRODUCT §7): the new external ID is retired and the previous one is the only
     * one again. A check that used the new ID and ends afterwards retires nothing (it completes a rotation only while
     * the ID it used is current), so the restored ID stays.
     */
    @Transactional
    public ConnectionRepository.Cancellation cancelRotation(UUID connectionId, Account actor) {
        ConnectionRepository.Cancellation cancellation = connections.cancelRotation(connectionId, clock.instant());
        if (cancellation instanceof ConnectionRepository.Cancellation.Cancelled cancelled) {
            ConnectionRepository.Locked connection = cancelled.connection();
            audit.record(ConnectionService.actor(actor), AuditAction.EXTERNAL_ID_RETIRED, connection.organisationId(),
                    connectionId, cancelled.retired(), AuditAction.Retirement.CANCELLED.name());
            audit.record(ConnectionService.actor(actor), AuditAction.CONNECTION_ROTATION_CANCELLED, connection.organisationId(),
                    connectionId, connection.label());
        }
        return cancellation;
    }
}
