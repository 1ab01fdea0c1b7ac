package io.rolegate.connection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rolegate.database.Timestamps;
import io.rolegate.web.Forms;

/**
 * The staff console's view of every connection: filtered by status and free text, sorted, paged.
 * Each filter and sort is backed by an index (V4), so a page stays fast with 100,000 connections. A read of the
 * connections that {@link ConnectionRepository} owns, kept beside it so that no other package holds SQL about
 * connections.
 */
@ApplicationScoped
public class ConnectionSearch {

    public static final int PAGE_SIZE = 50;
    static final int MAX_QUERY = 200;

    private static final String COLUMNS = """
            SELECT c.id, o.name, c.label, c.account_id, c.role_arn, c.status, c.last_check_outcome, c.last_checked_at,
                   c.failing_since, f.code""";

    private static final String FAILED_STEP = """
            LEFT JOIN LATERAL (SELECT s.code FROM check_steps s
                               WHERE s.check_id = c.last_check_id AND s.status = 'FAIL'
                                 AND c.last_check_outcome IN ('FAILED', 'INSECURE')
                               ORDER BY s.position LIMIT 1) f ON true""";

    private static final String ALL = " FROM connections c JOIN organisations o ON o.id = c.organisation_id ";

    /**
     * One subquery per indexed column, united: an OR across the joined tables made PostgreSQL walk every
     * connection against every organisation (25 s for one page over 100,000 connections).
     */
    private static final String MATCHING = """
            (SELECT id FROM connections WHERE label ILIKE ? ESCAPE '!'
             UNION SELECT id FROM connections WHERE role_arn ILIKE ? ESCAPE '!'
             UNION SELECT id FROM connections WHERE account_id = CAST(? AS bpchar)
             UNION SELECT x.id FROM connections x JOIN organisations xo ON xo.id = x.organisation_id
                   WHERE xo.name ILIKE ? ESCAPE '!'
             UNION SELECT connection_id FROM external_ids WHERE value ILIKE ? ESCAPE '!')""";

    /**
     * A free-text search starts from the matching ids and looks each connection and organisation up by its key.
     * Planning the search for its pattern took longer than running it (about 1 ms of PostgreSQL per view over
     * 100,000 connections), so it runs with a plan made once per pooled connection ({@code plan_cache_mode =
     * force_generic_plan}, set for its transaction only). A plan that does not know the pattern expects hundreds
     * of matches; {@code OFFSET 0} keeps the lookups by key, where it would otherwise scan every connection
     * (15 ms). docs/benchmarks.md, "Staff console".
     */
    private static final String MATCHED_CONNECTIONS = " FROM " + MATCHING
            + " m JOIN LATERAL (SELECT * FROM connections x WHERE x.id = m.id OFFSET 0) c ON true ";

    /** The matching connections with their organisations, for the rows of a page. */
    private static final String MATCHED = MATCHED_CONNECTIONS
            + "JOIN LATERAL (SELECT name FROM organisations xo WHERE xo.id = c.organisation_id OFFSET 0) o ON true ";

    public enum Sort {
        LAST_CHECK("c.last_checked_at DESC NULLS LAST, c.id"),
        FAILING_SINCE("c.failing_since NULLS LAST, c.id"),
        CREATED("c.created_at DESC, c.id");

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

    /**
     * What the staff asked for; anything unreadable falls back to the default rather than failing. {@code code} is the
     * stored name of a diagnosis code (e.g. {@code TRUST_DENIED}) that a failed step of the last check found.
     */
    public record Criteria(Optional<ConnectionStatus> status, String query, Sort sort, int page, Optional<String> code) {

        public static Criteria of(String status, String query, String sort, String page, Optional<String> code) {
            Optional<ConnectionStatus> parsedStatus = Optional.empty();
            for (ConnectionStatus candidate : ConnectionStatus.values()) {
                if (candidate.id().equals(status)) {
                    parsedStatus = Optional.of(candidate);
                }
            }
            String text = Forms.strip(query);
            if (text.length() > MAX_QUERY) {
                text = text.substring(0, MAX_QUERY);
            }
            int number = 1;
            try {
                number = Math.max(1, Math.min(100_000, Integer.parseInt(page == null ? "1" : page)));
            } catch (NumberFormatException e) {
                number = 1;
            }
            return new Criteria(parsedStatus, text, Sort.parse(sort), number, code);
        }

        public String statusId() {
            return status.map(ConnectionStatus::id).orElse("");
        }

        /** The stored name of the diagnosis code asked for, e.g. {@code TRUST_DENIED}; empty when there is none. */
        public String codeName() {
            return code.orElse("");
        }
    }

    /**
     * One connection of the list; {@code failureCode} is the diagnosis code (stored name) of the first failed step of
     * its last check when that check failed or found the role insecure, else null.
     */
    public record Row(UUID id, String organisation, String label, String accountId, String roleArn,
            ConnectionStatus status, String lastCheckOutcome, Instant lastCheckedAt, Instant failingSince,
            String failureCode) {

        /** When it started failing; a revoked connection no longer fails, whatever it did before. */
        public Instant failingSinceShown() {
            return status == ConnectionStatus.FAILING ? failingSince : null;
        }
    }

    /** One page of the list; {@code refused} when the search held input that matches nothing (docs/input.md). */
    public record Result(List<Row> rows, long total, Criteria criteria, boolean refused) {

        Result(List<Row> rows, long total, Criteria criteria) {
            this(rows, total, criteria, false);
        }

        /** The answer to a search with a control character: no row (docs/input.md). */
        public static Result refused(Criteria criteria) {
            return new Result(List.of(), 0, criteria, true);
        }

        /** Whether a filter narrows the list, so that an empty one means "no match" rather than "no connection yet". */
        public boolean filtered() {
            return refused || !criteria.query().isEmpty() || criteria.status().isPresent() || criteria.code().isPresent();
        }

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

    private final DataSource database;
    private final Clock clock;
    private final AtomicReference<Counts> counts = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    ConnectionSearch(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * One page of connections. The total comes from the page itself when it is the last one, else without
     * free text from {@code counts} (the status counters the page shows anyway): either spares a second query.
     * Plain JDBC in auto-commit: the console is read on every view by every member of staff, and building rows
     * through the ORM cost several times the query.
     */
    public Result search(Criteria criteria, Map<ConnectionStatus, Long> counts) {
        String where = where(criteria);
        int skipped = (criteria.page() - 1) * PAGE_SIZE;
        try (Connection db = database.getConnection()) {
            // In a caller's transaction the setting would outlive the search, so it is made only in auto-commit.
            boolean generic = !criteria.query().isEmpty() && db.getAutoCommit();
            if (generic) {
                db.setAutoCommit(false);
                try (Statement sql = db.createStatement()) {
                    sql.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                }
            }
            try {
                List<Row> page = new ArrayList<>();
                String from = criteria.query().isEmpty() ? ALL : MATCHED;
                try (PreparedStatement sql = db.prepareStatement(COLUMNS + from + FAILED_STEP + where + " ORDER BY "
                        + criteria.sort().orderBy + " LIMIT " + PAGE_SIZE + " OFFSET " + skipped)) {
                    bind(sql, criteria);
                    try (ResultSet rows = sql.executeQuery()) {
                        while (rows.next()) {
                            page.add(row(rows));
                        }
                    }
                }
                return new Result(page, total(db, criteria, counts, where, skipped, page.size()), criteria);
            } finally {
                if (generic) {
                    db.rollback(); // a read: ending its transaction this way also ends the setting, even after an error
                    db.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search connections", e);
        }
    }

    private static String where(Criteria criteria) {
        StringBuilder where = new StringBuilder(" WHERE true");
        criteria.status().ifPresent(status -> where.append(" AND c.status = ?"));
        criteria.code().ifPresent(code -> where.append(
                " AND c.last_check_id IN (SELECT check_id FROM check_steps WHERE code = ? AND status = 'FAIL')"));
        return where.toString();
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4).trim(),
                row.getString(5), ConnectionStatus.valueOf(row.getString(6)), row.getString(7), Timestamps.read(row, 8),
                Timestamps.read(row, 9), row.getString(10));
    }

    /**
     * The number of matching connections. A page that is not full is the last one, so its rows tell the total
     * (most searches fit on one page); a full page needs a count.
     */
    private static long total(Connection db, Criteria criteria, Map<ConnectionStatus, Long> counts, String where,
            int skipped, int shown) throws SQLException {
        if (shown < PAGE_SIZE && (shown > 0 || skipped == 0)) {
            return skipped + shown;
        }
        if (criteria.query().isEmpty() && criteria.code().isEmpty()) {
            return criteria.status().map(counts::get)
                    .orElseGet(() -> counts.values().stream().mapToLong(Long::longValue).sum());
        }
        String from = criteria.query().isEmpty() ? " FROM connections c" : MATCHED_CONNECTIONS;
        try (PreparedStatement sql = db.prepareStatement("SELECT count(*)" + from + where)) {
            bind(sql, criteria);
            try (ResultSet count = sql.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
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
        try (Connection db = database.getConnection(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT status, count(*) FROM connections GROUP BY status")) {
            while (rows.next()) {
                byStatus.put(ConnectionStatus.valueOf(rows.getString(1)), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count connections", e);
        }
        Map<ConnectionStatus, Long> taken = Collections.unmodifiableMap(byStatus);
        counts.set(new Counts(now, taken));
        return taken;
    }

    /** The parameters in statement order: the free text's (in FROM), then the status and the code (in WHERE). */
    private static void bind(PreparedStatement sql, Criteria criteria) throws SQLException {
        int index = 1;
        if (!criteria.query().isEmpty()) {
            String pattern = "%" + escapeLike(criteria.query()) + "%";
            sql.setString(index++, pattern);
            sql.setString(index++, pattern);
            sql.setString(index++, criteria.query());
            sql.setString(index++, pattern);
            sql.setString(index++, pattern);
        }
        if (criteria.status().isPresent()) {
            sql.setString(index++, criteria.status().get().name());
        }
        if (criteria.code().isPresent()) {
            sql.setString(index, criteria.code().get());
        }
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
