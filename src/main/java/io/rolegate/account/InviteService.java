package io.rolegate.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.organisation.Organisation;
import io.rolegate.web.FormErrors;
import io.rolegate.web.InvalidInput;

/** Issues invites and turns an accepted invite into an account. */
@ApplicationScoped
public class InviteService {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final AuditTrail audit;
    private final Clock clock;

    InviteService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an invite inside the caller's transaction; the token exists only in the returned value. */
    @Transactional(Transactional.TxType.MANDATORY)
    public InviteToken create(AuditTrail.Actor actor, String email, Role role, Organisation organisation) {
        if (Account.findByEmail(email).isPresent()) {
            throw new InvalidInput(FormErrors.none().add("email", "email_taken"));
        }
        InviteToken token = InviteToken.generate();
        Instant now = clock.instant();
        Invite invite = new Invite();
        invite.id = UUID.randomUUID();
        invite.tokenHash = token.hash();
        invite.email = email;
        invite.role = role;
        invite.organisation = role == Role.CUSTOMER ? organisation : null;
        invite.createdBy = actor.id();
        invite.createdAt = now;
        invite.expiresAt = now.plus(VALIDITY);
        invite.persist();
        audit.record(actor, AuditAction.INVITE_CREATED, invite.organisation == null ? null : invite.organisation.id, null,
                email, role.id());
        return token;
    }

    /** An administrator's invite from the users page: the organisation only matters for customers. */
    @Transactional
    public InviteToken invite(AuditTrail.Actor actor, InviteForm form) {
        Role role = form.parsedRole();
        Organisation organisation = null;
        if (role == Role.CUSTOMER) {
            organisation = parseId(form.organisationId())
                    .flatMap(id -> Organisation.<Organisation>findByIdOptional(id))
                    .orElseThrow(() -> new InvalidInput(
                            FormErrors.none().add("organisationId", "organisation_required")));
        }
        return create(actor, form.email(), role, organisation);
    }

    @Transactional
    public InviteState state(String token) {
        return find(token, false).map(this::state).orElse(InviteState.UNKNOWN);
    }

    @Transactional
    public Optional<String> email(String token) {
        return find(token, false).map(invite -> invite.email);
    }

    /**
     * Creates the account and uses up the invite, or reports why the invite can no longer be used.
     * The invite row is locked so that two submissions of the same link cannot both succeed.
     */
    @Transactional
    public AcceptResult accept(String token, AcceptForm form) {
        Optional<Invite> found = find(token, true);
        if (found.isEmpty()) {
            return new AcceptResult(InviteState.UNKNOWN, null);
        }
        Invite invite = found.get();
        InviteState state = state(invite);
        if (state != InviteState.OPEN) {
            return new AcceptResult(state, null);
        }
        Instant now = clock.instant();
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = invite.email;
        account.displayName = form.displayName();
        account.passwordHash = BcryptUtil.bcryptHash(form.password());
        account.role = invite.role;
        account.organisation = invite.organisation;
        account.active = true;
        account.createdAt = now;
        account.persist();
        invite.usedAt = now;
        invite.usedBy = account.id;
        audit.record(account.actor(), AuditAction.INVITE_ACCEPTED, account.organisationId(), null, account.email,
                account.role.id());
        return new AcceptResult(InviteState.OPEN, account.email);
    }

    private InviteState state(Invite invite) {
        if (invite.usedAt != null) {
            return InviteState.USED;
        }
        if (!clock.instant().isBefore(invite.expiresAt)) {
            return InviteState.EXPIRED;
        }
        if (Account.findByEmail(invite.email).isPresent()) {
            return InviteState.EMAIL_TAKEN;
        }
        return InviteState.OPEN;
    }

    private static Optional<Invite> find(String token, boolean lock) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = InviteToken.hash(token);
        if (lock) {
            return Invite.find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        }
        return Invite.findByTokenHash(hash);
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return id == null || id.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The outcome of accepting: {@code OPEN} means the account with this email now exists. */
    public record AcceptResult(InviteState state, String email) {
    }
}
