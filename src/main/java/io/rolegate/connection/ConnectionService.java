package io.rolegate.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rolegate.account.Account;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;

/**
 * Creates connections with their first external ID, records role ARN submissions and edits of a connection's label and
 * resources, with their audit events.
 */
@ApplicationScoped
public class ConnectionService {

    private final ConnectionRepository connections;
    private final AuditTrail audit;
    private final Clock clock;

    ConnectionService(ConnectionRepository connections, AuditTrail audit, Clock clock) {
        this.connections = connections;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Connection create(ConnectionRequest request, Account creator) {
        Connection connection = connections.create(request, creator, clock.instant());
        audit.record(actor(creator), AuditAction.CONNECTION_CREATED, connection.organisation.id, connection.id,
                connection.label, connection.accountId);
        return connection;
    }

    /**
     * Stores a validated role ARN, with the submission in the role's history.
     *
     * @throws IllegalStateException for a revoked connection
     */
    @Transactional
    public void submitRole(UUID connectionId, RoleArn roleArn, Account submitter) {
        Instant now = clock.instant();
        Connection connection = connections.submitRole(connectionId, roleArn, now);
        RoleSubmission submission = new RoleSubmission();
        submission.connectionId = connection.id;
        submission.roleArn = connection.roleArn;
        submission.submittedAt = now;
        submission.submittedBy = submitter.id;
        submission.persist();
        audit.record(actor(submitter), AuditAction.CONNECTION_ROLE_SUBMITTED, connection.organisation.id, connection.id,
                connection.label, connection.roleArn);
    }

    /**
     * PRODUCT §12: records the role ARN a CloudFormation stack's registration resource sent, like a submission, audited
     * with the stack as the actor. Returns the connection's organisation; empty for a revoked connection, which takes
     * no role (nothing is recorded).
     */
    @Transactional
    public Optional<UUID> registerStackRole(UUID connectionId, RoleArn roleArn, String stackName) {
        Connection known = Connection.findById(connectionId);
        if (known == null || known.isRevoked()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Connection connection = connections.submitRole(connectionId, roleArn, now);
        RoleSubmission submission = new RoleSubmission();
        submission.connectionId = connection.id;
        submission.roleArn = connection.roleArn;
        submission.submittedAt = now;
        submission.persist();
        audit.record(stack(stackName), AuditAction.CONNECTION_ROLE_REGISTERED, connection.organisation.id, connection.id,
                connection.label, connection.roleArn);
        return Optional.of(connection.organisation.id);
    }

    /**
     * PRODUCT §12: records that the stack holding the connection's role was deleted (its check then fails as usual).
     * False for a revoked connection (nothing is recorded).
     */
    @Transactional
    public boolean recordStackDeleted(UUID connectionId, String roleArn, String stackName) {
        Connection connection = Connection.findById(connectionId);
        if (connection == null || connection.isRevoked()) {
            return false;
        }
        audit.record(stack(stackName), AuditAction.CONNECTION_STACK_DELETED, connection.organisation.id, connection.id,
                connection.label, roleArn);
        return true;
    }

    /** The audit actor of a CloudFormation stack's registration, shown as "CloudFormation stack {name}". */
    public static AuditTrail.Actor stack(String stackName) {
        return new AuditTrail.Actor(null, AuditTrail.STACK_PREFIX + stackName);
    }

    /**
     * PRODUCT §13: replaces the label and resources of a connection that is not revoked with those of a validated form
     * (whose account, partition and region are the stored ones). The status stays until the next conclusive check. The
     * audit event names what changed, before and after.
     */
    @Transactional
    public ResourceEdit editResources(UUID connectionId, ConnectionRequest request, Account editor) {
        ResourceEdit edit = connections.replaceResources(connectionId, request, clock.instant());
        if (edit instanceof ResourceEdit.Changed changed) {
            audit.record(actor(editor), AuditAction.CONNECTION_EDITED, changed.organisationId(), connectionId,
                    changed.after().label(), changed.before().changesTo(changed.after()));
        }
        return edit;
    }

    static AuditTrail.Actor actor(Account account) {
        return new AuditTrail.Actor(account.id, account.email);
    }
}
