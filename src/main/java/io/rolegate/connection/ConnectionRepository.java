package io.rolegate.connection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.hibernate.Session;

import io.rolegate.account.Account;
import io.rolegate.database.Timestamps;

/**
 * The one owner of a connection's state: its {@code connections} row, its granted resources and its external IDs.
 * Every change to them goes through here, and so does every read other packages need that is not a page's
 * entity (docs/architecture.md, "Persistence").
 *
 * <p>The persistence rule: page and admin actions use Panache entities ({@link Connection},
 * {@link IssuedExternalId}); plain JDBC is used only in this class, and only on the hot paths measured in
 * docs/benchmarks.md — a check's start and end, the sweeper's claims and the broker's lookup. Columns that only
 * these statements write ({@code next_check_at}, {@code claimed_by}, {@code claimed_until}) are read-only to the
 * entity, so no flush writes them back; a statement that changes what the entity maps (the status, the last
 * check) bumps {@code version}, so a stale entity's flush fails rather than undoing it.
 *
 * <p>Methods that take part in the caller's transaction say so; the others commit on their own.
 */
@ApplicationScoped
public class ConnectionRepository {

    /** Locks the row (no key changes: foreign keys need not wait) and reads what a check's start and end need. */
    private static final String LOCK = """
            SELECT organisation_id, status, role_arn, account_id, partition, region, role_submitted_at,
                   status_changed_at, failing_since, label, last_check_outcome
            FROM connections WHERE id = ? FOR NO KEY UPDATE""";

    /**
     * Read after the lock, in a statement of its own: a check or an external ID committed while the caller waited
     * for the lock is seen (a locking read would recheck only the locked row).
     */
    private static final String UNDER_WAY = """
            SELECT k.id, x.id, x.value, p.id, p.value
            FROM connections c
            LEFT JOIN checks k ON k.connection_id = c.id AND k.outcome = 'RUNNING'
            LEFT JOIN external_ids x ON x.connection_id = c.id AND x.state = 'CURRENT'
            LEFT JOIN external_ids p ON p.connection_id = c.id AND p.state = 'PREVIOUS'
            WHERE c.id = ?""";

    private static final String BUCKETS = """
            SELECT bucket, prefix FROM connection_buckets WHERE connection_id = ? ORDER BY position""";

    /** A check's result and when the connection is due next; the re-check that was claimed is over. */
    private static final String RECORD_CHECK = """
            UPDATE connections SET last_check_id = ?, last_check_outcome = ?, last_checked_at = ?, next_check_at = ?,
                   status = ?, status_changed_at = ?, failing_since = ?, claimed_by = NULL, claimed_until = NULL,
                   version = version + 1
            WHERE id = ?""";

    /** A revoked connection keeps its status and is never due again; only a re-check's claim is let go. */
    private static final String RELEASE_ANY_CLAIM = """
            UPDATE connections SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by IS NOT NULL""";

    /** PRODUCT §7: a check that passed with the current external ID of a rotation retires the previous one. */
    private static final String RETIRE_PREVIOUS = """
            UPDATE external_ids SET state = 'RETIRED', retired_at = ?
            WHERE connection_id = ? AND state = 'PREVIOUS'
              AND EXISTS (SELECT 1 FROM external_ids used WHERE used.id = ? AND used.state = 'CURRENT')
            RETURNING value""";

    private static final String REVOKE = """
            UPDATE connections SET status = ?, status_changed_at = ?, revoked_at = ?, revoked_by = ?,
                   revoke_reason = ?, next_check_at = NULL, version = version + 1
            WHERE id = ?""";

    private static final String STATUS = "SELECT status FROM connections WHERE id = ?";

    /**
     * One statement: the first due connection nobody holds is locked (rows other instances are claiming are
     * skipped) and claimed with a lease. Never-checked connections come first. The condition and the order are
     * those of {@code connections_due_idx} (V6), so the claim reads that index from its start and stops at the
     * first connection it can take. Plain JDBC: Hibernate's native query plan cache degrades to a linear search
     * for a query run this often.
     */
    private static final String CLAIM = """
            UPDATE connections SET claimed_by = ?, claimed_until = ?
            WHERE id = (SELECT id FROM connections
                        WHERE status IN ('ACTIVE', 'FAILING')
                          AND coalesce(next_check_at, '-infinity'::timestamptz) <= ?
                          AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY coalesce(next_check_at, '-infinity'::timestamptz)
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    /** Ends a claim; a connection no check moved is due again after an interval, like one that was checked. */
    private static final String RELEASE_CLAIM = """
            UPDATE connections SET claimed_by = NULL, claimed_until = NULL,
                   next_check_at = CASE WHEN next_check_at IS NULL OR next_check_at <= ? THEN ? ELSE next_check_at END
            WHERE id = ? AND claimed_by = ?""";

    private final DataSource database;
    private final EntityManager entityManager;
    private final Event<ConnectionNotice> notices;

    ConnectionRepository(DataSource database, EntityManager entityManager, Event<ConnectionNotice> notices) {
        this.database = database;
        this.entityManager = entityManager;
        this.notices = notices;
    }

    /** The connection as a check's start or end finds it, its row locked until the caller's transaction ends. */
    public record Locked(UUID id, UUID organisationId, ConnectionStatus status, String roleArn, String accountId,
            String partition, String region, Instant roleSubmittedAt, Instant statusChangedAt, Instant failingSince,
            String label, String lastCheckOutcome) {

        public boolean isRevoked() {
            return status.isRevoked();
        }
    }

    /**
     * The check running now, if any, the external ID a new check uses (none if never issued) and, during a
     * rotation, the previous one it falls back to (PRODUCT §7).
     */
    public record UnderWay(UUID runningCheckId, UUID externalIdId, String externalId, UUID previousExternalIdId,
            String previousExternalId) {
    }

    /** What a finished check changes on the connection; {@code outcome} is the check's outcome name. */
    public record CheckRecord(UUID checkId, String outcome, Instant checkedAt, Instant nextCheckAt,
            ConnectionStatus status, Instant statusChangedAt, Instant failingSince) {
    }

    /** What the credential broker needs to assume the role now; {@code previousExternalId} during a rotation. */
    public record AssumeTarget(ConnectionStatus status, String roleArn, String partition, String region,
            UUID organisationId, String externalId, String previousExternalId) {
    }

    /**
     * A rotation just started: the connection as locked, the new external ID and the previous one of an unfinished
     * earlier rotation that it retired, if any.
     */
    public record Rotated(Locked connection, String issued, Optional<String> retired) {
    }

    /** What cancelling a rotation found (PRODUCT §7). */
    public sealed interface Cancellation {

        /** Cancelled: {@code restored} is current again, {@code retired} (the new ID) is retired for good. */
        record Cancelled(Locked connection, String restored, String retired) implements Cancellation {
        }

        /** No rotation was in progress; nothing changed. */
        record NothingToCancel() implements Cancellation {
        }

        /** The connection is revoked; nothing changed. */
        record Revoked() implements Cancellation {
        }
    }

    /** One page of connections, newest first, and how many match in all. */
    public record Page(List<Connection> items, long total) {
    }

    // Page and admin actions: entities, in the caller's transaction.

    /** A new PENDING connection with its first external ID (the database keeps every ID unique, forever). */
    public Connection create(ConnectionRequest request, Account creator, Instant now) {
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
        return connection;
    }

    /**
     * Records a role ARN on the connection, its row locked and read again first as a finishing check locks it, so the
     * entity written back is never older than the check's result. The submission's time lets checks wait out IAM
     * propagation.
     *
     * @throws IllegalStateException for a revoked connection, which takes no role
     */
    public Connection submitRole(UUID connectionId, RoleArn roleArn, Instant now) {
        Connection connection = lockedEntity(connectionId);
        if (connection.isRevoked()) {
            throw new IllegalStateException("a revoked connection takes no role");
        }
        connection.roleArn = roleArn.toString();
        connection.roleSubmittedAt = now;
        return connection;
    }

    /**
     * PRODUCT §13: replaces the label, the buckets and the KMS keys of a connection with those of {@code request}, in
     * the caller's transaction, its row locked and read again first, as a finishing check locks it, so nothing is
     * written back from an older read. Account, partition, region, status and external IDs stay as they are. The time
     * is kept when buckets or keys change, so the setup page asks for the role to be updated and checked. A revoked
     * connection, or a request that changes nothing, is left untouched.
     *
     * @throws IllegalArgumentException when the request names another account, partition or region than the stored ones
     */
    public ResourceEdit replaceResources(UUID connectionId, ConnectionRequest request, Instant now) {
        Connection connection = lockedEntity(connectionId);
        if (!request.accountId().value().equals(connection.accountId) || !request.partition().id().equals(connection.partition)
                || !request.region().equals(connection.region)) {
            throw new IllegalArgumentException("an edit never changes the account, partition or region");
        }
        if (connection.isRevoked()) {
            return new ResourceEdit.Revoked();
        }
        ConnectionResources before = ConnectionResources.of(connection);
        ConnectionResources after = ConnectionResources.of(request);
        if (before.equals(after)) {
            return new ResourceEdit.Unchanged();
        }
        connection.label = request.label();
        if (before.grantsDifferFrom(after)) {
            connection.buckets.clear();
            request.buckets().forEach(grant -> connection.buckets.add(new GrantedBucket(grant.bucket(), grant.prefix())));
            connection.kmsKeyArns.clear();
            request.kmsKeyArns().forEach(key -> connection.kmsKeyArns.add(key.value()));
            connection.resourcesChangedAt = now;
        }
        return new ResourceEdit.Changed(connection.organisation.id, before, after);
    }

    /**
     * PRODUCT §6: revokes at once, in the caller's transaction, with the row locked (a finishing check waits). Returns
     * the connection as it was, or empty when it was revoked already.
     */
    public Optional<Locked> revoke(UUID connectionId, UUID adminId, String reason, Instant now) {
        Locked locked = lock(connectionId);
        if (locked.isRevoked()) {
            return Optional.empty();
        }
        session().doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(REVOKE)) {
                sql.setString(1, locked.status().afterRevocation().name());
                sql.setObject(2, Timestamps.of(now));
                sql.setObject(3, Timestamps.of(now));
                sql.setObject(4, adminId);
                sql.setString(5, reason);
                sql.setObject(6, connectionId);
                sql.executeUpdate();
            }
        });
        notices.fire(new ConnectionNotice(connectionId, locked.organisationId(), ConnectionNotice.Kind.REVOKED, reason));
        return Optional.of(locked);
    }

    /**
     * PRODUCT §7: issues a new external ID, in the caller's transaction, with the row locked as a finishing check locks
     * it; the current one becomes PREVIOUS and a still unfinished earlier rotation's previous one is retired. Empty for
     * a revoked connection.
     */
    public Optional<Rotated> rotate(UUID connectionId, Instant now) {
        Locked locked = lock(connectionId);
        if (locked.isRevoked()) {
            return Optional.empty();
        }
        // One state change per flush: the partial unique indexes allow one CURRENT and one PREVIOUS at any moment.
        Optional<IssuedExternalId> superseded = liveExternalId(connectionId, IssuedExternalId.State.PREVIOUS);
        superseded.ifPresent(old -> retire(old, now));
        IssuedExternalId current = liveExternalId(connectionId, IssuedExternalId.State.CURRENT).orElseThrow();
        current.state = IssuedExternalId.State.PREVIOUS;
        IssuedExternalId.flush();
        IssuedExternalId issued = issueExternalId(Connection.findById(connectionId), now);
        return Optional.of(new Rotated(locked, issued.value, superseded.map(old -> old.value)));
    }

    /**
     * PRODUCT §7: cancels a rotation in progress, in the caller's transaction, with the row locked as a finishing check
     * locks it: the current (new) external ID is retired and the previous one is current again. Only the PREVIOUS ID is
     * ever made current again, never a retired one.
     */
    public Cancellation cancelRotation(UUID connectionId, Instant now) {
        Locked locked = lock(connectionId);
        if (locked.isRevoked()) {
            return new Cancellation.Revoked();
        }
        Optional<IssuedExternalId> previous = liveExternalId(connectionId, IssuedExternalId.State.PREVIOUS);
        if (previous.isEmpty()) {
            return new Cancellation.NothingToCancel();
        }
        IssuedExternalId current = liveExternalId(connectionId, IssuedExternalId.State.CURRENT).orElseThrow();
        retire(current, now);
        IssuedExternalId restored = previous.get();
        restored.state = IssuedExternalId.State.CURRENT;
        IssuedExternalId.flush();
        return new Cancellation.Cancelled(locked, restored.value, current.value);
    }

    private static Optional<IssuedExternalId> liveExternalId(UUID connectionId, IssuedExternalId.State state) {
        return IssuedExternalId.<IssuedExternalId>find("connection.id = ?1 and state = ?2", connectionId, state)
                .firstResultOptional();
    }

    private static void retire(IssuedExternalId id, Instant now) {
        id.state = IssuedExternalId.State.RETIRED;
        id.retiredAt = now;
        IssuedExternalId.flush();
    }

    /**
     * The connection's entity with its row locked until the caller's transaction ends, and its state read again under
     * the lock. The page that authorised the request read the entity earlier in the same transaction; a check that
     * finished since changed the row (and its version), so that earlier read must neither be written back nor make the
     * lock fail.
     */
    private Connection lockedEntity(UUID connectionId) {
        Connection connection = entityManager.find(Connection.class, connectionId);
        entityManager.refresh(connection, LockModeType.PESSIMISTIC_WRITE);
        return connection;
    }

    private static IssuedExternalId issueExternalId(Connection connection, Instant now) {
        IssuedExternalId id = new IssuedExternalId();
        id.id = UUID.randomUUID();
        id.connection = connection;
        id.value = ExternalId.generate().value();
        id.state = IssuedExternalId.State.CURRENT;
        id.issuedAt = now;
        id.persist();
        return id;
    }

    /** A page of connections for the API, newest first, optionally of one status and one organisation. */
    public Page page(Optional<ConnectionStatus> status, Optional<UUID> organisationId, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        status.ifPresent(value -> {
            where.append(" and c.status = :status");
            parameters.put("status", value);
        });
        organisationId.ifPresent(value -> {
            where.append(" and c.organisation.id = :organisation");
            parameters.put("organisation", value);
        });
        TypedQuery<Long> count = entityManager.createQuery("select count(c) from Connection c" + where, Long.class);
        TypedQuery<Connection> find = entityManager.createQuery("select c from Connection c join fetch c.organisation"
                + where + " order by c.createdAt desc, c.id", Connection.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            find.setParameter(name, value);
        });
        return new Page(find.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
    }

    // Checks: plain JDBC in the caller's transaction (docs/benchmarks.md, "Live check", "Scheduled re-checks").

    /** Locks the connection's row until the caller's transaction ends, and reads it. */
    public Locked lock(UUID connectionId) {
        return session().doReturningWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(LOCK)) {
                sql.setObject(1, connectionId);
                try (ResultSet row = sql.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("Connection " + connectionId + " does not exist");
                    }
                    return new Locked(connectionId, row.getObject(1, UUID.class),
                            ConnectionStatus.valueOf(row.getString(2)), row.getString(3), row.getString(4).trim(),
                            row.getString(5), row.getString(6), Timestamps.read(row, 7), Timestamps.read(row, 8),
                            Timestamps.read(row, 9), row.getString(10), row.getString(11));
                }
            }
        });
    }

    /** After {@link #lock}: the running check and the live external IDs, as committed now. */
    public UnderWay underWay(UUID connectionId) {
        return session().doReturningWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(UNDER_WAY)) {
                sql.setObject(1, connectionId);
                try (ResultSet row = sql.executeQuery()) {
                    row.next();
                    return new UnderWay(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                            row.getObject(4, UUID.class), row.getString(5));
                }
            }
        });
    }

    /** The granted buckets in their order. */
    public List<GrantedBucket> buckets(UUID connectionId) {
        return session().doReturningWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(BUCKETS)) {
                sql.setObject(1, connectionId);
                List<GrantedBucket> buckets = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        buckets.add(new GrantedBucket(rows.getString(1), rows.getString(2)));
                    }
                }
                return List.copyOf(buckets);
            }
        });
    }

    /**
     * After {@link #lock}: records a finished check's result; the status was decided by {@link ConnectionStatus}.
     * A change people are told about is announced as a {@link ConnectionNotice} (acted on after the commit).
     */
    public void recordCheck(Locked before, CheckRecord check) {
        UUID connectionId = before.id();
        session().doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(RECORD_CHECK)) {
                sql.setObject(1, check.checkId());
                sql.setString(2, check.outcome());
                sql.setObject(3, Timestamps.of(check.checkedAt()));
                sql.setObject(4, Timestamps.of(check.nextCheckAt()));
                sql.setString(5, check.status().name());
                sql.setObject(6, Timestamps.of(check.statusChangedAt()));
                sql.setObject(7, Timestamps.of(check.failingSince()), Types.TIMESTAMP_WITH_TIMEZONE);
                sql.setObject(8, connectionId);
                sql.executeUpdate();
            }
        });
        ConnectionNotice.afterCheck(before.status(), before.lastCheckOutcome(), check.status(), check.outcome())
                .ifPresent(kind -> notices.fire(new ConnectionNotice(connectionId, before.organisationId(), kind, null)));
    }

    /** After {@link #lock}: lets a revoked connection's re-check claim go, whoever holds it. */
    public void releaseAnyClaim(UUID connectionId) {
        session().doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(RELEASE_ANY_CLAIM)) {
                sql.setObject(1, connectionId);
                sql.executeUpdate();
            }
        });
    }

    /**
     * After {@link #lock}: retires the previous external ID of a rotation when {@code usedExternalIdId} is the current
     * one (PRODUCT §7). Returns the values retired (none, or the one).
     */
    public List<String> retirePreviousExternalId(UUID connectionId, UUID usedExternalIdId, Instant now) {
        return session().doReturningWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(RETIRE_PREVIOUS)) {
                sql.setObject(1, Timestamps.of(now));
                sql.setObject(2, connectionId);
                sql.setObject(3, usedExternalIdId);
                List<String> retired = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        retired.add(rows.getString(1));
                    }
                }
                return retired;
            }
        });
    }

    /**
     * Whether the connection is revoked (or gone) as last committed: one statement in auto-commit, read before every
     * AssumeRole so that a revocation on any instance stops a check.
     */
    public boolean isRevoked(UUID connectionId) {
        try (java.sql.Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(STATUS)) {
            sql.setObject(1, connectionId);
            try (ResultSet row = sql.executeQuery()) {
                return !row.next() || ConnectionStatus.REVOKED.name().equals(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the status of connection " + connectionId, e);
        }
    }

    // Scheduled re-checks: one statement each, committed on its own.

    /** Claims the first due connection that nobody holds, for {@code owner} until {@code until}; empty if none is due. */
    public Optional<UUID> claimNextDue(String owner, Instant now, Instant until) {
        try (java.sql.Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(CLAIM)) {
            sql.setString(1, owner);
            sql.setObject(2, Timestamps.of(until));
            sql.setObject(3, Timestamps.of(now));
            sql.setObject(4, Timestamps.of(now));
            try (ResultSet claimed = sql.executeQuery()) {
                return claimed.next() ? Optional.of(claimed.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim a due connection", e);
        }
    }

    /** Ends {@code owner}'s claim; a connection that is not due later already is due at {@code nextDue}. */
    public void releaseClaim(UUID connectionId, String owner, Instant now, Instant nextDue) {
        try (java.sql.Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(RELEASE_CLAIM)) {
            sql.setObject(1, Timestamps.of(now));
            sql.setObject(2, Timestamps.of(nextDue));
            sql.setObject(3, connectionId);
            sql.setString(4, owner);
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the claim on connection " + connectionId, e);
        }
    }

    // The credential broker: read on every request, in the caller's transaction.

    /** The connection as the broker must see it now: status, role, partition, region and live external IDs. */
    public Optional<AssumeTarget> assumeTarget(UUID connectionId) {
        List<IssuedExternalId> live = IssuedExternalId.<IssuedExternalId>find(
                "select x from IssuedExternalId x join fetch x.connection c join fetch c.organisation "
                        + "where c.id = ?1 and x.state in (?2, ?3)", connectionId,
                IssuedExternalId.State.CURRENT, IssuedExternalId.State.PREVIOUS).list();
        return live.stream().filter(id -> id.state == IssuedExternalId.State.CURRENT).findFirst()
                .map(current -> new AssumeTarget(current.connection.status, current.connection.roleArn,
                        current.connection.partition, current.connection.region, current.connection.organisation.id,
                        current.value, live.stream().filter(id -> id.state == IssuedExternalId.State.PREVIOUS)
                                .map(id -> id.value).findFirst().orElse(null)));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
