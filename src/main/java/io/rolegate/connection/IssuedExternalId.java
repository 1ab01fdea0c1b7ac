package io.rolegate.connection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An external ID issued for a connection. Rows are never deleted, and the value is unique across
 * all of them, so no ID is ever issued twice. During a rotation the new ID is CURRENT and the old
 * one PREVIOUS until a check passes with the new one.
 */
@Entity
@Table(name = "external_ids")
public class IssuedExternalId extends PanacheEntityBase {

    public enum State { CURRENT, PREVIOUS, RETIRED }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "connection_id")
    public Connection connection;

    public String value;

    @Enumerated(EnumType.STRING)
    public State state;

    public Instant issuedAt;

    public Instant retiredAt;

    /**
     * 160 random bits from which, with a secret, the registration token of this ID is derived (RegistrationTokens);
     * the token itself is never stored. Every new ID gets its own.
     */
    public String registrationSalt = RegistrationTokens.newSalt();
}
