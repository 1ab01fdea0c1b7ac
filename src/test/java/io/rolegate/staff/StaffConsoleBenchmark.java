package io.rolegate.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.CpuMeter;
import io.rolegate.support.PackagedApp;
import io.rolegate.support.Session;
import io.rolegate.support.Wrk;
import org.jboss.logging.Logger;

/**
 * The staff console and a customer's setup and check pages under 32 concurrent clients, over 100,000 connections in 2,000
 * organisations with 1,000,000 checks, next to a trivial page of the same application. This test seeds the
 * database; the pages are served by the packaged application in its own JVM ({@link PackagedApp}) and loaded
 * by wrk ({@link Wrk}). See docs/benchmarks.md, "Staff console" and "Setup page".
 */
@Tag("benchmark")
@QuarkusTest
class StaffConsoleBenchmark {

    private static final Logger LOG = Logger.getLogger(StaffConsoleBenchmark.class);

    private static final int ORGANISATIONS = 2_000;
    private static final int CONNECTIONS = 100_000;
    private static final int CHECKS_PER_CONNECTION = 10;
    private static final int CLIENTS = 32;

    /** Load on every page before measuring, {@code -Dconsole.warm-up-seconds=N}: a long-running instance is compiled. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("console.warm-up-seconds", 60));
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final String SEARCH = "exports 4242";
    private static final String CUSTOMER_ORGANISATION = "Bench organisation 7";

    @Inject
    DataSource dataSource;

    @Test
    void consolePagesAgainstATrivialPage() throws Exception {
        long seeding = System.nanoTime();
        seed();
        LOG.infof("Seeded %,d connections, %,d checks in %.0f s", CONNECTIONS, CONNECTIONS * CHECKS_PER_CONNECTION,
                (System.nanoTime() - seeding) / 1e9);
        explain();

        try (PackagedApp app = PackagedApp.start(packagedAppConfig(), Path.of("target/staff-console-benchmark-app.log"))) {
            measureAll(app);
        }
    }

    /** The packaged application on this test's database, sessions and vendor account; no scheduled sweeps. */
    private static Map<String, String> packagedAppConfig() {
        Config config = ConfigProvider.getConfig();
        return Map.of(
                "quarkus.datasource.jdbc.url", config.getValue("quarkus.datasource.jdbc.url", String.class),
                "quarkus.datasource.username", config.getValue("quarkus.datasource.username", String.class),
                "quarkus.datasource.password", config.getValue("quarkus.datasource.password", String.class),
                "rolegate.data-directory", config.getValue("rolegate.data-directory", String.class),
                "rolegate.vendor.account-id", config.getValue("rolegate.vendor.account-id", String.class),
                "quarkus.scheduler.enabled", "false",
                "aws.disableEc2Metadata", "true");
    }

    private void measureAll(PackagedApp app) throws Exception {
        String staff = cookies(Session.signIn(Accounts.support()));
        UUID connection = oneSeededConnection();
        String customer = cookies(Session.signIn(customerOf(CUSTOMER_ORGANISATION)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URL base = app.base();
        List<Page> all = List.of(
                new Page("trivial page /help/codes", "/help/codes", null),
                new Page("console first page", "/staff/connections", staff),
                new Page("console failing, by failing since", "/staff/connections?status=failing&sort=failing-since",
                        staff),
                new Page("console search", "/staff/connections?q=" + SEARCH.replace(" ", "+"), staff),
                new Page("setup page (customer)", "/connections/" + connection, customer),
                new Page("check page (customer)", "/connections/" + connection + "/checks/" + checkWithSteps(connection),
                        customer));
        // -Dconsole.pages=setup,check: the trivial page and the pages whose names start so (to profile a few)
        List<String> only = Stream.of(System.getProperty("console.pages", "").split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
        List<Page> pages = all.stream().filter(page -> page == all.get(0) || only.isEmpty()
                || only.stream().anyMatch(page.name()::startsWith)).toList();
        Duration warmUpEach = WARM_UP.dividedBy(pages.size());
        for (Page page : pages) {
            String body = new String(page.get(http, base).body(), StandardCharsets.UTF_8);
            // Beyond Latin-1 the whole page is built and encoded two bytes a character (docs/benchmarks.md)
            LOG.infof("%-34s %,d characters, %s", page.name(), body.length(),
                    body.chars().allMatch(c -> c <= 0xFF) ? "Latin-1 only" : "beyond Latin-1");
            Wrk.run(page.name(), page.url(base), page.cookie(), CLIENTS, warmUpEach);
        }

        List<Wrk.Result> results = new ArrayList<>();
        for (Page page : pages) {
            results.add(measure(app, http, page));
        }
        results.add(measure(app, http, new Page("trivial page /help/codes again", pages.get(0).path(), null)));

        LOG.infof("%d clients for %d s per page, after %d s of warm-up:", CLIENTS, MEASURED.toSeconds(),
                WARM_UP.toSeconds());
        results.forEach(result -> LOG.info(result.line()));
        double trivial = (results.get(0).perSecond() + results.get(results.size() - 1).perSecond()) / 2;
        for (Wrk.Result result : results.subList(1, results.size() - 1)) {
            LOG.infof("%-34s %3.0f%% of the trivial page's throughput", result.name(), 100 * result.perSecond() / trivial);
        }
    }

    /** A page as one client asks for it: a path and, if signed in, the session cookie. */
    private record Page(String name, String path, String cookie) {

        URL url(URL base) throws Exception {
            return URI.create(base.toString()).resolve(path).toURL();
        }

        HttpResponse<byte[]> get(HttpClient http, URL base) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(url(base).toURI()).header("Accept-Language", "en");
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), path);
            return response;
        }
    }

    /**
     * One page under {@link #CLIENTS} clients for {@link #MEASURED}, with the CPU it cost the application and
     * PostgreSQL. wrk runs in its own process; the page must answer 200 before and after, and never fail.
     */
    private static Wrk.Result measure(PackagedApp app, HttpClient http, Page page) throws Exception {
        page.get(http, app.base());
        CpuMeter cpu = CpuMeter.start(app.pid());
        Wrk.Result result = Wrk.run(page.name(), page.url(app.base()), page.cookie(), CLIENTS, MEASURED);
        LOG.infof("%-34s %s", page.name(), cpu.read().per(result.requests(), "request"));
        page.get(http, app.base());
        assertEquals(0, result.failed() + result.non2xx(), page.name() + ": failed or refused requests");
        return result;
    }

    private static String cookies(Session session) {
        return session.cookies().entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private UUID oneSeededConnection() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT c.id FROM connections c JOIN organisations o ON o.id = c.organisation_id"
                        + " WHERE o.name = '" + CUSTOMER_ORGANISATION + "' AND c.status = 'ACTIVE' LIMIT 1")) {
            assertTrue(row.next());
            return row.getObject(1, UUID.class);
        }
    }

    /**
     * The connection's latest check, given the eight steps a check of one bucket records (the seeded checks have
     * none): what the check page renders for a finished check.
     */
    private UUID checkWithSteps(UUID connection) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            UUID check;
            try (ResultSet row = sql.executeQuery("SELECT id FROM checks WHERE connection_id = '" + connection
                    + "' ORDER BY started_at DESC LIMIT 1")) {
                assertTrue(row.next());
                check = row.getObject(1, UUID.class);
            }
            sql.execute("""
                    INSERT INTO check_steps (check_id, position, name, resource, status, message_key, request_id,
                        duration_ms, started_at, finished_at)
                    SELECT '%s', p, (ARRAY['role-arn', 'assume-role', 'probe-without-external-id',
                            'probe-wrong-external-id', 'caller-identity', 'bucket-location', 'list-objects',
                            'read-object'])[p],
                        CASE WHEN p > 5 THEN 'bench-bucket/reports/' END, 'PASS',
                        (ARRAY['result_arn_valid', 'result_assumed', 'result_probe_denied', 'result_probe_denied',
                            'result_arn_valid', 'result_arn_valid', 'result_arn_valid', 'result_arn_valid'])[p],
                        'req-' || p, 40 + p, now(), now()
                    FROM generate_series(1, 8) p
                    """.formatted(check));
            return check;
        }
    }

    private static Account customerOf(String organisationName) {
        return Accounts.customer(QuarkusTransaction.requiringNew().call(
                () -> Organisation.<Organisation>find("name", organisationName).singleResult()));
    }

    /**
     * 2,000 organisations, 100,000 connections (80% active, 5% failing, 12% pending, 3% revoked) with a bucket
     * and an external ID each, and ten finished checks per connection over the last ten days.
     */
    private void seed() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(true);
            sql.execute("SET synchronous_commit TO OFF");
            sql.execute("INSERT INTO organisations (id, name, created_at) SELECT gen_random_uuid(), 'Bench organisation ' || g,"
                    + " now() - g * interval '1 hour' FROM generate_series(1, " + ORGANISATIONS + ") g");
            sql.execute("""
                    CREATE TEMP TABLE bench_orgs AS
                    SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM organisations WHERE name LIKE 'Bench organisation %'
                    """);
            sql.execute("""
                    INSERT INTO connections (id, organisation_id, label, account_id, partition, region, role_arn,
                        role_submitted_at, status, status_changed_at, failing_since, last_check_outcome, last_checked_at,
                        revoked_at, revoke_reason, created_at, next_check_at)
                    SELECT gen_random_uuid(), o.id,
                        (ARRAY['Analytics', 'Billing exports', 'Data lake', 'Reports', 'Backups', 'Audit logs',
                               'Feature store', 'Warehouse'])[1 + g %% 8] || ' ' || g,
                        lpad((100000000000 + (g * 7919) %% 899999999999)::text, 12, '0'), 'aws', 'us-east-1',
                        CASE WHEN s.status = 'PENDING' AND g %% 2 = 0 THEN NULL
                             ELSE 'arn:aws:iam::' || lpad((100000000000 + (g * 7919) %% 899999999999)::text, 12, '0')
                                  || ':role/rolegate-' || g END,
                        now() - interval '30 days', s.status, now() - (g %% 720) * interval '1 hour',
                        CASE WHEN s.status = 'FAILING' THEN now() - (g %% 2000) * interval '10 minutes' END,
                        CASE s.status WHEN 'ACTIVE' THEN 'PASSED' WHEN 'FAILING' THEN 'FAILED' WHEN 'REVOKED' THEN 'PASSED' END,
                        CASE WHEN s.status <> 'PENDING' THEN now() - (g * 37 %% 86400) * interval '1 second' END,
                        CASE WHEN s.status = 'REVOKED' THEN now() - interval '1 day' END,
                        CASE WHEN s.status = 'REVOKED' THEN 'benchmark' END,
                        now() - interval '60 days' + g * interval '30 seconds',
                        CASE WHEN s.status IN ('ACTIVE', 'FAILING') THEN now() + (g %% 86400) * interval '1 second' END
                    FROM generate_series(1, %d) g
                    JOIN bench_orgs o ON o.n = g %% %d
                    CROSS JOIN LATERAL (SELECT CASE WHEN g %% 100 < 80 THEN 'ACTIVE' WHEN g %% 100 < 85 THEN 'FAILING'
                        WHEN g %% 100 < 97 THEN 'PENDING' ELSE 'REVOKED' END AS status) s
                    """.formatted(CONNECTIONS, ORGANISATIONS));
            sql.execute("""
                    INSERT INTO connection_buckets (connection_id, position, bucket, prefix)
                    SELECT id, 0, 'bench-' || left(id::text, 8), 'reports/' FROM connections WHERE NOT EXISTS (SELECT 1 FROM connection_buckets b WHERE b.connection_id = connections.id)
                    """);
            sql.execute("""
                    INSERT INTO external_ids (id, connection_id, value, state, issued_at, registration_salt)
                    SELECT gen_random_uuid(), c.id, 'rg-' || md5(random()::text || c.id::text) || md5(c.id::text), 'CURRENT', c.created_at,
                        md5(random()::text) || md5(random()::text)
                    FROM connections c WHERE NOT EXISTS (SELECT 1 FROM external_ids e WHERE e.connection_id = c.id)
                    """);
            sql.execute("""
                    INSERT INTO checks (id, connection_id, started_at, finished_at, outcome, trigger, triggered_by_label,
                        role_arn, session_name)
                    SELECT gen_random_uuid(), c.id, now() - k * interval '1 day', now() - k * interval '1 day' + interval '2 seconds',
                        CASE WHEN c.status = 'FAILING' AND k < 3 THEN 'FAILED' WHEN k %% 17 = 0 THEN 'INCONCLUSIVE' ELSE 'PASSED' END,
                        'SCHEDULE', 'system', c.role_arn, 'rolegate-' || left(c.id::text, 8) || '-' || k
                    FROM connections c CROSS JOIN generate_series(1, %d) k
                    WHERE c.status <> 'PENDING' OR c.role_arn IS NOT NULL
                    """.formatted(CHECKS_PER_CONNECTION));
            sql.execute("VACUUM ANALYZE");
        }
    }

    /** The plans PostgreSQL picks for the console's queries, with their actual timings. */
    private void explain() throws SQLException {
        String select = "SELECT c.id, o.name, c.label, c.account_id, c.role_arn, c.status, c.last_check_outcome,"
                + " c.last_checked_at, c.failing_since FROM connections c JOIN organisations o ON o.id = c.organisation_id";
        String like = "'%" + SEARCH + "%'";
        String search = " WHERE c.id IN (SELECT id FROM connections WHERE label ILIKE " + like
                + " UNION SELECT id FROM connections WHERE role_arn ILIKE " + like
                + " UNION SELECT id FROM connections WHERE account_id = '" + SEARCH + "'"
                + " UNION SELECT x.id FROM connections x JOIN organisations xo ON xo.id = x.organisation_id WHERE xo.name ILIKE " + like
                + " UNION SELECT connection_id FROM external_ids WHERE value ILIKE " + like + ")";
        List<String> queries = List.of(
                select + " ORDER BY c.last_checked_at DESC NULLS LAST, c.id LIMIT 50",
                "SELECT c.status, count(*) FROM connections c GROUP BY c.status",
                select + " WHERE c.status = 'FAILING' ORDER BY c.failing_since ASC NULLS LAST, c.id LIMIT 50",
                select + search + " ORDER BY c.last_checked_at DESC NULLS LAST, c.id LIMIT 50",
                "SELECT count(*) FROM connections c" + search);
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            for (String query : queries) {
                LOG.info("EXPLAIN ANALYZE " + query);
                try (ResultSet plan = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
                    while (plan.next()) {
                        LOG.info("    " + plan.getString(1));
                    }
                }
            }
        }
    }
}
