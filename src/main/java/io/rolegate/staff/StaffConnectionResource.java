package io.rolegate.staff;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.rolegate.account.Role;
import io.rolegate.connection.ConnectionSearch;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.verification.DiagnosisCode;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.RefusedInput;

/** Every connection of every organisation, for support and administrators: status at a glance. */
@Path("/staff/connections")
@RolesAllowed({ Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
public class StaffConnectionResource {

    private static final List<DiagnosisCode> CODES = List.of(DiagnosisCode.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ConnectionSearch.Result result, Map<ConnectionStatus, Long> counts,
                List<ConnectionStatus> statuses, List<ConnectionSearch.Sort> sorts, List<DiagnosisCode> codes,
                FirstStep firstStep);
    }

    /** What an empty console tells its reader to do first. */
    public enum FirstStep {
        /** Nothing: there are connections, or a filter hides them. */
        NONE,
        /** An administrator, before any organisation exists: create one (the link leads there). */
        CREATE_ORGANISATION,
        /** Support, before any organisation exists: an administrator creates the first. */
        AWAIT_ORGANISATION;

        /** The first step for a reader of an unfiltered console that shows {@code connections} connections. */
        static FirstStep of(boolean admin, long connections, boolean filtered, long organisations) {
            if (connections > 0 || filtered || organisations > 0) {
                return NONE;
            }
            return admin ? CREATE_ORGANISATION : AWAIT_ORGANISATION;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final ConnectionSearch search;
    private final RefusedInput refused;
    private final SecurityIdentity identity;

    StaffConnectionResource(ConnectionSearch search, RefusedInput refused, SecurityIdentity identity) {
        this.search = search;
        this.refused = refused;
        this.identity = identity;
    }

    /**
     * A filter with a control character matches nothing (docs/input.md). {@code code} is a published diagnosis code
     * such as {@code RG-TRUST-DENIED}; one that does not exist is ignored like any unreadable filter. With no
     * connection and no organisation yet, an administrator is told to create an organisation first.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @HandlesRefusedInput
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("q") String query,
            @QueryParam("sort") String sort, @QueryParam("page") String page, @QueryParam("code") String code) {
        ConnectionSearch.Criteria criteria = ConnectionSearch.Criteria.of(status, query, sort, page,
                DiagnosisCode.fromId(code).map(DiagnosisCode::name));
        Map<ConnectionStatus, Long> counts = search.countsByStatus();
        ConnectionSearch.Result result = refused.any() ? ConnectionSearch.Result.refused(criteria)
                : search.search(criteria, counts);
        long organisations = result.total() > 0 || result.filtered() ? 1
                : QuarkusTransaction.joiningExisting().call(() -> Organisation.count());
        FirstStep firstStep = FirstStep.of(identity.hasRole(Role.ADMIN_ROLE), result.total(), result.filtered(),
                organisations);
        return Templates.list(result, counts, List.of(ConnectionStatus.values()), List.of(ConnectionSearch.Sort.values()),
                CODES, firstStep);
    }
}
