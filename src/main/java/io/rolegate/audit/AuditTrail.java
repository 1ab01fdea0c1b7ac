package io.rolegate.audit;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.rolegate.database.Timestamps;

/**
 * Appends audit events inside the caller's transaction, so an event exists exactly when its change does.
 * Each is one statement on the transaction's connection rather than a managed entity: every check writes two,
 * and an event is never changed after it is written.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM = "system";

    /** How an API token is named as an actor: {@code api-token:} and its name. */
    public static final String API_TOKEN_PREFIX = "api-token:";
    /** Prefix of the actor of a CloudFormation stack's registration (docs/onboarding.md), followed by its name. */
    public static final String STACK_PREFIX = "cloudformation-stack:";

    private static final String INSERT = """
            INSERT INTO audit_events (occurred_at, actor_id, actor, action, organisation_id, connection_id, subject,
                detail_args)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Clock clock;
    private final EntityManager entityManager;

    AuditTrail(Clock clock, EntityManager entityManager) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * Appends one event. {@code args} are its parameters as {@link AuditAction} lists them, stored as they are and put
     * into words only when a page shows them, in the reader's language.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, AuditAction action, UUID organisationId, UUID connectionId, String subject,
            String... args) {
        OffsetDateTime occurredAt = Timestamps.of(clock.instant());
        entityManager.unwrap(Session.class).doWork(db -> {
            try (PreparedStatement sql = db.prepareStatement(INSERT)) {
                sql.setObject(1, occurredAt);
                sql.setObject(2, actor.id());
                sql.setString(3, actor.label());
                sql.setString(4, action.id());
                sql.setObject(5, organisationId);
                sql.setObject(6, connectionId);
                sql.setString(7, subject);
                sql.setArray(8, db.createArrayOf("text", args));
                sql.executeUpdate();
            }
        });
    }

    /** Who did it: a signed-in person, or the system itself. */
    public record Actor(UUID id, String label) {
        public static Actor system() {
            return new Actor(null, SYSTEM);
        }
    }
}
