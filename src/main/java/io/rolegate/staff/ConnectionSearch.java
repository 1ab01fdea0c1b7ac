package io.rolegate.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.rolegate.connection.ConnectionStatus;

/**
 * The staff console's view of every connection: filtered by status and free text, sorted, paged.
 * Each filter and sort is backed by an index (V4), so a page stays fast with 100,000 connections.
 */
@ApplicationScoped
public class ConnectionSearch {

    public static final int PAGE_SIZE = 50;
    static final int MAX_QUERY = 200;

    public enum Sort {
        LAST_CHECK("c.lastCheckedAt desc nulls last, c.id"),
        FAILING_SINCE("c.failingSince asc nulls last, c.id"),
        CREATED("c.createdAt desc, c.id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Sort parse(String id) {
            for (Sort sort : values()) {
                if (sort.id().equals(id)) {
                    return sort;
                }
            }
            return LAST_CHECK;
        }
    }

    /** What the staff asked for; anything unreadable falls back to the default rather than failing. */
    public record Criteria(Optional<ConnectionStatus> status, String query, Sort sort, int page) {

        public static Criteria of(String status, String query, String sort, String page) {
            Optional<ConnectionStatus> parsedStatus = Optional.empty();
            for (ConnectionStatus candidate : ConnectionStatus.values()) {
                if (candidate.id().equals(status)) {
                    parsedStatus = Optional.of(candidate);
                }
            }
            String text = query == null ? "" : query.strip();
            if (text.length() > MAX_QUERY) {
                text = text.substring(0, MAX_QUERY);
            }
            int number = 1;
            try {
                number = Math.max(1, Math.min(100_000, Integer.parseInt(page == null ? "1" : page)));
            } catch (NumberFormatException e) {
                number = 1;
            }
            return new Criteria(parsedStatus, text, Sort.parse(sort), number);
        }

        public String statusId() {
            return status.map(ConnectionStatus::id).orElse("");
        }
    }

    public record Row(UUID id, String organisation, String label, String accountId, String roleArn,
            ConnectionStatus status, String lastCheckOutcome, Instant lastCheckedAt, Instant failingSince) {
    }

    public record Result(List<Row> rows, long total, Criteria criteria) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return criteria.page() > 1;
        }

        public boolean hasNext() {
            return criteria.page() < pages();
        }
    }

    /**
     * The counters over every connection cost a scan on each view; a few seconds of staleness is fine
     * for a dashboard, and the filtered result lists themselves are always exact.
     */
    static final Duration COUNTS_FRESH_FOR = Duration.ofSeconds(5);

    private record Counts(Instant takenAt, Map<ConnectionStatus, Long> byStatus) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final AtomicReference<Counts> counts = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    ConnectionSearch(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * One page of connections. The total comes from the page itself when it is the last one, else without
     * free text from {@code counts} (the status counters the page shows anyway): either spares a second query.
     */
    public Result search(Criteria criteria, Map<ConnectionStatus, Long> counts) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        criteria.status().ifPresent(status -> where.append(" and c.status = :status"));
        if (!criteria.query().isEmpty()) {
            // One subquery per indexed column, united: an OR across the joined tables made PostgreSQL walk
            // every connection against every organisation (25 s for one page over 100,000 connections).
            where.append(" and c.id in (select x.id from Connection x where x.label ilike :q escape '!'"
                    + " union select x.id from Connection x where x.roleArn ilike :q escape '!'"
                    + " union select x.id from Connection x where x.accountId = :exact"
                    + " union select x.id from Connection x join x.organisation xo where xo.name ilike :q escape '!'"
                    + " union select e.connection.id from IssuedExternalId e where e.value ilike :q escape '!')");
        }
        TypedQuery<Row> rows = entityManager.createQuery("select new " + Row.class.getName()
                + "(c.id, o.name, c.label, c.accountId, c.roleArn, c.status, c.lastCheckOutcome, c.lastCheckedAt,"
                + " c.failingSince) from Connection c join c.organisation o" + where
                + " order by " + criteria.sort().orderBy, Row.class);
        bind(rows, criteria);
        int skipped = (criteria.page() - 1) * PAGE_SIZE;
        List<Row> page = rows.setFirstResult(skipped).setMaxResults(PAGE_SIZE).getResultList();
        return new Result(page, total(criteria, counts, where.toString(), skipped, page.size()), criteria);
    }

    /**
     * The number of matching connections. A page that is not full is the last one, so its rows tell the total
     * (most searches fit on one page); a full page needs a count.
     */
    private long total(Criteria criteria, Map<ConnectionStatus, Long> counts, String where, int skipped, int shown) {
        if (shown < PAGE_SIZE && (shown > 0 || skipped == 0)) {
            return skipped + shown;
        }
        if (criteria.query().isEmpty()) {
            return criteria.status().map(counts::get)
                    .orElseGet(() -> counts.values().stream().mapToLong(Long::longValue).sum());
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(c) from Connection c" + where, Long.class);
        bind(count, criteria);
        return count.getSingleResult();
    }

    /**
     * Connections per status over everything, for the counters at the top of the console. When they are due for
     * a refresh, one request takes the count and the others show the previous one meanwhile: under load, every
     * view at that moment counting at once stalled the console for a few hundred milliseconds every few seconds.
     */
    public Map<ConnectionStatus, Long> countsByStatus() {
        Counts cached = counts.get();
        Instant now = clock.instant();
        if (cached == null) {
            return countNow(now);
        }
        if (now.isBefore(cached.takenAt().plus(COUNTS_FRESH_FOR)) || !refreshing.compareAndSet(false, true)) {
            return cached.byStatus();
        }
        try {
            return countNow(now);
        } finally {
            refreshing.set(false);
        }
    }

    private Map<ConnectionStatus, Long> countNow(Instant now) {
        Map<ConnectionStatus, Long> byStatus = new EnumMap<>(ConnectionStatus.class);
        for (ConnectionStatus status : ConnectionStatus.values()) {
            byStatus.put(status, 0L);
        }
        entityManager.createQuery("select c.status, count(c) from Connection c group by c.status", Object[].class)
                .getResultList()
                .forEach(row -> byStatus.put((ConnectionStatus) row[0], (Long) row[1]));
        Map<ConnectionStatus, Long> taken = Collections.unmodifiableMap(byStatus);
        counts.set(new Counts(now, taken));
        return taken;
    }

    private static void bind(TypedQuery<?> query, Criteria criteria) {
        criteria.status().ifPresent(status -> query.setParameter("status", status));
        if (!criteria.query().isEmpty()) {
            query.setParameter("q", "%" + escapeLike(criteria.query()) + "%");
            query.setParameter("exact", criteria.query());
        }
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
