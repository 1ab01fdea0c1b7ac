package io.rolegate.verification;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionAccess;
import io.rolegate.database.ReadOnlySession;
import io.rolegate.web.Flash;
import io.rolegate.web.Page;
import io.rolegate.web.Redirect;

/**
 * Starting a live check and following it (PRODUCT §8). Customers reach only their organisation's
 * connections (another organisation's answers 404); support and admins reach all.
 */
@Path("/connections/{connectionId}/checks")
@RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
public class CheckResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Connection connection, CheckView check, boolean staff, boolean mayEdit);
    }

    private final CheckService checks;
    private final CheckReports reports;
    private final Page page;
    private final ConnectionAccess access;
    private final Redirect redirect;
    private final CheckProgress progress;

    CheckResource(CheckService checks, CheckReports reports, Page page, ConnectionAccess access, Redirect redirect,
            CheckProgress progress) {
        this.checks = checks;
        this.reports = reports;
        this.page = page;
        this.access = access;
        this.redirect = redirect;
        this.progress = progress;
    }

    @POST
    public Response start(@PathParam("connectionId") UUID connectionId) {
        Connection connection = access.find(connectionId);
        Account user = page.getUser();
        CheckService.Start start = checks.start(connection.id, CheckTrigger.USER,
                new AuditTrail.Actor(user.id, user.email));
        String connectionPage = "/connections/" + connection.id;
        if (start instanceof CheckService.Start.Started) {
            return redirect.to(connectionPage + "/checks/" + start.checkId());
        }
        if (start instanceof CheckService.Start.Joined) {
            return redirect.to(connectionPage + "/checks/" + start.checkId(), Flash.success("flash_check_joined"));
        }
        if (start instanceof CheckService.Start.Revoked) {
            return redirect.to(connectionPage, Flash.error("flash_check_revoked"));
        }
        return redirect.to(connectionPage, Flash.error("flash_check_rate_limited"));
    }

    /** Browsers and {@code Accept: *}{@code /*} get the page; only an explicit JSON request gets JSON. */
    @GET
    @Path("{checkId}")
    @Produces("text/html;qs=1")
    public TemplateInstance show(@PathParam("connectionId") UUID connectionId, @PathParam("checkId") UUID checkId) {
        ReadOnlySession.enable();
        Connection connection = access.find(connectionId);
        Check check = Check.findOf(connection.id, checkId).orElseThrow(NotFoundException::new);
        return Templates.show(connection, progress.view(check, connection), page.isStaff(), access.mayEdit(connection));
    }

    @GET
    @Path("{checkId}")
    @Produces("application/json;qs=0.5")
    public CheckJson json(@PathParam("connectionId") UUID connectionId, @PathParam("checkId") UUID checkId) {
        Connection connection = access.find(connectionId);
        return reports.of(connection.id, checkId, page.language().locale(), page.isStaff())
                .orElseThrow(NotFoundException::new);
    }
}
