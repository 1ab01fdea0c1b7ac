package io.rolegate.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Role;
import io.rolegate.web.Forms;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.Page;
import io.rolegate.web.RefusedInput;

/** The audit trail for support and administrators, filtered and paged, newest first. */
@Path("/staff/audit")
@RolesAllowed({ Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
public class AuditResource {

    static final int PAGE_SIZE = 100;
    private static final List<AuditAction> ACTIONS = List.of(AuditAction.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Filter filter, List<AuditEvent> events, boolean hasNext, List<AuditAction> actions);
    }

    /** The filters as typed; values that cannot be read are ignored rather than failing the page. */
    public record Filter(String actor, String organisation, String connection, String action, String from, String to,
            int page) {

        static Filter of(String actor, String organisation, String connection, String action, String from, String to,
                String page) {
            int number;
            try {
                number = Math.max(1, Math.min(10_000, Integer.parseInt(page == null ? "1" : page)));
            } catch (NumberFormatException e) {
                number = 1;
            }
            return new Filter(clean(actor), clean(organisation), clean(connection), clean(action), clean(from), clean(to),
                    number);
        }

        private static String clean(String value) {
            String trimmed = Forms.strip(value);
            return trimmed.length() > 254 ? trimmed.substring(0, 254) : trimmed;
        }

        Optional<UUID> organisationId() {
            return uuid(organisation);
        }

        Optional<UUID> connectionId() {
            return uuid(connection);
        }

        /** The start of the first day, a day in the viewer's time zone. */
        Optional<Instant> fromInstant(ZoneId zone) {
            return day(from).map(date -> date.atStartOfDay(zone).toInstant());
        }

        /** The end of the last day, a day in the viewer's time zone. */
        Optional<Instant> toInstant(ZoneId zone) {
            return day(to).map(date -> date.plusDays(1).atStartOfDay(zone).toInstant());
        }

        /** The query string of this filter on another page. */
        public String query(int otherPage) {
            return "actor=" + encode(actor) + "&organisation=" + encode(organisation) + "&connection=" + encode(connection)
                    + "&action=" + encode(action) + "&from=" + encode(from) + "&to=" + encode(to) + "&page=" + otherPage;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private static Optional<UUID> uuid(String value) {
            try {
                return value.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static Optional<LocalDate> day(String value) {
            try {
                return value.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private final EntityManager entityManager;
    private final RefusedInput refused;
    private final Page viewer;

    AuditResource(EntityManager entityManager, RefusedInput refused, Page page) {
        this.entityManager = entityManager;
        this.refused = refused;
        this.viewer = page;
    }

    /** A filter with a control character matches nothing (docs/input.md). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @HandlesRefusedInput
    public TemplateInstance list(@QueryParam("actor") String actor, @QueryParam("organisation") String organisation,
            @QueryParam("connection") String connection, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page) {
        Filter filter = Filter.of(actor, organisation, connection, action, from, to, page);
        if (refused.any()) {
            return Templates.list(filter, List.of(), false, ACTIONS);
        }
        List<String> conditions = new ArrayList<>();
        if (!filter.actor().isEmpty()) {
            conditions.add("lower(e.actor) = lower(:actor)");
        }
        filter.organisationId().ifPresent(id -> conditions.add("e.organisationId = :organisation"));
        filter.connectionId().ifPresent(id -> conditions.add("e.connectionId = :connection"));
        if (!filter.action().isEmpty()) {
            conditions.add("e.action = :action");
        }
        ZoneId zone = viewer.zone();
        filter.fromInstant(zone).ifPresent(instant -> conditions.add("e.occurredAt >= :from"));
        filter.toInstant(zone).ifPresent(instant -> conditions.add("e.occurredAt < :to"));
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<AuditEvent> query = entityManager.createQuery(
                "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        if (!filter.actor().isEmpty()) {
            query.setParameter("actor", filter.actor());
        }
        filter.organisationId().ifPresent(id -> query.setParameter("organisation", id));
        filter.connectionId().ifPresent(id -> query.setParameter("connection", id));
        if (!filter.action().isEmpty()) {
            query.setParameter("action", filter.action());
        }
        filter.fromInstant(zone).ifPresent(instant -> query.setParameter("from", instant));
        filter.toInstant(zone).ifPresent(instant -> query.setParameter("to", instant));
        List<AuditEvent> events = query.setFirstResult((filter.page() - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1)
                .getResultList();
        boolean hasNext = events.size() > PAGE_SIZE;
        return Templates.list(filter, hasNext ? events.subList(0, PAGE_SIZE) : events, hasNext, ACTIONS);
    }
}
