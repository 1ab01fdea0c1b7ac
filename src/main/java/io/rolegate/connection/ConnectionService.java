package io.rolegate.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.rolegate.account.Account;
import io.rolegate.audit.AuditTrail;

/** Creates connections with their first external ID, and records role ARN submissions. */
@ApplicationScoped
public class ConnectionService {

    private final AuditTrail audit;
    private final Clock clock;

    ConnectionService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Connection create(ConnectionRequest request, Account creator) {
        Instant now = clock.instant();
        Connection connection = new Connection();
        connection.id = UUID.randomUUID();
        connection.organisation = creator.organisation;
        connection.label = request.label();
        connection.accountId = request.accountId().value();
        connection.partition = request.partition().id();
        connection.region = request.region();
        request.buckets().forEach(grant -> connection.buckets.add(new GrantedBucket(grant.bucket(), grant.prefix())));
        request.kmsKeyArns().forEach(key -> connection.kmsKeyArns.add(key.value()));
        connection.status = ConnectionStatus.PENDING;
        connection.statusChangedAt = now;
        connection.createdBy = creator.id;
        connection.createdAt = now;
        connection.persist();
        issueExternalId(connection, now);
        audit.record(actor(creator), "connection.created", connection.organisation.id, connection.id,
                connection.label, "account " + connection.accountId);
        return connection;
    }

    /**
     * Stores a validated role ARN; the time of submission lets checks wait out IAM propagation. The row is locked
     * first, as a finishing check locks it, so the entity written back is never older than the check's result.
     */
    @Transactional
    public void submitRole(UUID connectionId, RoleArn roleArn, Account submitter) {
        Connection connection = Connection.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
        if (connection.isRevoked()) {
            throw new IllegalStateException("a revoked connection takes no role");
        }
        Instant now = clock.instant();
        connection.roleArn = roleArn.toString();
        connection.roleSubmittedAt = now;
        RoleSubmission submission = new RoleSubmission();
        submission.connectionId = connection.id;
        submission.roleArn = connection.roleArn;
        submission.submittedAt = now;
        submission.submittedBy = submitter.id;
        submission.persist();
        audit.record(actor(submitter), "connection.role-submitted", connection.organisation.id, connection.id,
                connection.label, connection.roleArn);
    }

    /** A fresh external ID; the database's unique constraint guarantees none is ever issued twice. */
    IssuedExternalId issueExternalId(Connection connection, Instant now) {
        IssuedExternalId id = new IssuedExternalId();
        id.id = UUID.randomUUID();
        id.connection = connection;
        id.value = ExternalId.generate().value();
        id.state = IssuedExternalId.State.CURRENT;
        id.issuedAt = now;
        id.persist();
        return id;
    }

    static AuditTrail.Actor actor(Account account) {
        return new AuditTrail.Actor(account.id, account.email);
    }
}
