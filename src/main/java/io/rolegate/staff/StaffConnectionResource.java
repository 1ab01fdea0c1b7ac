package io.rolegate.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Role;

/** Every connection of every organisation, for support and administrators. */
@Path("/staff/connections")
@RolesAllowed({ Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
public class StaffConnectionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list();
    }
}
