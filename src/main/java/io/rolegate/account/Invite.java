package io.rolegate.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rolegate.organisation.Organisation;
import io.rolegate.web.Language;

/**
 * A single-use invitation; only the hash of its token is kept, and for links that can be shown again the nonce the
 * token is derived from with the server's key (docs/invites.md).
 */
@Entity
@Table(name = "invites")
public class Invite extends PanacheEntityBase {

    @Id
    public UUID id;

    public String tokenHash;

    /** Null for invites whose link cannot be derived again (issued before derived links). */
    public String tokenNonce;

    /** The language the invitation e-mail is written in. */
    public Language language = Language.EN;

    public String email;

    public Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    public UUID createdBy;

    public Instant createdAt;

    public Instant expiresAt;

    public Instant usedAt;

    public UUID usedBy;

    public Instant cancelledAt;

    public UUID cancelledBy;

    public static Optional<Invite> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public static List<Invite> listOpen(Instant now) {
        return find("select i from Invite i left join fetch i.organisation where i.usedAt is null and i.cancelledAt is null "
                + "and i.expiresAt > ?1 "
                + "order by i.createdAt desc", now).list();
    }

    public boolean usable(Instant now) {
        return usedAt == null && cancelledAt == null && now.isBefore(expiresAt);
    }
}
