package io.rolegate.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer tenant: its users see its connections and nothing else. */
@Entity
@Table(name = "organisations")
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public Instant createdAt;

    public static Organisation create(String name, Instant now) {
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.name = name;
        organisation.createdAt = now;
        organisation.persist();
        return organisation;
    }

    public static Optional<Organisation> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    public static List<Organisation> listByName() {
        return list("order by lower(name)");
    }
}
