package io.rolegate.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit trail; Hibernate never updates it and the database refuses to. */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant occurredAt;

    public UUID actorId;

    public String actor;

    public String action;

    public UUID organisationId;

    public UUID connectionId;

    public String subject;

    /** Free text, only in events written before their parameters were stored apart (V14); null since. */
    public String detail;

    /** The parameters of the action (see {@link AuditAction}); null for an old event whose text could not be read. */
    @Column(name = "detail_args")
    public String[] detailArgs;

    public static List<AuditEvent> recentForConnection(UUID connectionId, int limit) {
        return find("connectionId = ?1 order by occurredAt desc, id desc", connectionId).page(0, limit).list();
    }
}
