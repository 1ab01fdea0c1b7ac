package io.rolegate.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rolegate.aws.ConnectionScopes;

/**
 * Tells every instance sharing the database that a connection was revoked, so that each stops the AWS requests
 * its own checks and credential refreshes have in flight for it (PRODUCT §5, §6, §15).
 *
 * <p>A revocation sends a PostgreSQL {@code NOTIFY} in its own transaction, which PostgreSQL delivers to the
 * listeners only when — and if — that transaction commits. Each instance listens on a database connection of its
 * own, outside the pool (a pooled one held for good would leave the sweep's 32 concurrent checks one short), in a
 * thread of its own (a blocking wait for notifications, not a periodic job). Should the listening connection
 * break, the instance listens again after a pause; meanwhile checks and the broker still read the status from the
 * database before every AssumeRole. On another instance than the revoking one, a request that starts in the
 * milliseconds between the commit and the notice's delivery may still go out; it is aborted with the rest.
 */
@ApplicationScoped
public class RevocationNotices {

    private static final Logger LOG = Logger.getLogger(RevocationNotices.class);
    /** The PostgreSQL notification channel; the payload is the revoked connection's id. */
    static final String CHANNEL = "rolegate_revocation";
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);
    private static final String ADMIN_SHUTDOWN = "57P01";

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final ConnectionScopes scopes;
    private final EntityManager entityManager;
    private volatile boolean stopping;
    private Thread listener;

    RevocationNotices(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            ConnectionScopes scopes, EntityManager entityManager) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.scopes = scopes;
        this.entityManager = entityManager;
    }

    /** Announces the revocation to every instance once the current transaction commits (nothing if it rolls back). */
    void announce(UUID connectionId) {
        entityManager.unwrap(Session.class).doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement("SELECT pg_notify(?, ?)")) {
                sql.setString(1, CHANNEL);
                sql.setString(2, connectionId.toString());
                sql.execute();
            }
        });
    }

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "rolegate-revocation-notices");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (!stopping) {
            try (Connection db = connect(); Statement sql = db.createStatement()) {
                sql.execute("LISTEN " + CHANNEL);
                PGConnection notices = db.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] received = notices.getNotifications((int) WAIT.toMillis());
                    for (PGNotification notice : received == null ? new PGNotification[0] : received) {
                        revoked(notice.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (stopping) {
                    return;
                }
                // 57P01: the server is shutting down, as an embedded one does when Rolegate stops.
                LOG.logf(ADMIN_SHUTDOWN.equals(e.getSQLState()) ? Logger.Level.DEBUG : Logger.Level.WARN,
                        "Listening for revocations failed (%s); listening again in %s s", e.getMessage(),
                        RECONNECT_PAUSE.toSeconds());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        user.ifPresent(value -> credentials.setProperty("user", value));
        password.ifPresent(value -> credentials.setProperty("password", value));
        return DriverManager.getConnection(url, credentials);
    }

    private void revoked(String payload) {
        try {
            scopes.revoke(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Ignored a revocation notice that names no connection: %s", payload);
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
