package io.rolegate.verification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Session;

/** The check routes of PRODUCT §8: who may start and see a check, the page, the JSON, and the refusals. */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class CheckResourceTest {

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckConfig config;

    @AfterEach
    void calmAws() {
        aws.clearFaults();
    }

    /** A connection without a role ARN: its check fails at step 1 and never calls AWS. */
    private static Connection connection(Organisation organisation, ConnectionStatus status) {
        return CheckFixtures.connection(organisation, CheckFixtures.randomAccount(), "us-east-1", null, Duration.ZERO,
                status, List.of(new GrantedBucket("rg-" + Accounts.unique(), null)), List.of());
    }

    /** A connection with a role ARN, so its check goes to STS. */
    private static Connection withRole(Organisation organisation) {
        String account = CheckFixtures.randomAccount();
        return CheckFixtures.connection(organisation, account, "us-east-1", "arn:aws:iam::" + account + ":role/rg",
                Duration.ofHours(1), ConnectionStatus.PENDING, List.of(new GrantedBucket("rg-" + Accounts.unique(), null)),
                List.of());
    }

    private static String start(Session session, Connection connection) {
        Response response = session.post("/help/codes", "/connections/" + connection.id + "/checks", Map.of());
        response.then().statusCode(303)
                .header("Location", matchesPattern(".*/connections/" + connection.id + "/checks/[0-9a-f-]{36}"));
        String location = response.getHeader("Location");
        return location.substring(location.indexOf("/connections/"));
    }

    private static UUID checkId(String path) {
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void customerStartsACheckAndFollowsItToTheResult() {
        Organisation organisation = Accounts.organisation("Routes");
        Connection connection = connection(organisation, ConnectionStatus.PENDING);
        Session session = Session.signIn(Accounts.customer(organisation));

        String path = start(session, connection);
        CheckFixtures.awaitFinished(checkId(path), Duration.ofSeconds(10));

        session.get(path).then().statusCode(200)
                .body(containsString("Role ARN (checked offline)"))
                .body(containsString("href=\"/help/codes#RG-ROLE-NOT-SUBMITTED\""))
                .body(containsString("Failed"))
                .body(not(containsString("http-equiv=\"refresh\"")))
                .body(not(containsString("AWS request ID")));
    }

    @Test
    void jsonCarriesOutcomeAndStepsInTheShapeOfTheProductSpec() {
        Organisation organisation = Accounts.organisation("Json");
        Connection connection = connection(organisation, ConnectionStatus.PENDING);
        Session session = Session.signIn(Accounts.customer(organisation));
        String path = start(session, connection);
        CheckFixtures.awaitFinished(checkId(path), Duration.ofSeconds(10));

        session.request().accept("application/json").get(path).then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("outcome", equalTo("FAILED"))
                .body("steps[0].name", equalTo("role-arn"))
                .body("steps[0].status", equalTo("FAIL"))
                .body("steps[0].code", equalTo("RG-ROLE-NOT-SUBMITTED"))
                .body("steps[0].message", equalTo("No role ARN submitted yet"))
                .body("steps[0].durationMs", notNullValue())
                .body("steps[0]", hasKey("awsErrorCode"))
                .body("steps[0]", hasKey("requestId"))
                .body("steps[0]", not(hasKey("detail")))
                .body("steps.name", hasItems("assume-role", "probe-without-external-id", "caller-identity",
                        "bucket-location", "list-objects", "read-object"));
        session.request().accept("application/json").header("Accept-Language", "ja").get(path).then()
                .body("steps[0].message", equalTo("ロール ARN がまだ送信されていません"));
    }

    @Test
    void staffMayStartAndSeeAnyChecksWithTheTechnicalColumns() {
        Organisation organisation = Accounts.organisation("Staff");
        Connection connection = connection(organisation, ConnectionStatus.PENDING);
        for (Account staff : List.of(Accounts.support(), Accounts.admin())) {
            Session session = Session.signIn(staff);
            String path = start(session, connection);
            CheckFixtures.awaitFinished(checkId(path), Duration.ofSeconds(10));
            session.get(path).then().statusCode(200).body(containsString("AWS request ID"));
        }
    }

    @Test
    void anotherOrganisationsCustomerGetsNotFoundEverywhere() {
        Organisation owner = Accounts.organisation("Owner");
        Connection connection = connection(owner, ConnectionStatus.PENDING);
        String path = start(Session.signIn(Accounts.customer(owner)), connection);
        Session stranger = Session.signIn(Accounts.customer(Accounts.organisation("Stranger")));

        stranger.post("/help/codes", "/connections/" + connection.id + "/checks", Map.of()).then().statusCode(404);
        stranger.get(path).then().statusCode(404);
        stranger.request().accept("application/json").get(path).then().statusCode(404);
        stranger.get("/connections/" + UUID.randomUUID() + "/checks/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        Organisation organisation = Accounts.organisation("Anon");
        Connection connection = connection(organisation, ConnectionStatus.PENDING);
        String path = start(Session.signIn(Accounts.customer(organisation)), connection);

        Session.anonymous().get(path).then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void startingWithoutTheCsrfTokenIsRejected() {
        Organisation organisation = Accounts.organisation("Csrf");
        Connection connection = connection(organisation, ConnectionStatus.PENDING);
        Session session = Session.signIn(Accounts.customer(organisation));
        session.get("/help/codes");

        session.postWithoutCsrf("/connections/" + connection.id + "/checks", Map.of()).then().statusCode(400);
        assertEquals(0, checksOf(connection));
    }

    @Test
    void tooManyChecksInAMinuteAreRefusedWithAClearMessage() {
        Organisation organisation = Accounts.organisation("Limit");
        Session session = Session.signIn(Accounts.customer(organisation));
        for (int i = 0; i < 6; i++) {
            String path = start(session, connection(organisation, ConnectionStatus.PENDING));
            CheckFixtures.awaitFinished(checkId(path), Duration.ofSeconds(10));
        }
        Connection seventh = connection(organisation, ConnectionStatus.PENDING);

        session.post("/help/codes", "/connections/" + seventh.id + "/checks", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/connections/" + seventh.id));
        session.get("/help/codes").then().body(containsString("You have started several checks in the last minute"));
        assertEquals(0, checksOf(seventh));
    }

    @Test
    void aSecondStartWhileRunningJoinsTheRunningCheck() {
        Organisation organisation = Accounts.organisation("Join");
        Connection connection = withRole(organisation);
        aws.hang(FakeAws.Service.STS, Duration.ofSeconds(30));
        String first = start(Session.signIn(Accounts.customer(organisation)), connection);
        Session colleague = Session.signIn(Accounts.customer(organisation));

        String second = start(colleague, connection);
        assertEquals(first, second);
        colleague.get(second).then().statusCode(200)
                .body(containsString("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"))
                .body(containsString("/js/check.js"))
                .body(containsString("A check of this connection was already running"));
        colleague.request().accept("application/json").get(second).then().body("outcome", equalTo("RUNNING"));
        aws.releaseHangs();
        CheckFixtures.awaitFinished(checkId(first), Duration.ofSeconds(15));
        assertEquals(1, checksOf(connection));
    }

    @Test
    void aRunningCheckShowsTheStepsDoneAndTheStepUnderWay() {
        Organisation organisation = Accounts.organisation("Progress");
        Connection connection = withRole(organisation);
        aws.hang(FakeAws.Service.STS, Duration.ofSeconds(30));
        Session session = Session.signIn(Accounts.customer(organisation));
        String check = start(session, connection);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> session.request()
                .accept("application/json").get(check).then()
                .body("outcome", equalTo("RUNNING"))
                .body("steps.find { it.name == 'role-arn' }.status", equalTo("PASS"))
                .body("steps.find { it.name == 'assume-role' }.status", equalTo("RUNNING")));
        session.get(check).then().body(containsString("Running…"));
        aws.releaseHangs();
        CheckFixtures.awaitFinished(checkId(check), Duration.ofSeconds(15));
        session.request().accept("application/json").get(check).then()
                .body("outcome", not(equalTo("RUNNING")))
                .body("steps.status", not(hasItems("RUNNING")));
    }

    @Test
    void aCheckWaitingForIamPropagationListsEveryPlannedStepAndSaysHowLongItKeepsTrying() {
        Organisation organisation = Accounts.organisation("Propagation");
        String account = CheckFixtures.randomAccount();
        String bucket = "rg-" + Accounts.unique();
        Connection connection = CheckFixtures.connection(organisation, account, "us-east-1",
                "arn:aws:iam::" + account + ":role/just-created", Duration.ofSeconds(10), ConnectionStatus.PENDING,
                List.of(new GrantedBucket(bucket, "reports/")), List.of());
        Session session = Session.signIn(Accounts.customer(organisation));
        String check = start(session, connection);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> session.request()
                .accept("application/json").get(check).then()
                .body("outcome", equalTo("RUNNING"))
                .body("steps.find { it.name == 'assume-role' }.code", equalTo("RG-TRUST-PROPAGATING")));
        String message = session.request().accept("application/json").get(check).then().extract()
                .path("steps.find { it.name == 'assume-role' }.message");
        Matcher seconds = Pattern.compile("AWS denied it\\. If you created or changed the role in the last minute, IAM "
                + "may still be propagating the change: we keep trying for another (\\d+) s\\.").matcher(message);
        assertTrue(seconds.matches(), message);
        long left = Long.parseLong(seconds.group(1));
        long most = Math.min(config.propagationWindow().minusSeconds(10).toSeconds(), config.deadline().toSeconds());
        assertTrue(left <= most && left >= most - 10,
                "the propagation window from the submission 10 s before, or the deadline, less the time since: " + left);
        session.request().accept("application/json").header("Accept-Language", "ja").get(check).then()
                .body("steps.find { it.name == 'assume-role' }.message", matchesPattern("AWS は拒否しました。.*あと \\d+ 秒再試行を続けます。"));

        String page = session.get(check).then().statusCode(200).extract().asString();
        assertTrue(page.contains("we keep trying for another"), page);
        for (int position = 1; position <= 8; position++) {
            assertTrue(page.contains("data-position=\"" + position + "\""), "step " + position + " is listed");
        }
        assertEquals(6, Pattern.compile("data-status=\"PENDING\"").matcher(page).results().count(),
                "the probes, the identity and the bucket's three steps wait their turn");
        assertTrue(page.contains("Not started yet") && page.contains(bucket + "/reports/"), page);
        assertTrue(page.contains("Refresh now") && page.contains("http-equiv=\"refresh\""), page);
        // its AssumeRole retries must not run on into the next tests' logs of AWS calls
        CheckFixtures.awaitFinished(checkId(check), config.deadline().plusSeconds(5));
    }

    @Test
    void revokedConnectionIsRefusedWithoutAnyCallToAws() {
        Organisation organisation = Accounts.organisation("Revoked");
        Connection connection = withRole(organisation);
        QuarkusTransaction.requiringNew().run(() -> Connection.update("status = ?1 where id = ?2",
                ConnectionStatus.REVOKED, connection.id));
        aws.clearCalls();

        Session session = Session.signIn(Accounts.customer(organisation));
        session.post("/help/codes", "/connections/" + connection.id + "/checks", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/connections/" + connection.id));
        session.get("/help/codes").then().body(containsString("This connection is revoked"));
        assertEquals(0, checksOf(connection));
        assertTrue(aws.calls().isEmpty());
    }

    @Test
    void helpPageListsEveryCodeWithAnAnchorForEveryoneInBothLanguages() {
        Response english = Session.anonymous().get("/help/codes");
        english.then().statusCode(200)
                .body(containsString("AWS gives this same answer when the role does not exist"));
        for (DiagnosisCode code : DiagnosisCode.values()) {
            assertTrue(english.asString().contains("id=\"" + code.id() + "\""), code.id());
        }
        Session.anonymous().request().header("Accept-Language", "ja").get("/help/codes").then().statusCode(200)
                .body(containsString("診断コード"))
                .body(containsString("id=\"RG-TRUST-DENIED\""));
    }

    private static long checksOf(Connection connection) {
        return QuarkusTransaction.requiringNew().call(() -> Check.count("connectionId", connection.id));
    }
}
