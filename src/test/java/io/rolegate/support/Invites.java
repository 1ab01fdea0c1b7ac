package io.rolegate.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.account.Invite;
import io.rolegate.account.InviteToken;
import io.rolegate.account.Role;
import io.rolegate.audit.AuditEvent;
import io.rolegate.organisation.Organisation;

/** Invites written straight to the database (including already expired ones), and what pages and the audit trail show. */
public final class Invites {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<\"]+/invite/([A-Za-z0-9_-]+)");

    private Invites() {
    }

    /** A customer invite into the organisation, valid for the given time from now (negative: expired). */
    public static String customer(Organisation organisation, String email, Duration validFor) {
        return create(email, Role.CUSTOMER, organisation, validFor);
    }

    public static String create(String email, Role role, Organisation organisation, Duration validFor) {
        InviteToken token = InviteToken.generate();
        QuarkusTransaction.requiringNew().run(() -> {
            Invite invite = new Invite();
            invite.id = UUID.randomUUID();
            invite.tokenHash = token.hash();
            invite.email = email;
            invite.role = role;
            invite.organisation = organisation == null ? null : Organisation.findById(organisation.id);
            invite.createdAt = Instant.now();
            invite.expiresAt = Instant.now().plus(validFor);
            invite.persist();
        });
        return token.value();
    }

    /** The absolute invite link shown in a page (the flash after creating an invite). */
    public static String linkIn(String html) {
        Matcher matcher = LINK.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no invite link in the page");
        }
        return matcher.group();
    }

    public static String tokenOf(String link) {
        Matcher matcher = LINK.matcher(link);
        if (!matcher.find()) {
            throw new AssertionError("not an invite link: " + link);
        }
        return matcher.group(1);
    }

    public static List<AuditEvent> auditOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("subject = ?1 order by id", subject));
    }

    public static long inviteCount(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Invite.count("lower(email) = lower(?1)", email));
    }
}
