package io.rolegate.broker;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Counts the broker's hand-outs per connection and purpose (one upserted row each, so the table stays as
 * small as the set of purposes); the connection page lists them.
 */
@ApplicationScoped
public class CredentialUses {

    private static final int SHOWN = 20;

    private final EntityManager entityManager;

    CredentialUses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(UUID connectionId, String purpose, Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO credential_uses (connection_id, purpose, count, last_used_at) VALUES (?1, ?2, 1, ?3)
                ON CONFLICT (connection_id, purpose) DO UPDATE
                SET count = credential_uses.count + 1,
                    last_used_at = greatest(credential_uses.last_used_at, excluded.last_used_at)""")
                .setParameter(1, connectionId)
                .setParameter(2, purpose)
                .setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    /** The connection's purposes, most recently used first (at most 20). */
    @Transactional
    public List<CredentialUse> recent(UUID connectionId) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT purpose, count, last_used_at FROM credential_uses WHERE connection_id = ?1
                ORDER BY last_used_at DESC, purpose LIMIT ?2""")
                .setParameter(1, connectionId)
                .setParameter(2, SHOWN)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new CredentialUse((String) row[0], ((Number) row[1]).longValue(), instant(row[2])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }
}
