package io.rolegate.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.rolegate.database.Timestamps;
import io.rolegate.web.Language;

/**
 * The e-mail still to send, in the database so that every instance sees it and a failed attempt is retried
 * (docs/notifications.md). Rows say what to write about, never the text: an invite's link is derived again at
 * sending. Each method commits on its own.
 */
@ApplicationScoped
class Outbox {

    /** Sets the quiet period's start unless one is running; a row back means this notice may go out. */
    private static final String QUIET = """
            INSERT INTO notification_quiet (connection_id, kind, noticed_at) VALUES (?, ?, ?)
            ON CONFLICT (connection_id, kind) DO UPDATE SET noticed_at = excluded.noticed_at
            WHERE notification_quiet.noticed_at <= ?
            RETURNING connection_id""";

    private static final String CUSTOMERS = """
            SELECT u.email, u.language FROM users u JOIN connections c ON c.organisation_id = u.organisation_id
            WHERE c.id = ? AND u.active AND u.role = 'customer' ORDER BY lower(u.email)""";

    private static final String INSERT = """
            INSERT INTO mail_outbox (id, kind, audience, recipient, language, connection_id, invite_id, invite_token_hash,
                                     reason, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INVITE = "SELECT email, language, token_hash FROM invites WHERE id = ?";

    /** The first due row nobody holds, held for a lease; rows other instances are claiming are skipped. */
    private static final String CLAIM = """
            UPDATE mail_outbox SET claimed_until = ?
            WHERE id = (SELECT id FROM mail_outbox
                        WHERE given_up_at IS NULL AND next_attempt_at <= ?
                          AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY next_attempt_at LIMIT 1
                        FOR UPDATE SKIP LOCKED)
            RETURNING id, kind, audience, recipient, language, connection_id, invite_id, invite_token_hash, reason,
                      attempts""";

    private static final String DELETE = "DELETE FROM mail_outbox WHERE id = ?";

    private static final String FAILED = """
            UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, given_up_at = ?, claimed_until = NULL WHERE id = ?""";

    /** Whom an e-mail goes to, and in which language. */
    record Recipient(String address, Language language, Audience audience) {
    }

    /** Who reads an e-mail, which decides its wording. */
    enum Audience {
        INVITEE, CUSTOMER, STAFF;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A claimed row: what to write, to whom, and how many attempts failed before. */
    record Pending(UUID id, MailKind kind, Audience audience, String recipient, Language language, UUID connectionId,
            UUID inviteId, String inviteTokenHash, String reason, int attempts) {
    }

    private final EntityManager entityManager;

    Outbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Queues a connection notice for the organisation's active customers (each in their language) and {@code staff},
     * unless one of the same kind went out for the connection within {@code quiet}. Returns how many were queued.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int notice(MailKind kind, UUID connectionId, String reason, Optional<Recipient> staff, Instant now,
            Duration quiet) {
        return session().doReturningWork(db -> {
            if (!quietPeriodOver(db, connectionId, kind, now, quiet)) {
                return 0;
            }
            List<Recipient> recipients = new ArrayList<>();
            if (kind.toCustomers()) {
                recipients.addAll(customers(db, connectionId));
            }
            if (kind.toStaff()) {
                staff.ifPresent(recipients::add);
            }
            for (Recipient recipient : recipients) {
                insert(db, kind, recipient, connectionId, null, null, reason, now);
            }
            return recipients.size();
        });
    }

    /** Queues the e-mail of an invite's current link; the link itself is derived when it is sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void invite(UUID inviteId, Instant now) {
        session().doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(INVITE)) {
                sql.setObject(1, inviteId);
                try (ResultSet row = sql.executeQuery()) {
                    if (row.next()) {
                        Recipient invitee = new Recipient(row.getString(1),
                                Language.parse(row.getString(2)).orElse(Language.EN), Audience.INVITEE);
                        insert(db, MailKind.INVITE, invitee, null, inviteId, row.getString(3), null, now);
                    }
                }
            }
        });
    }

    /** Claims the next due row for {@code lease}, or nothing when none is due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Pending> claim(Instant now, Duration lease) {
        return session().doReturningWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(CLAIM)) {
                sql.setObject(1, Timestamps.of(now.plus(lease)));
                sql.setObject(2, Timestamps.of(now));
                sql.setObject(3, Timestamps.of(now));
                try (ResultSet row = sql.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Pending(row.getObject(1, UUID.class), MailKind.valueOf(row.getString(2)),
                            Audience.valueOf(row.getString(3).toUpperCase(Locale.ROOT)), row.getString(4),
                            Language.parse(row.getString(5)).orElse(Language.EN), row.getObject(6, UUID.class),
                            row.getObject(7, UUID.class), row.getString(8), row.getString(9), row.getInt(10)));
                }
            }
        });
    }

    /** The row was sent, or has nothing left to send (an invite no longer open): it goes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void done(UUID id) {
        session().doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(DELETE)) {
                sql.setObject(1, id);
                sql.executeUpdate();
            }
        });
    }

    /** An attempt failed: the row is due again at {@code retryAt}, or given up when that is null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(UUID id, int attempts, Instant retryAt, Instant now) {
        session().doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(FAILED)) {
                sql.setInt(1, attempts);
                sql.setObject(2, Timestamps.of(retryAt == null ? now : retryAt));
                sql.setObject(3, retryAt == null ? Timestamps.of(now) : null, Types.TIMESTAMP_WITH_TIMEZONE);
                sql.setObject(4, id);
                sql.executeUpdate();
            }
        });
    }

    private static boolean quietPeriodOver(Connection db, UUID connectionId, MailKind kind, Instant now,
            Duration quiet) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(QUIET)) {
            sql.setObject(1, connectionId);
            sql.setString(2, kind.name());
            sql.setObject(3, Timestamps.of(now));
            sql.setObject(4, Timestamps.of(now.minus(quiet)));
            try (ResultSet row = sql.executeQuery()) {
                return row.next();
            }
        }
    }

    private static List<Recipient> customers(Connection db, UUID connectionId) throws SQLException {
        List<Recipient> customers = new ArrayList<>();
        try (PreparedStatement sql = db.prepareStatement(CUSTOMERS)) {
            sql.setObject(1, connectionId);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    customers.add(new Recipient(rows.getString(1),
                            Language.parse(rows.getString(2)).orElse(Language.EN), Audience.CUSTOMER));
                }
            }
        }
        return customers;
    }

    private static void insert(Connection db, MailKind kind, Recipient recipient, UUID connectionId, UUID inviteId,
            String tokenHash, String reason, Instant now) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(INSERT)) {
            sql.setObject(1, UUID.randomUUID());
            sql.setString(2, kind.name());
            sql.setString(3, recipient.audience().id());
            sql.setString(4, recipient.address());
            sql.setString(5, recipient.language().code());
            sql.setObject(6, connectionId, Types.OTHER);
            sql.setObject(7, inviteId, Types.OTHER);
            sql.setString(8, tokenHash);
            sql.setString(9, reason == null ? null : reason.substring(0, Math.min(reason.length(), 2000)));
            sql.setObject(10, Timestamps.of(now));
            sql.setObject(11, Timestamps.of(now));
            sql.executeUpdate();
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
