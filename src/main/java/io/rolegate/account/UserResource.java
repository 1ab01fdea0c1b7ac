package io.rolegate.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.organisation.Organisation;
import io.rolegate.web.Flash;
import io.rolegate.web.FormErrors;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.InvalidInput;
import io.rolegate.web.Page;
import io.rolegate.web.PublicUrl;
import io.rolegate.web.Redirect;
import io.rolegate.web.RefusedInput;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Administrators see every user and open invite, invite people, show an open invite's link again, re-send or cancel
 * it (PRODUCT §1), and deactivate accounts. With e-mail configured ({@code rolegate.mail.from}) every issued link is
 * also e-mailed to the invitee (docs/notifications.md).
 */
@Path("/staff")
@RolesAllowed(Role.ADMIN_ROLE)
public class UserResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Account> users, List<Invite> invites, List<Organisation> organisations,
                UUID self, InviteForm form, FormErrors errors, boolean selfDeactivation, String issuedLink,
                boolean mailed);

        static native TemplateInstance invite(Invite invite, String link, boolean mailed);
    }

    /** The flash messages of a creation, whose second argument is the issued link. */
    private static final Set<String> ISSUED = Set.of("flash_invite_created", "flash_invite_mailed",
            "flash_organisation_created", "flash_organisation_mailed");

    private final InviteService invites;
    private final AccountService accounts;
    private final Validator validator;
    private final Redirect redirect;
    private final Page page;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final RefusedInput refused;
    private final boolean mailed;

    UserResource(InviteService invites, AccountService accounts, Validator validator, Redirect redirect, Page page,
            Clock clock, PublicUrl publicUrl, RefusedInput refused,
            @ConfigProperty(name = "rolegate.mail.from") Optional<String> mailFrom) {
        this.invites = invites;
        this.accounts = accounts;
        this.validator = validator;
        this.redirect = redirect;
        this.page = page;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.refused = refused;
        this.mailed = mailFrom.filter(from -> !from.isBlank()).isPresent();
    }

    @GET
    @Path("users")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return page(InviteForm.empty(), FormErrors.none(), false);
    }

    @POST
    @Path("invites")
    @Produces(MediaType.TEXT_HTML)
    @HandlesRefusedInput
    public Response invite(@RestForm String email, @RestForm String role, @RestForm String organisationId) {
        InviteForm form = new InviteForm(email, role, organisationId);
        FormErrors errors = refused.errors().and(FormErrors.of(validator.validate(form)));
        if (!errors.isEmpty()) {
            return invalid(form, errors);
        }
        try {
            InviteToken token = invites.invite(page.getUser().actor(), form, page.language());
            return redirect.to("/staff/users", Flash.success(mailed ? "flash_invite_mailed" : "flash_invite_created",
                    form.email(), token.link(publicUrl.base())));
        } catch (InvalidInput e) {
            return invalid(form, e.errors());
        }
    }

    /**
     * An open invite with its link shown again (the same link, derived from the stored nonce: docs/invites.md). Not
     * kept by caches: the page holds a secret. A used, cancelled, expired or unknown invite is a 404.
     */
    @GET
    @Path("invites/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response showInvite(@PathParam("id") UUID id) {
        InviteService.OpenInvite open = invites.open(id).orElseThrow(NotFoundException::new);
        String link = open.token().map(token -> token.link(publicUrl.base())).orElse(null);
        return Response.ok(Templates.invite(open.invite(), link, mailed))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Issues a new link (the old one stops working) and shows it; with e-mail configured, e-mails it. */
    @POST
    @Path("invites/{id}/resend")
    @Produces(MediaType.TEXT_HTML)
    public Response resend(@PathParam("id") UUID id) {
        String email = invites.resend(page.getUser().actor(), id).orElseThrow(NotFoundException::new);
        return redirect.to("/staff/invites/" + id,
                Flash.success(mailed ? "flash_invite_resent_mailed" : "flash_invite_resent", email));
    }

    /** Cancels an open invite: its link stops working at once. */
    @POST
    @Path("invites/{id}/cancel")
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@PathParam("id") UUID id) {
        String email = invites.cancel(page.getUser().actor(), id).orElseThrow(NotFoundException::new);
        return redirect.to("/staff/users", Flash.success("flash_invite_cancelled", email));
    }

    @POST
    @Path("users/{id}/deactivate")
    @Produces(MediaType.TEXT_HTML)
    public Response deactivate(@PathParam("id") UUID id) {
        Account self = page.getUser();
        if (self.id.equals(id)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(InviteForm.empty(), FormErrors.none(), true)).build();
        }
        String email = accounts.deactivate(self.actor(), id);
        return redirect.to("/staff/users", Flash.success("flash_user_deactivated", email));
    }

    private Response invalid(InviteForm form, FormErrors errors) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page(form.shown(), errors, false)).build();
    }

    private TemplateInstance page(InviteForm form, FormErrors errors, boolean selfDeactivation) {
        return Templates.list(Account.listForStaff(), Invite.listOpen(clock.instant()), Organisation.listByName(),
                page.getUser().id, form, errors, selfDeactivation, issuedLink(page), mailed);
    }

    /** The link a creation just issued, carried by its one-time flash message, to show as a link with a copy button. */
    public static String issuedLink(Page page) {
        Flash flash = page.getFlash();
        return flash != null && ISSUED.contains(flash.key()) ? flash.argument(1) : null;
    }
}
