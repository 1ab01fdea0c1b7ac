package io.rolegate.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rolegate.account.Account;
import io.rolegate.audit.AuditTrail;

/** Creates connections with their first external ID, and records role ARN submissions, with their audit events. */
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
        audit.record(actor(creator), "connection.created", connection.organisation.id, connection.id,
                connection.label, "account " + connection.accountId);
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
        audit.record(actor(submitter), "connection.role-submitted", connection.organisation.id, connection.id,
                connection.label, connection.roleArn);
    }

    static AuditTrail.Actor actor(Account account) {
        return new AuditTrail.Actor(account.id, account.email);
    }
}
