package io.rolegate.api;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.rolegate.account.Invite;
import io.rolegate.account.InviteToken;
import io.rolegate.audit.AuditTrail;
import io.rolegate.organisation.Organisation;
import io.rolegate.organisation.OrganisationForm;
import io.rolegate.organisation.OrganisationService;
import io.rolegate.web.InvalidInput;
import io.rolegate.web.Language;

/**
 * The API's way to the same onboarding as the organisations page: an organisation with the invite of
 * its first customer, validated by the same form rules, answered in the API's JSON errors.
 */
@ApplicationScoped
public class Onboarding {

    private final OrganisationService organisations;
    private final Validator validator;

    Onboarding(OrganisationService organisations, Validator validator) {
        this.organisations = organisations;
        this.validator = validator;
    }

    /** The new organisation, its invite and the invite's secret token (never stored: docs/invites.md). */
    public record Onboarded(Organisation organisation, Invite invite, InviteToken token) {
    }

    /**
     * {@code form} is the API's request body as it arrived (it is also the document's schema of that body). The API has
     * no language of its own: the invitation e-mail is written in English.
     */
    @Transactional
    public Onboarded create(OrganisationForm form, AuditTrail.Actor actor) {
        Set<ConstraintViolation<OrganisationForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            boolean badName = violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("name"));
            throw badName
                    ? ApiException.badField("name", "invalid_name", "name must be 1 to 100 characters without control characters")
                    : ApiException.badField("email", "invalid_email", "email must be an email address of at most 254 characters");
        }
        InviteToken token;
        try {
            token = organisations.create(actor, form, Language.EN);
        } catch (InvalidInput e) {
            throw e.errors().has("name")
                    ? new ApiException(409, "organisation_exists", "An organisation with this name exists already.")
                    : new ApiException(409, "email_taken", "A user with this email exists already.");
        }
        Invite invite = Invite.findByTokenHash(token.hash()).orElseThrow();
        return new Onboarded(invite.organisation, invite, token);
    }
}
