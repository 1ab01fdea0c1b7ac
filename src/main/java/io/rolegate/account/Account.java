package io.rolegate.account;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rolegate.audit.AuditTrail;
import io.rolegate.organisation.Organisation;
import io.rolegate.web.Language;

/** A person who signs in. Customers belong to one organisation; staff to none. */
@Entity
@Table(name = "users")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    public String email;

    public String displayName;

    public String passwordHash;

    public Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    public boolean active;

    /** The language e-mail to this person is written in: the one they last signed in with (docs/notifications.md). */
    public Language language = Language.EN;

    public Instant createdAt;

    /**
     * The role of each of these accounts that is staff (support or admin); customers are left out. One statement
     * with an array parameter: a list bound to {@code in} would have Hibernate translate the query again on every call.
     */
    public static Map<UUID, Role> staffRoles(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT id, role FROM users WHERE id = ANY(?1) AND role <> ?2", Object[].class)
                .setParameter(1, ids.toArray(UUID[]::new)).setParameter(2, Role.CUSTOMER.id()).getResultList();
        Map<UUID, Role> roles = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Role.parse((String) columns[1]).ifPresent(role -> roles.put((UUID) columns[0], role));
        }
        return roles;
    }

    public static Optional<Account> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static boolean activeAdminExists() {
        return count("role = ?1 and active = true", Role.ADMIN) > 0;
    }

    public static List<Account> listForStaff() {
        return find("select a from Account a left join fetch a.organisation order by lower(a.email)").list();
    }

    public UUID organisationId() {
        return organisation == null ? null : organisation.id;
    }

    /** This account as the author of audit events. */
    public AuditTrail.Actor actor() {
        return new AuditTrail.Actor(id, email);
    }
}
