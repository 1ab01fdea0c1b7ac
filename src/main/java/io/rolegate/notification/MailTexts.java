package io.rolegate.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.rolegate.account.Invite;
import io.rolegate.account.InviteService;
import io.rolegate.account.InviteToken;
import io.rolegate.connection.Connection;
import io.rolegate.web.PublicUrl;

/**
 * Writes an e-mail of the outbox in its recipient's language, from the templates under {@code templates/mail/} and
 * {@link MailMessages}. Every link is built from {@code rolegate.public-url}. Nothing secret goes in: no external ID,
 * role ARN or account number; the only secret is an invite's own link, sent to the invitee alone.
 */
@ApplicationScoped
class MailTexts {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance invite(String organisation, String expires, String link);

        static native TemplateInstance connection(String kind, boolean staff, String organisation, String label,
                String reason, String link);

        static native TemplateInstance registrationRejected(String reason, String link);
    }

    /** A written e-mail. */
    record Letter(String subject, String text) {
    }

    private final InviteService invites;
    private final PublicUrl publicUrl;

    MailTexts(InviteService invites, PublicUrl publicUrl) {
        this.invites = invites;
        this.publicUrl = publicUrl;
    }

    /**
     * The e-mail of a claimed row; empty when there is nothing left to say: the invite is no longer open or its link
     * changed since the row was queued (a newer row carries the new link), or the connection is gone.
     */
    @Transactional
    Optional<Letter> write(Outbox.Pending pending) {
        MailMessages messages = MessageBundles.get(MailMessages.class, Localized.Literal.of(pending.language().code()));
        return switch (pending.kind()) {
            case INVITE -> invite(pending, messages);
            case REGISTRATION_REJECTED -> Optional.of(new Letter(messages.registration_rejected_subject(),
                    render(Templates.registrationRejected(pending.reason(), connectionLink(pending)), pending)));
            default -> connection(pending, messages);
        };
    }

    private Optional<Letter> invite(Outbox.Pending pending, MailMessages messages) {
        Optional<Invite> found = Invite.<Invite>findByIdOptional(pending.inviteId())
                .filter(invite -> invite.tokenHash.equals(pending.inviteTokenHash()));
        Optional<InviteToken> token = found.filter(invite -> invite.cancelledAt == null && invite.usedAt == null)
                .flatMap(invites::token);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Invite invite = found.get();
        String expires = DateTimeFormatter.ofPattern(messages.time_pattern())
                .withZone(ZoneId.of(messages.time_zone())).format(invite.expiresAt);
        String organisation = invite.organisation == null ? null : invite.organisation.name;
        return Optional.of(new Letter(messages.invite_subject(), render(
                Templates.invite(organisation, expires, token.get().link(publicUrl.base())), pending)));
    }

    private Optional<Letter> connection(Outbox.Pending pending, MailMessages messages) {
        Optional<Connection> found = Connection.findByIdOptional(pending.connectionId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Connection connection = found.get();
        boolean staff = pending.audience() == Outbox.Audience.STAFF;
        String subject = switch (pending.kind()) {
            case FAILING -> messages.failing_subject(connection.label);
            case INSECURE -> staff ? messages.staff_insecure_subject(connection.organisation.name, connection.label)
                    : messages.insecure_subject(connection.label);
            default -> messages.revoked_subject(connection.label);
        };
        return Optional.of(new Letter(subject, render(Templates.connection(pending.kind().name(), staff,
                connection.organisation.name, connection.label, pending.reason(), connectionLink(pending)), pending)));
    }

    private String connectionLink(Outbox.Pending pending) {
        return pending.connectionId() == null ? publicUrl.link("/staff/connections")
                : publicUrl.link("/connections/" + pending.connectionId());
    }

    private static String render(TemplateInstance template, Outbox.Pending pending) {
        return template.setLocale(pending.language().locale()).render();
    }
}
