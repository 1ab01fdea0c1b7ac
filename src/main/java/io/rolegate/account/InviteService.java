package io.rolegate.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.organisation.Organisation;
import io.rolegate.web.FormErrors;
import io.rolegate.web.InvalidInput;
import io.rolegate.web.Language;

/**
 * Issues invites, shows, re-sends and cancels open ones (PRODUCT §1), and turns an accepted invite into an account.
 * Tokens are derived from a stored nonce with the server's key, so a link can be shown again without the database
 * holding it (docs/invites.md). Each issued link is announced with an {@link InviteIssued} event for the e-mail.
 */
@ApplicationScoped
public class InviteService {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final AuditTrail audit;
    private final Clock clock;
    private final byte[] key;
    private final Event<InviteIssued> issued;

    InviteService(AuditTrail audit, Clock clock, @ConfigProperty(name = "rolegate.secrets.invites") String key,
            Event<InviteIssued> issued) {
        this.audit = audit;
        this.clock = clock;
        this.key = Base64.getUrlDecoder().decode(key);
        this.issued = issued;
    }

    /** An invite link was issued (created or re-sent); observers act only once the transaction has committed. */
    public record InviteIssued(UUID inviteId) {
    }

    /** An open invite and its link's token; no token for an invite issued before links could be derived again. */
    public record OpenInvite(Invite invite, Optional<InviteToken> token) {
    }

    /**
     * Creates an invite inside the caller's transaction, its e-mail written in {@code language}; the returned token is
     * never stored (docs/invites.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public InviteToken create(AuditTrail.Actor actor, String email, Role role, Organisation organisation,
            Language language) {
        if (Account.findByEmail(email).isPresent()) {
            throw new InvalidInput(FormErrors.none().add("email", "email_taken"));
        }
        Instant now = clock.instant();
        Invite invite = new Invite();
        invite.id = UUID.randomUUID();
        InviteToken token = issue(invite, now);
        invite.email = email;
        invite.role = role;
        invite.organisation = role == Role.CUSTOMER ? organisation : null;
        invite.language = language;
        invite.createdBy = actor.id();
        invite.createdAt = now;
        invite.persist();
        audit.record(actor, AuditAction.INVITE_CREATED, invite.organisation == null ? null : invite.organisation.id, null,
                email, role.id());
        issued.fire(new InviteIssued(invite.id));
        return token;
    }

    /** An administrator's invite from the users page: the organisation only matters for customers. */
    @Transactional
    public InviteToken invite(AuditTrail.Actor actor, InviteForm form, Language language) {
        Role role = form.parsedRole();
        Organisation organisation = null;
        if (role == Role.CUSTOMER) {
            organisation = parseId(form.organisationId())
                    .flatMap(id -> Organisation.<Organisation>findByIdOptional(id))
                    .orElseThrow(() -> new InvalidInput(
                            FormErrors.none().add("organisationId", "organisation_required")));
        }
        return create(actor, form.email(), role, organisation, language);
    }

    /** The open invite {@code id} with its link's token; empty when it is used, cancelled, expired or unknown. */
    @Transactional
    public Optional<OpenInvite> open(UUID id) {
        return Invite.<Invite>find("select i from Invite i left join fetch i.organisation where i.id = ?1", id)
                .firstResultOptional().filter(invite -> invite.usable(clock.instant()))
                .map(invite -> new OpenInvite(invite, token(invite)));
    }

    /**
     * The token of an invite's current link, derived again from its nonce; empty for an invite without one, or when
     * the key changed since (the derived token no longer matches the stored hash).
     */
    public Optional<InviteToken> token(Invite invite) {
        if (invite.tokenNonce == null) {
            return Optional.empty();
        }
        InviteToken token = InviteToken.derive(key, invite.id, invite.tokenNonce);
        return token.hash().equals(invite.tokenHash) ? Optional.of(token) : Optional.empty();
    }

    /**
     * Issues a new link for an open invite, valid for another 7 days; the old link stops working with the commit.
     * Returns the invite's email; empty when the invite is not open (used, cancelled, expired or unknown).
     */
    @Transactional
    public Optional<String> resend(AuditTrail.Actor actor, UUID id) {
        return lockOpen(id).map(invite -> {
            issue(invite, clock.instant());
            audit.record(actor, AuditAction.INVITE_RESENT, invite.organisation == null ? null : invite.organisation.id, null,
                    invite.email, invite.role.id());
            issued.fire(new InviteIssued(invite.id));
            return invite.email;
        });
    }

    /** Cancels an open invite: its link stops working with the commit. Returns its email; empty when not open. */
    @Transactional
    public Optional<String> cancel(AuditTrail.Actor actor, UUID id) {
        return lockOpen(id).map(invite -> {
            invite.cancelledAt = clock.instant();
            invite.cancelledBy = actor.id();
            audit.record(actor, AuditAction.INVITE_CANCELLED, invite.organisation == null ? null : invite.organisation.id, null,
                    invite.email, invite.role.id());
            return invite.email;
        });
    }

    private Optional<Invite> lockOpen(UUID id) {
        return Invite.<Invite>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(invite -> invite.usable(clock.instant()));
    }

    /** A new nonce, token hash and validity for {@code invite}; the previous token no longer matches. */
    private InviteToken issue(Invite invite, Instant now) {
        invite.tokenNonce = InviteToken.nonce();
        InviteToken token = InviteToken.derive(key, invite.id, invite.tokenNonce);
        invite.tokenHash = token.hash();
        invite.expiresAt = now.plus(VALIDITY);
        return token;
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
        account.language = invite.language;
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
        if (invite.cancelledAt != null) {
            return InviteState.CANCELLED;
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
