package io.rolegate.audit;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Appends audit events inside the caller's transaction, so an event exists exactly when its change does. */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM = "system";

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, UUID organisationId, UUID connectionId, String subject, String detail) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.actorId = actor.id();
        event.actor = actor.label();
        event.action = action;
        event.organisationId = organisationId;
        event.connectionId = connectionId;
        event.subject = subject;
        event.detail = detail;
        event.persist();
    }

    /** Who did it: a signed-in person, or the system itself. */
    public record Actor(UUID id, String label) {
        public static Actor system() {
            return new Actor(null, SYSTEM);
        }
    }
}
