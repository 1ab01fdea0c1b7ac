package io.rolegate.organisation;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rolegate.account.InviteService;
import io.rolegate.account.InviteToken;
import io.rolegate.account.Role;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.web.FormErrors;
import io.rolegate.web.InvalidInput;
import io.rolegate.web.Language;

/** Creates customer organisations, each with the invite of its first customer. */
@ApplicationScoped
public class OrganisationService {

    private final InviteService invites;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final Clock clock;

    OrganisationService(InviteService invites, AuditTrail audit, EntityManager entityManager, Clock clock) {
        this.invites = invites;
        this.audit = audit;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * The organisation and its invite exist together or not at all; the token is returned only here. The invite's
     * e-mail is written in {@code language}.
     */
    @Transactional
    public InviteToken create(AuditTrail.Actor actor, OrganisationForm form, Language language) {
        if (Organisation.findByName(form.name()).isPresent()) {
            throw new InvalidInput(FormErrors.none().add("name", "name_taken"));
        }
        Organisation organisation = Organisation.create(form.name(), clock.instant());
        audit.record(actor, AuditAction.ORGANISATION_CREATED, organisation.id, null, organisation.name);
        return invites.create(actor, form.email(), Role.CUSTOMER, organisation, language);
    }

    @Transactional
    public List<OrganisationRow> list() {
        return entityManager.createQuery("select new io.rolegate.organisation.OrganisationRow("
                        + "o.id, o.name, o.createdAt, count(a)) from Organisation o "
                        + "left join Account a on a.organisation = o "
                        + "group by o.id, o.name, o.createdAt order by lower(o.name)", OrganisationRow.class)
                .getResultList();
    }
}
