package io.rolegate.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rolegate.account.Account;
import io.rolegate.account.Invite;
import io.rolegate.account.InviteToken;
import io.rolegate.account.Role;
import io.rolegate.audit.AuditTrail;
import io.rolegate.organisation.Organisation;

/**
 * Creates a customer organisation with the invite of its first user, for the API's {@code manage} scope.
 * Invites follow PRODUCT §1: single use, 256-bit token stored hashed, valid for seven days.
 */
@ApplicationScoped
public class Onboarding {

    static final Duration INVITE_VALIDITY = Duration.ofDays(7);
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AuditTrail audit;
    private final Clock clock;

    Onboarding(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The new organisation, its invite and the invite's secret token (which exists only in this value). */
    public record Onboarded(Organisation organisation, Invite invite, InviteToken token) {
    }

    @Transactional
    public Onboarded create(String name, String email, AuditTrail.Actor actor) {
        String trimmedName = name == null ? "" : name.strip();
        String trimmedEmail = email == null ? "" : email.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > MAX_NAME || trimmedName.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid_name", "name must be 1 to " + MAX_NAME + " characters without control characters");
        }
        if (trimmedEmail.length() > MAX_EMAIL || !EMAIL.matcher(trimmedEmail).matches()) {
            throw ApiException.badRequest("invalid_email", "email must be an email address of at most " + MAX_EMAIL + " characters");
        }
        if (Organisation.findByName(trimmedName).isPresent()) {
            throw new ApiException(409, "organisation_exists", "An organisation with this name exists already.");
        }
        if (Account.findByEmail(trimmedEmail).isPresent()) {
            throw new ApiException(409, "email_taken", "A user with this email exists already.");
        }
        Instant now = clock.instant();
        Organisation organisation = Organisation.create(trimmedName, now);
        InviteToken token = InviteToken.generate();
        Invite invite = new Invite();
        invite.id = UUID.randomUUID();
        invite.tokenHash = token.hash();
        invite.email = trimmedEmail;
        invite.role = Role.CUSTOMER;
        invite.organisation = organisation;
        invite.createdAt = now;
        invite.expiresAt = now.plus(INVITE_VALIDITY);
        invite.persist();
        audit.record(actor, "organisation.created", organisation.id, null, organisation.name, null);
        audit.record(actor, "invite.created", organisation.id, null, invite.email, "role=" + Role.CUSTOMER.id());
        return new Onboarded(organisation, invite, token);
    }
}
