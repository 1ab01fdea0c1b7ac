package io.rolegate.staff;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Role;
import io.rolegate.connection.ConnectionSearch;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.RefusedInput;

/** Every connection of every organisation, for support and administrators: status at a glance. */
@Path("/staff/connections")
@RolesAllowed({ Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
public class StaffConnectionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ConnectionSearch.Result result, Map<ConnectionStatus, Long> counts,
                List<ConnectionStatus> statuses, List<ConnectionSearch.Sort> sorts);
    }

    private final ConnectionSearch search;
    private final RefusedInput refused;

    StaffConnectionResource(ConnectionSearch search, RefusedInput refused) {
        this.search = search;
        this.refused = refused;
    }

    /** A filter with a control character matches nothing (docs/input.md). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @HandlesRefusedInput
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("q") String query,
            @QueryParam("sort") String sort, @QueryParam("page") String page) {
        ConnectionSearch.Criteria criteria = ConnectionSearch.Criteria.of(status, query, sort, page);
        Map<ConnectionStatus, Long> counts = search.countsByStatus();
        ConnectionSearch.Result result = refused.any() ? ConnectionSearch.Result.refused(criteria)
                : search.search(criteria, counts);
        return Templates.list(result, counts, List.of(ConnectionStatus.values()), List.of(ConnectionSearch.Sort.values()));
    }
}
