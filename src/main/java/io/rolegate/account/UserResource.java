package io.rolegate.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

/** Administrators see every user and open invite, invite people and deactivate accounts. */
@Path("/staff")
@RolesAllowed(Role.ADMIN_ROLE)
public class UserResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Account> users, List<Invite> invites, List<Organisation> organisations,
                UUID self, InviteForm form, FormErrors errors, boolean selfDeactivation);
    }

    private final InviteService invites;
    private final AccountService accounts;
    private final Validator validator;
    private final Redirect redirect;
    private final Page page;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final RefusedInput refused;

    UserResource(InviteService invites, AccountService accounts, Validator validator, Redirect redirect, Page page,
            Clock clock, PublicUrl publicUrl, RefusedInput refused) {
        this.invites = invites;
        this.accounts = accounts;
        this.validator = validator;
        this.redirect = redirect;
        this.page = page;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.refused = refused;
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
            InviteToken token = invites.invite(page.getUser().actor(), form);
            return redirect.to("/staff/users",
                    Flash.success("flash_invite_created", form.email(), token.link(publicUrl.base())));
        } catch (InvalidInput e) {
            return invalid(form, e.errors());
        }
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
                page.getUser().id, form, errors, selfDeactivation);
    }
}
