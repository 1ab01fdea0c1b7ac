package io.rolegate.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.database.Timestamps;

/**
 * The connection as a new check needs it, its row locked until the check exists, so that a revocation, a
 * rotation or a second check waits (PRODUCT §3, §6, §7). Plain JDBC: every scheduled re-check starts here, and
 * loading the entity with its buckets and keys cost more than the rest of starting the check.
 */
record CheckTarget(UUID connectionId, UUID organisationId, ConnectionStatus status, String roleArn, String accountId,
        String partition, String region, Instant roleSubmittedAt) {

    /** The lock revocations and rotations take too (a key is never changed, so foreign keys need not wait). */
    private static final String LOCK = """
            SELECT organisation_id, status, role_arn, account_id, partition, region, role_submitted_at
            FROM connections WHERE id = ? FOR NO KEY UPDATE""";

    /**
     * Read after the lock, in a statement of its own: a check or an external ID committed while this one waited
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

    static CheckTarget lock(Connection db, UUID connectionId) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(LOCK)) {
            sql.setObject(1, connectionId);
            try (ResultSet row = sql.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Connection " + connectionId + " does not exist");
                }
                return new CheckTarget(connectionId, row.getObject(1, UUID.class),
                        ConnectionStatus.valueOf(row.getString(2)), row.getString(3), row.getString(4).trim(),
                        row.getString(5), row.getString(6), Timestamps.read(row, 7));
            }
        }
    }

    /**
     * The check running now, if any, the external ID a new check would use (none if never issued) and, during a
     * rotation, the previous one it falls back to (PRODUCT §7).
     */
    record UnderWay(UUID runningCheckId, UUID externalIdId, String externalId, UUID previousExternalIdId,
            String previousExternalId) {
    }

    UnderWay underWay(Connection db) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(UNDER_WAY)) {
            sql.setObject(1, connectionId);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return new UnderWay(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        row.getObject(4, UUID.class), row.getString(5));
            }
        }
    }

    static List<GrantedBucket> buckets(Connection db, UUID connectionId) throws SQLException {
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
    }

    boolean isRevoked() {
        return status == ConnectionStatus.REVOKED;
    }
}
