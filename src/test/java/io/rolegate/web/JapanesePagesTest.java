package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.account.Account;
import io.rolegate.audit.AuditEvent;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;

/**
 * A Japanese customer, support engineer and administrator never read a raw internal form (PRODUCT §10): every page
 * they reach, after a connection went through checks by a customer and by staff, a status change, an edit, a
 * rotation started and cancelled and a revocation, is searched for dotted action names, stored enum names, enum
 * transitions and the English sentences the audit trail used to store; customers never see a staff e-mail address.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class JapanesePagesTest {

    private static final Pattern ACTION = Pattern.compile(
            "\\b(?:check|connection|external-id|invite|user|organisation|api-token|credentials)\\.[a-z][a-z-]+\\b");
    private static final Pattern ENUM = Pattern.compile("\\b(?:PENDING|ACTIVE|FAILING|INSECURE|REVOKED|PASSED|FAILED"
            + "|INCONCLUSIVE|RUNNING|USER|ADMIN|SUPPORT|CUSTOMER|SCHEDULE|ROTATION|CANCELLED|PASS|FAIL|WARN|SKIP)\\b");
    private static final Pattern TRANSITION = Pattern.compile("[A-Z_]{3,}\\s*→\\s*[A-Z_]{3,}");
    private static final Pattern SYSTEM_ACTOR = Pattern.compile("\\bsystem\\b|api-token:");
    private static final Pattern SCOPES = Pattern.compile("\\bscopes (?:read|credentials|manage)");
    private static final List<String> ENGLISH = List.of("new external ID issued", "previous still accepted",
            "previous is current again", "a new rotation started", "rotation cancelled", "a person", "role=",
            "from PENDING", "from ACTIVE", "account 2", "Failing since", "UTC");

    @InjectFakeAws
    FakeAws aws;

    @Test
    void noJapanesePageShowsARawActionEnumOrInternalAddress() {
        ActiveConnections.Setup active = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        UUID id = active.connectionId();
        Account customerAccount = Accounts.customer(active.organisation());
        Account supportAccount = Accounts.support();
        Account adminAccount = Accounts.admin();
        Session customer = japanese(Session.signIn(customerAccount));
        Session support = japanese(Session.signIn(supportAccount));
        Session admin = japanese(Session.signIn(adminAccount));
        String setup = "/connections/" + id;

        UUID byCustomer = startCheck(customer, id);
        awaitFinished(byCustomer);
        UUID byStaff = startCheck(support, id);
        awaitFinished(byStaff);
        customer.post(setup + "/edit", setup + "/resources", Map.of("label", "日次レポート",
                "buckets", active.bucket() + "/" + ActiveConnections.PREFIX, "kmsKeyArns", "")).then().statusCode(303);
        admin.post(setup, setup + "/rotation", Map.of("confirm", "yes")).then().statusCode(303);
        customer.post(setup, setup + "/rotation/cancel", Map.of()).then().statusCode(303);
        customer.post(setup, setup + "/rotation", Map.of("confirm", "yes")).then().statusCode(303);

        Connection revoked = Connections.create(active.organisation(), "取り消す接続 " + Accounts.unique(),
                ConnectionStatus.FAILING, Instant.now(), Instant.now());
        String revokedPage = "/connections/" + revoked.id;
        admin.post(revokedPage, revokedPage + "/revoke", Map.of("reason", "契約終了", "confirm", "yes")).then()
                .statusCode(303);
        for (String action : List.of("check.started", "check.finished", "connection.status-changed",
                "connection.rotation-started", "connection.rotation-cancelled", "external-id.retired",
                "connection.edited")) {
            assertTrue(recorded(id, action), action + " is on the page walked");
        }
        assertTrue(recorded(revoked.id, "connection.revoked"));

        String checkPage = setup + "/checks/" + byStaff;
        List<String> customerPages = List.of("/connections", setup, revokedPage, checkPage, setup + "/checks/" + byCustomer,
                "/connections/new", setup + "/edit", "/help/codes");
        List<String> staffPages = List.of("/staff/connections", "/staff/connections?status=failing",
                "/staff/connections?q=" + active.account(), "/staff/audit", "/staff/audit?connection=" + id,
                "/staff/audit?connection=" + revoked.id, setup, revokedPage, checkPage, "/help/codes");
        List<String> adminPages = List.of("/staff/users", "/staff/organisations", "/staff/api-tokens");

        List<String> problems = new ArrayList<>();
        for (String page : customerPages) {
            String html = walk(customer, page, problems);
            for (Account staff : List.of(supportAccount, adminAccount)) {
                if (html.contains(staff.email)) {
                    problems.add(page + " (customer): shows the staff address " + staff.email);
                }
            }
        }
        for (String page : staffPages) {
            walk(support, page, problems);
            walk(admin, page, problems);
        }
        for (String page : adminPages) {
            walk(admin, page, problems);
        }
        assertEquals(List.of(), problems);

        String history = customer.get(setup).asString();
        assertTrue(history.contains("保留中 → 有効"), "the status change in words");
        assertTrue(history.contains("新しい外部 ID を発行しました"), "the rotation in words");
        assertTrue(history.contains("サービス提供元のサポート担当者"), "the support engineer's check, by role");
        assertTrue(history.contains(customerAccount.email), "a customer's own colleague is named");
        assertTrue(support.get(setup).asString().contains(supportAccount.email), "staff see the person");
        assertTrue(customer.get(checkPage).asString().contains("サービス提供元のサポート担当者"),
                "the check page names who started it by role");
        assertTrue(support.get(checkPage).asString().contains("<dd>" + supportAccount.email + "</dd>"),
                "and names the person to staff");
    }

    private static Session japanese(Session session) {
        session.get("/language?lang=ja&return=/").then().statusCode(303);
        return session;
    }

    private static UUID startCheck(Session session, UUID connectionId) {
        Response started = session.post("/connections/" + connectionId, "/connections/" + connectionId + "/checks",
                Map.of());
        started.then().statusCode(303);
        String location = started.getHeader("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static void awaitFinished(UUID checkId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> !Check.<Check>findById(checkId).isRunning()));
    }

    private static boolean recorded(UUID connectionId, String action) {
        return QuarkusTransaction.requiringNew().call(
                () -> AuditEvent.count("connectionId = ?1 and action = ?2", connectionId, action)) > 0;
    }

    /** Opens the page in Japanese and adds every raw form in its visible text to {@code problems}; returns the HTML. */
    private static String walk(Session session, String page, List<String> problems) {
        Response response = session.get(page);
        String html = response.asString();
        if (response.statusCode() != 200) {
            problems.add(page + ": status " + response.statusCode());
            return html;
        }
        if (!html.contains("<html lang=\"ja\">")) {
            problems.add(page + ": not in Japanese");
        }
        String text = visibleText(html);
        for (Pattern pattern : List.of(ACTION, ENUM, TRANSITION, SYSTEM_ACTOR, SCOPES)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                problems.add(page + ": \"" + matcher.group() + "\" in …" + around(text, matcher.start()) + "…");
            }
        }
        for (String english : ENGLISH) {
            int at = text.indexOf(english);
            if (at >= 0) {
                problems.add(page + ": \"" + english + "\" in …" + around(text, at) + "…");
            }
        }
        return html;
    }

    /**
     * What a reader sees: the text outside tags, without the generated artifacts ({@code pre}: policies, templates and
     * commands are AWS's language), published diagnosis codes ({@code RG-CONNECTION-REVOKED} is a name) and e-mail
     * addresses (people's own, whatever their case; whose address a customer may see is checked on the HTML).
     */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<pre.*?</pre>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("RG-[A-Z0-9-]+", " ").replaceAll("[^\\s<>]+@[^\\s<>]+", " ").replaceAll("\\s+", " ");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60));
    }
}
