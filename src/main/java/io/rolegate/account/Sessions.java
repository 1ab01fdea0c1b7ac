package io.rolegate.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.rolegate.database.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed-in sessions, table {@code sessions}: every write of it goes through this class. A session id is 256
 * random bits, sent to the browser once and stored only as its SHA-256 hash. A session lives at most
 * {@code rolegate.sessions.lifetime} (8 h) from sign-in and ends after {@code rolegate.sessions.idle-timeout} (1 h)
 * without a request; it ends at once, for every copy of its cookie and on every instance sharing the database, when
 * its row is deleted: at sign-out ({@link #end}), and when its account is deactivated or its password changes
 * ({@link #endAll}). Nothing about sessions is kept in memory, so any instance serves any session.
 */
@ApplicationScoped
public class Sessions {

    /** A request writes the session's last use only when it is older than this: one write a minute per session. */
    static final Duration RENEWAL_INTERVAL = Duration.ofMinutes(1);

    // The row and its account by their primary keys: the whole cost of restoring a session on a request.
    private static final String RESTORE = "SELECT u.id, u.role, u.display_name, s.last_seen_at, u.organisation_id FROM sessions s"
            + " JOIN users u ON u.id = s.user_id"
            + " WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ? AND u.active";
    private static final String RENEW = "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?";
    private static final String START = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String END = "DELETE FROM sessions WHERE token_hash = ?";
    private static final String END_ALL = "DELETE FROM sessions WHERE user_id = ?";
    private static final String PURGE = "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a live session belongs to, as the identity needs it; {@code organisationId} is null for staff. */
    public record Owner(UUID accountId, Role role, String displayName, UUID organisationId) {
    }

    private final DataSource database;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration idleTimeout;

    Sessions(DataSource database, Clock clock,
            @ConfigProperty(name = "rolegate.sessions.lifetime", defaultValue = "8h") Duration lifetime,
            @ConfigProperty(name = "rolegate.sessions.idle-timeout", defaultValue = "1h") Duration idleTimeout) {
        this.database = database;
        this.clock = clock;
        this.lifetime = lifetime;
        this.idleTimeout = idleTimeout;
    }

    /** Starts a session of the account and returns its id, the cookie's value; it is not kept anywhere else. */
    public String start(UUID accountId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(START)) {
            sql.setBytes(1, hash(id));
            sql.setObject(2, accountId);
            sql.setObject(3, Timestamps.of(now));
            sql.setObject(4, Timestamps.of(now));
            sql.setObject(5, Timestamps.of(now.plus(lifetime)));
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a session of account " + accountId, e);
        }
        return id;
    }

    /**
     * The owner of a live session whose account is active, or empty. One indexed statement per request; when the
     * last use is more than {@link #RENEWAL_INTERVAL} old, a second one records this use (the idle timeout counts
     * from it).
     */
    public Optional<Owner> restore(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = hash(id);
        Instant now = clock.instant();
        try (Connection db = database.getConnection()) {
            Owner owner;
            Instant lastSeen;
            try (PreparedStatement sql = db.prepareStatement(RESTORE)) {
                sql.setBytes(1, hash);
                sql.setObject(2, Timestamps.of(now));
                sql.setObject(3, Timestamps.of(now.minus(idleTimeout)));
                try (ResultSet row = sql.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Optional<Role> role = Role.parse(row.getString(2));
                    if (role.isEmpty()) {
                        return Optional.empty();
                    }
                    owner = new Owner(row.getObject(1, UUID.class), role.get(), row.getString(3),
                            row.getObject(5, UUID.class));
                    lastSeen = Timestamps.read(row, 4);
                }
            }
            Instant renewBefore = now.minus(RENEWAL_INTERVAL);
            if (lastSeen.isBefore(renewBefore)) {
                try (PreparedStatement sql = db.prepareStatement(RENEW)) {
                    sql.setObject(1, Timestamps.of(now));
                    sql.setBytes(2, hash);
                    sql.setObject(3, Timestamps.of(renewBefore));
                    sql.executeUpdate();
                }
            }
            return Optional.of(owner);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restore a session", e);
        }
    }

    /** Ends the session with this id (signing out); an unknown or ended one is ignored. */
    public void end(String id) {
        if (id == null || id.isEmpty()) {
            return;
        }
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(END)) {
            sql.setBytes(1, hash(id));
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end a session", e);
        }
    }

    /**
     * Ends every session of the account: call it when the account is deactivated or its password changes. Inside a
     * transaction it takes effect with that transaction's commit.
     */
    public void endAll(UUID accountId) {
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(END_ALL)) {
            sql.setObject(1, accountId);
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the sessions of account " + accountId, e);
        }
    }

    /** Deletes the rows of sessions past their lifetime or idle timeout; they open nothing already. */
    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void purgeExpired() {
        Instant now = clock.instant();
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(PURGE)) {
            sql.setObject(1, Timestamps.of(now));
            sql.setObject(2, Timestamps.of(now.minus(idleTimeout)));
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete expired sessions", e);
        }
    }

    private static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
