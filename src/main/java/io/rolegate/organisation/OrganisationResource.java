package io.rolegate.organisation;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.InviteToken;
import io.rolegate.account.Role;
import io.rolegate.account.UserResource;
import io.rolegate.web.Flash;
import io.rolegate.web.FormErrors;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.InvalidInput;
import io.rolegate.web.Page;
import io.rolegate.web.PublicUrl;
import io.rolegate.web.Redirect;
import io.rolegate.web.RefusedInput;
import org.jboss.resteasy.reactive.RestForm;

/** Administrators list customer organisations and create new ones together with a first invite. */
@Path("/staff/organisations")
@RolesAllowed(Role.ADMIN_ROLE)
public class OrganisationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<OrganisationRow> organisations, OrganisationForm form,
                FormErrors errors, String issuedLink);
    }

    private final OrganisationService organisations;
    private final Validator validator;
    private final Redirect redirect;
    private final Page page;
    private final PublicUrl publicUrl;
    private final RefusedInput refused;
    private final boolean mailed;

    OrganisationResource(OrganisationService organisations, Validator validator, Redirect redirect, Page page,
            PublicUrl publicUrl, RefusedInput refused,
            @ConfigProperty(name = "rolegate.mail.from") Optional<String> mailFrom) {
        this.mailed = mailFrom.filter(from -> !from.isBlank()).isPresent();
        this.organisations = organisations;
        this.validator = validator;
        this.redirect = redirect;
        this.page = page;
        this.publicUrl = publicUrl;
        this.refused = refused;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(organisations.list(), OrganisationForm.empty(), FormErrors.none(),
                UserResource.issuedLink(page));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @HandlesRefusedInput
    public Response create(@RestForm String name, @RestForm String email) {
        OrganisationForm form = new OrganisationForm(name, email);
        FormErrors errors = refused.errors().and(FormErrors.of(validator.validate(form)));
        if (errors.isEmpty()) {
            try {
                InviteToken token = organisations.create(page.getUser().actor(), form, page.language());
                return redirect.to("/staff/organisations", Flash.success(
                        mailed ? "flash_organisation_mailed" : "flash_organisation_created", form.name(),
                        token.link(publicUrl.base())));
            } catch (InvalidInput e) {
                errors = e.errors();
            }
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.list(organisations.list(), form.shown(), errors, null)).build();
    }
}
