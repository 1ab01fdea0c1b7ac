package io.rolegate.connection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Role;

/** A customer's connections. */
@Path("/connections")
@RolesAllowed(Role.CUSTOMER_ROLE)
public class ConnectionResource {

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
