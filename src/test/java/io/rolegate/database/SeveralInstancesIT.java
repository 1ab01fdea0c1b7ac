package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.Stack;
import io.rolegate.support.PackagedApp;
import io.rolegate.support.Session;

/**
 * Two instances of the packaged application on one real PostgreSQL server (Debian's PostgreSQL 15 with password
 * authentication, {@link PostgresServer}), sharing {@code rolegate.secret}, as docs/deploy.md describes several
 * replicas: sessions work across instances, a revocation on one stops the broker on the other at
 * once, scheduled re-checks are claimed once, and a CloudFormation registration message that both poll for is
 * handled by one of them, once.
 */
@EnabledIfSystemProperty(named = "rolegate.integration-tests", matches = "true",
        disabledReason = "needs the packaged application: runs in the integration-test phase of verify")
class SeveralInstancesIT {

    private static final String SECRET = "one-secret-shared-by-every-instance-" + UUID.randomUUID();
    private static final Pattern LAUNCH_LINK = Pattern.compile("id=\"quick-create\" href=\"([^\"]+)\"");
    private static final Pattern SWEEPS = Pattern.compile("(?m)^rolegate_sweeps_total(?:\\{[^}]*})? ([0-9.E]+)$");

    @TempDir
    static Path directory;

    private static PostgresServer server;
    private static FakeAws aws;
    private static PackagedApp one;
    private static PackagedApp two;
    private static Rows rows;
    private static Map<String, String> onboarding;

    @BeforeAll
    static void start() throws Exception {
        server = PostgresServer.start(directory.resolve("postgres"));
        aws = FakeAws.start();
        // Checks that take a little while overlap, so both instances sweep the same round.
        aws.latency(Duration.ofMillis(100));
        onboarding = FakeAwsResource.onboardingSetUp(aws);
        Path log = Path.of("target/several-instances-it.log");
        one = PackagedApp.start(config("one"), log);
        two = PackagedApp.start(config("two"), log);
        rows = Rows.in(server.jdbcUrl(), PostgresServer.USER, server.password());
    }

    private static Map<String, String> config(String instance) {
        Map<String, String> config = EmbeddedApps.config(directory.resolve(instance), aws);
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", server.password(),
                "rolegate.secret", SECRET,
                "rolegate.checks.sweep-every", "1s"));
        config.putAll(onboarding);
        return config;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable resource : new AutoCloseable[] {rows, one, two, server}) {
            if (resource != null) {
                resource.close();
            }
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOther() {
        Session admin = Session.signIn(one.base(), EmbeddedApps.ADMIN_EMAIL, EmbeddedApps.ADMIN_PASSWORD);
        assertEquals(200, admin.at(two.base()).get("/staff/users").statusCode());
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnBoth() {
        Session admin = Session.signIn(one.base(), EmbeddedApps.ADMIN_EMAIL, EmbeddedApps.ADMIN_PASSWORD);
        Session onTwo = admin.at(two.base());
        assertEquals(200, onTwo.get("/staff/users").statusCode());

        assertEquals(303, admin.post("/staff/users", "/logout", Map.of()).statusCode());

        Response afterwards = onTwo.get("/staff/users");
        assertEquals(302, afterwards.statusCode(), "sent to sign in");
        assertEquals("/login", URI.create(afterwards.getHeader("Location")).getPath());
    }

    @Test
    void aRevocationOnOneInstanceStopsTheBrokerOnTheOtherAtOnce() throws Exception {
        String account = "2" + String.format("%011d", (long) (Math.random() * 99_999_999_999L));
        String roleArn = "arn:aws:iam::" + account + ":role/RolegateAccess";
        String externalId = "rg-" + UUID.randomUUID();
        aws.role(roleArn, trustPolicy(externalId), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::nothing\"}]}");
        UUID connection = rows.connection(rows.organisation("Revoked elsewhere"), "ACTIVE", account, roleArn,
                externalId, Instant.now().plus(Duration.ofDays(1)));
        String token = rows.apiToken("credentials");
        assertEquals(200, credentials(two.base(), token, connection).statusCode(), "served, and cached, by two");

        Session admin = Session.signIn(one.base(), EmbeddedApps.ADMIN_EMAIL, EmbeddedApps.ADMIN_PASSWORD);
        assertEquals(303, admin.post("/connections/" + connection, "/connections/" + connection + "/revoke",
                Map.of("reason", "Contract ended", "confirm", "yes")).statusCode());

        int callsBefore = aws.calls().size();
        assertEquals(409, credentials(two.base(), token, connection).statusCode());
        assertEquals(callsBefore, aws.calls().size(), "no AWS call for a revoked connection");
    }

    @Test
    void scheduledRechecksAcrossBothInstancesCheckEachDueConnectionOncePerRound() throws Exception {
        UUID organisation = rows.organisation("Swept by two");
        List<UUID> due = new ArrayList<>();
        for (int index = 0; index < 12; index++) {
            String account = String.format("3%011d", index);
            due.add(rows.connection(organisation, "ACTIVE", account, "arn:aws:iam::" + account + ":role/Missing",
                    "rg-" + UUID.randomUUID(), Instant.now().minusSeconds(60)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> rows.count(
                "SELECT count(*) FROM connections WHERE organisation_id = ? AND last_checked_at IS NOT NULL",
                organisation) == due.size());
        // Two more rounds on each instance: a second check of any of them would have started by then.
        double oneSwept = sweeps(one);
        double twoSwept = sweeps(two);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sweeps(one) >= oneSwept + 2 && sweeps(two) >= twoSwept + 2);

        for (UUID connection : due) {
            assertEquals(1, rows.count("SELECT count(*) FROM checks WHERE connection_id = ? AND trigger = 'SCHEDULE'",
                    connection), "checks of " + connection);
        }
        assertEquals(0, rows.count("SELECT count(*) FROM connections WHERE organisation_id = ? AND claimed_by IS NOT NULL",
                organisation), "every claim released");
    }

    @Test
    void aRegistrationMessageIsHandledByOneInstanceOnly() throws Exception {
        String account = "4" + String.format("%011d", (long) (Math.random() * 99_999_999_999L));
        UUID connection = rows.connection(rows.organisation("Registered by its stack"), "PENDING", account, null,
                "rg-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(1)));
        String bucket = "rg-" + connection.toString().substring(0, 8);
        aws.bucket(bucket, "us-east-1", account);
        aws.object(bucket, "daily.csv", "date,total\n".getBytes(StandardCharsets.UTF_8), null);
        Session admin = Session.signIn(one.base(), EmbeddedApps.ADMIN_EMAIL, EmbeddedApps.ADMIN_PASSWORD);
        Matcher launch = LAUNCH_LINK.matcher(admin.get("/connections/" + connection).asString());
        assertTrue(launch.find(), "the setup page offers Launch Stack once its template is published");
        String fragment = URI.create(launch.group(1).replace("&amp;", "&")).getRawFragment();
        Map<String, String> link = new HashMap<>();
        for (String pair : fragment.substring(fragment.indexOf('?') + 1).split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            link.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        // Both instances poll the queue; each copy of the request may reach either of them.
        aws.duplicateDeliveries(2);
        try {
            Stack stack = aws.launchStack(account, "us-east-1", link.get("stackName"), link.get("templateURL"),
                    Map.of("ExternalId", link.get("param_ExternalId")));
            assertEquals("CREATE_COMPLETE", stack.awaitCompletion(Duration.ofSeconds(60)));
        } finally {
            aws.duplicateDeliveries(0);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows.count(
                "SELECT count(*) FROM checks WHERE connection_id = ? AND trigger = 'STACK' AND finished_at IS NOT NULL",
                connection) == 1);
        assertEquals(1, rows.count("SELECT count(*) FROM registration_requests WHERE connection_id = ?", connection));
        assertEquals(1, rows.count("SELECT count(*) FROM checks WHERE connection_id = ?", connection),
                "one check although three copies of the request were delivered");
        assertEquals("ACTIVE", rows.value("SELECT status FROM connections WHERE id = ?", connection));
        assertTrue(rows.value("SELECT role_arn FROM connections WHERE id = ?", connection).startsWith(
                "arn:aws:iam::" + account + ":role/"), "the stack's role is recorded");
    }

    private static String trustPolicy(String externalId) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole",\
                "Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}""".formatted(aws.vendorAccountId(), externalId);
    }

    private static Response credentials(URL base, String token, UUID connection) {
        return RestAssured.given().baseUri(base.getProtocol() + "://" + base.getHost()).port(base.getPort())
                .header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"purpose\":\"nightly-export\",\"durationSeconds\":900}")
                .post("/api/v1/connections/" + connection + "/credentials");
    }

    /** How many sweeps the instance has run, from its Prometheus metrics on the management port. */
    private static double sweeps(PackagedApp app) throws Exception {
        String metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(app.management().toURI().resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = SWEEPS.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
