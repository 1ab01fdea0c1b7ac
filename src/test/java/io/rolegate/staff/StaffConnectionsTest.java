package io.rolegate.staff;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionSearch;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckOutcome;
import io.rolegate.verification.CheckStep;
import io.rolegate.verification.CheckTrigger;
import io.rolegate.verification.DiagnosisCode;
import io.rolegate.verification.StepStatus;

@QuarkusTest
class StaffConnectionsTest {

    static Connection connection(Organisation organisation, String label, ConnectionStatus status, Instant lastChecked,
            Instant failingSince) {
        return Connections.create(organisation, label, status, lastChecked, failingSince);
    }

    @Test
    void supportFiltersFailingConnectionsAndSearchesByEveryField() {
        String tag = Accounts.unique();
        Organisation org = Accounts.organisation("Globex " + tag);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Connection failing = connection(org, "failing " + tag, ConnectionStatus.FAILING, now, now.minus(2, ChronoUnit.DAYS));
        Connection active = connection(org, "active " + tag, ConnectionStatus.ACTIVE, now, null);
        Session support = Session.signIn(Accounts.support());

        support.get("/staff/connections?status=failing&q=" + tag).then().statusCode(200)
                .body(containsString("failing " + tag)).body(not(containsString("active " + tag)))
                .body(containsString(">1 connection<"));
        support.get("/staff/connections?q=" + tag).then().body(containsString("failing " + tag))
                .body(containsString("active " + tag));
        support.request().queryParam("q", "Globex " + tag).get("/staff/connections").then()
                .body(containsString("2 connections"));
        support.get("/staff/connections?q=" + Connections.currentExternalId(active)).then().body(containsString("active " + tag))
                .body(not(containsString("failing " + tag)));
        support.get("/staff/connections?q=role/failing-" + tag).then().body(containsString("failing " + tag))
                .body(not(containsString("active " + tag)));
        support.get("/staff/connections?q=" + failing.id + "-nomatch").then().body(containsString("No connection matches"));

        String account = String.format("%012d", Math.floorMod(tag.hashCode(), 1_000_000_000_000L));
        QuarkusTransaction.requiringNew().run(() -> Connection.update("accountId = ?1 where id = ?2", account, failing.id));
        support.get("/staff/connections?q=" + account).then().body(containsString("failing " + tag))
                .body(not(containsString("active " + tag)));
        support.get("/staff/connections?q=" + account + "7").then().body(containsString("No connection matches"));
    }

    @Test
    void pagesHoldFiftyRowsAndTheSortOrdersWork() {
        String tag = Accounts.unique();
        Organisation org = Accounts.organisation("Paged " + tag);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 55; i++) {
            connection(org, String.format("row-%02d-%s", i, tag), ConnectionStatus.ACTIVE, base.plusSeconds(i * 60L), null);
        }
        Session admin = Session.signIn(Accounts.admin());
        String first = admin.get("/staff/connections?q=" + tag + "&sort=last-check").then().statusCode(200)
                .body(containsString("55 connections")).body(containsString("Page 1 of 2"))
                .extract().asString();
        assertTrue(first.indexOf("row-54-" + tag) < first.indexOf("row-53-" + tag), "newest check first");
        assertTrue(!first.contains("row-04-" + tag), "the oldest five are on page 2");
        admin.get("/staff/connections?q=" + tag + "&sort=last-check&page=2").then()
                .body(containsString("row-04-" + tag)).body(not(containsString("row-05-" + tag)))
                .body(containsString("55 connections")).body(containsString("Page 2 of 2"));
        admin.get("/staff/connections?q=" + tag + "&sort=last-check&page=3").then()
                .body(containsString("55 connections")).body(not(containsString("row-")));
        admin.get("/staff/connections?q=" + tag + "&page=not-a-number&sort=%3Cscript%3E").then().statusCode(200)
                .body(containsString("Page 1 of 2"));
    }

    @Test
    void failingLongestComesFirstWhenSortedByFailingSince() {
        String tag = Accounts.unique();
        Organisation org = Accounts.organisation("Sorted " + tag);
        Instant now = Instant.now();
        connection(org, "recent " + tag, ConnectionStatus.FAILING, now, now.minus(1, ChronoUnit.HOURS));
        connection(org, "oldest " + tag, ConnectionStatus.FAILING, now, now.minus(9, ChronoUnit.DAYS));
        String page = Session.signIn(Accounts.support()).get("/staff/connections?q=" + tag + "&sort=failing-since").asString();
        assertTrue(page.indexOf("oldest " + tag) < page.indexOf("recent " + tag));
    }

    @Test
    void staffSeeTheFullCheckTimelineWithCodesAndRequestIdsButCustomersDoNot() {
        Organisation org = Accounts.organisation("Timeline");
        Connection connection = connection(org, "timeline " + Accounts.unique(), ConnectionStatus.FAILING, Instant.now(),
                Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            Check check = new Check();
            check.id = UUID.randomUUID();
            check.connectionId = connection.id;
            check.startedAt = Instant.now();
            check.finishedAt = Instant.now();
            check.outcome = CheckOutcome.FAILED;
            check.trigger = CheckTrigger.SCHEDULE;
            check.triggeredByLabel = "system";
            check.roleArn = connection.roleArn;
            check.sessionName = "rolegate-timeline";
            check.persist();
            CheckStep step = new CheckStep();
            step.checkId = check.id;
            step.position = 2;
            step.name = "assume-role";
            step.messageKey = DiagnosisCode.TRUST_DENIED.titleKey();
            step.status = StepStatus.FAIL;
            step.code = DiagnosisCode.TRUST_DENIED.name();
            step.awsErrorCode = "AccessDenied";
            step.requestId = "req-timeline-42";
            step.durationMs = 120L;
            step.startedAt = check.startedAt;
            step.finishedAt = check.finishedAt;
            step.persist();
        });
        Session.signIn(Accounts.support()).get("/connections/" + connection.id).then().statusCode(200)
                .body(containsString("id=\"check-timeline\""))
                .body(containsString("req-timeline-42"))
                .body(containsString("AccessDenied"))
                .body(containsString("href=\"/help/codes#RG-TRUST-DENIED\""))
                .body(containsString("id=\"check-form\""));
        Session.signIn(Accounts.customer(org)).get("/connections/" + connection.id).then().statusCode(200)
                .body(not(containsString("req-timeline-42")));
    }

    @Test
    void customersAndAnonymousVisitorsCannotOpenTheConsole() {
        Session.signIn(Accounts.customer(Accounts.organisation("Cust"))).get("/staff/connections").then().statusCode(403);
        Session.anonymous().get("/staff/connections").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    /** A finished check of the connection, its last, with one failed step that found {@code code}. */
    static void lastCheckFailed(Connection connection, CheckOutcome outcome, DiagnosisCode code) {
        QuarkusTransaction.requiringNew().run(() -> {
            Check check = new Check();
            check.id = UUID.randomUUID();
            check.connectionId = connection.id;
            check.startedAt = Instant.now();
            check.finishedAt = Instant.now();
            check.outcome = outcome;
            check.trigger = CheckTrigger.SCHEDULE;
            check.triggeredByLabel = "system";
            check.roleArn = connection.roleArn;
            check.sessionName = "rolegate-console";
            check.persist();
            CheckStep passed = new CheckStep();
            passed.checkId = check.id;
            passed.position = 1;
            passed.name = "validate-arn";
            passed.messageKey = "step_passed";
            passed.status = StepStatus.PASS;
            passed.startedAt = check.startedAt;
            passed.finishedAt = check.finishedAt;
            passed.persist();
            CheckStep failed = new CheckStep();
            failed.checkId = check.id;
            failed.position = 3;
            failed.name = "negative-probes";
            failed.messageKey = code.titleKey();
            failed.status = StepStatus.FAIL;
            failed.code = code.name();
            failed.startedAt = check.startedAt;
            failed.finishedAt = check.finishedAt;
            failed.persist();
            Connection.update("lastCheckId = ?1, lastCheckOutcome = ?2 where id = ?3", check.id, outcome.name(),
                    connection.id);
        });
    }

    @Test
    void aFailingConnectionShowsItsDiagnosisCodeLinkedToItsHelpAndTheListFiltersByCode() {
        String tag = Accounts.unique();
        Organisation org = Accounts.organisation("Coded " + tag);
        Instant now = Instant.now();
        Connection insecure = connection(org, "insecure " + tag, ConnectionStatus.FAILING, now, now);
        lastCheckFailed(insecure, CheckOutcome.INSECURE, DiagnosisCode.TRUST_NO_EXTERNAL_ID);
        Connection denied = connection(org, "denied " + tag, ConnectionStatus.FAILING, now, now);
        lastCheckFailed(denied, CheckOutcome.FAILED, DiagnosisCode.S3_LIST_DENIED);
        connection(org, "healthy " + tag, ConnectionStatus.ACTIVE, now, null);
        Session support = Session.signIn(Accounts.support());

        support.get("/staff/connections?q=" + tag).then().statusCode(200)
                .body(containsString("<a href=\"/help/codes#RG-TRUST-NO-EXTERNAL-ID\"><code>RG-TRUST-NO-EXTERNAL-ID</code></a>"))
                .body(containsString("<a href=\"/help/codes#RG-S3-LIST-DENIED\"><code>RG-S3-LIST-DENIED</code></a>"))
                .body(containsString("3 connections"));
        support.get("/staff/connections?q=" + tag + "&code=RG-TRUST-NO-EXTERNAL-ID").then().statusCode(200)
                .body(containsString("insecure " + tag)).body(not(containsString("denied " + tag)))
                .body(not(containsString("healthy " + tag))).body(containsString(">1 connection<"))
                .body(containsString("<option value=\"RG-TRUST-NO-EXTERNAL-ID\" selected>"));
        support.get("/staff/connections?code=RG-S3-LIST-DENIED").then().statusCode(200)
                .body(containsString("denied " + tag)).body(not(containsString("insecure " + tag)));
        support.get("/staff/connections?q=" + tag + "&code=RG-NO-SUCH-CODE").then().statusCode(200)
                .body(containsString("3 connections"));
    }

    @Test
    void theLastOutcomeIsWordedInTheReadersLanguageNeverAsItsStoredName() {
        String tag = Accounts.unique();
        Organisation org = Accounts.organisation("Worded " + tag);
        Instant now = Instant.now();
        Connection insecure = connection(org, "insecure " + tag, ConnectionStatus.FAILING, now, now);
        lastCheckFailed(insecure, CheckOutcome.INSECURE, DiagnosisCode.TRUST_NO_EXTERNAL_ID);
        Session support = Session.signIn(Accounts.support());
        support.get("/staff/connections?q=" + tag).then().body(containsString("Insecure"))
                .body(not(containsString("INSECURE")));
        support.request().header("Accept-Language", "ja").get("/staff/connections?q=" + tag).then()
                .body(containsString("安全でない")).body(not(containsString("INSECURE")));
    }

    @Test
    void aRevokedConnectionShowsNoFailingSince() {
        String tag = Accounts.unique();
        Organisation org = Accounts.organisation("Revoked " + tag);
        Instant failingSince = Instant.parse("2026-02-03T10:11:12Z");
        connection(org, "revoked " + tag, ConnectionStatus.REVOKED, failingSince.plusSeconds(86_400), failingSince);
        connection(org, "failing " + tag, ConnectionStatus.FAILING, failingSince.plusSeconds(3600),
                failingSince.plusSeconds(3600));
        String page = Session.signIn(Accounts.support()).get("/staff/connections?q=" + tag).then().statusCode(200)
                .extract().asString();
        String revokedRow = page.substring(page.indexOf("revoked " + tag), page.indexOf("</tr>", page.indexOf("revoked " + tag)));
        assertTrue(!revokedRow.contains("2026-02-03 10:11"), revokedRow);
        assertTrue(revokedRow.contains("Revoked"), revokedRow);
        assertTrue(page.contains("2026-02-03 11:11 UTC"), "a failing connection still says since when");
    }

    @Test
    void anEmptyConsoleTellsAnAdministratorToCreateAnOrganisationFirst() {
        assertEquals(StaffConnectionResource.FirstStep.CREATE_ORGANISATION,
                StaffConnectionResource.FirstStep.of(true, 0, false, 0));
        assertEquals(StaffConnectionResource.FirstStep.AWAIT_ORGANISATION,
                StaffConnectionResource.FirstStep.of(false, 0, false, 0));
        assertEquals(StaffConnectionResource.FirstStep.NONE, StaffConnectionResource.FirstStep.of(true, 0, false, 1));
        assertEquals(StaffConnectionResource.FirstStep.NONE, StaffConnectionResource.FirstStep.of(true, 0, true, 0));
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        String page;
        try {
            page = StaffConnectionResource.Templates.list(
                    ConnectionSearch.Result.refused(ConnectionSearch.Criteria.of("", "", "", "1", Optional.empty())),
                    Map.of(), List.of(ConnectionStatus.values()), List.of(ConnectionSearch.Sort.values()),
                    List.of(DiagnosisCode.values()), StaffConnectionResource.FirstStep.CREATE_ORGANISATION).render();
        } finally {
            requestContext.terminate();
        }
        assertTrue(page.contains("Start by creating an organisation"), page);
        assertTrue(page.contains("href=\"/staff/organisations#create-title\""), page);
    }
}
