package io.rolegate.account;

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
import io.rolegate.web.Flash;
import io.rolegate.web.FormErrors;
import io.rolegate.web.Forms;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.Redirect;
import io.rolegate.web.RefusedInput;
import org.jboss.resteasy.reactive.RestForm;

/** Where an invite link leads: the new user chooses a name and a password. Open to anonymous visitors. */
@Path("/invite/{token}")
public class InviteResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accept(String token, String email, AcceptForm form, FormErrors errors);

        static native TemplateInstance unusable(String messageKey);
    }

    private final InviteService invites;
    private final Validator validator;
    private final Redirect redirect;
    private final RefusedInput refused;

    InviteResource(InviteService invites, Validator validator, Redirect redirect, RefusedInput refused) {
        this.invites = invites;
        this.validator = validator;
        this.redirect = redirect;
        this.refused = refused;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token) {
        InviteState state = invites.state(token);
        if (state != InviteState.OPEN) {
            return unusable(state);
        }
        return Response.ok(Templates.accept(token, invites.email(token).orElseThrow(), AcceptForm.empty(),
                FormErrors.none())).build();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @HandlesRefusedInput
    public Response accept(@PathParam("token") String token, @RestForm String displayName,
            @RestForm String password, @RestForm String confirmation) {
        InviteState state = invites.state(token);
        if (state != InviteState.OPEN) {
            return unusable(state);
        }
        AcceptForm form = new AcceptForm(displayName, password, confirmation);
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (!form.password().equals(form.confirmation())) {
            errors = errors.add("confirmation", "confirmation_mismatch");
        }
        errors = refused.errors().and(errors);
        if (!errors.isEmpty()) {
            AcceptForm kept = new AcceptForm(Forms.shown(form.displayName(), AcceptForm.MAX_NAME), "", "");
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.accept(token, invites.email(token).orElseThrow(), kept, errors)).build();
        }
        InviteService.AcceptResult result = invites.accept(token, form);
        if (result.state() != InviteState.OPEN) {
            return unusable(result.state());
        }
        return redirect.to("/login", Flash.success("flash_invite_accepted", result.email()));
    }

    private static Response unusable(InviteState state) {
        return Response.status(state.status()).entity(Templates.unusable(state.messageKey())).build();
    }
}
