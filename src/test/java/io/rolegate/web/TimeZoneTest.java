package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rolegate.connection.Connection;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckOutcome;
import io.rolegate.verification.CheckTrigger;

/**
 * Times in the viewer's zone, named, to the second in the check history (PRODUCT §10): the zone the browser reported in
 * the {@code rolegate-tz} cookie, else UTC for English and Asia/Tokyo for Japanese.
 */
@QuarkusTest
class TimeZoneTest {

    /** Three checks within one minute. */
    private static final Instant[] STARTS = { Instant.parse("2026-01-15T04:08:01Z"), Instant.parse("2026-01-15T04:08:21Z"),
            Instant.parse("2026-01-15T04:08:41Z") };

    private Session customer;
    private String page;

    @BeforeEach
    void threeChecksInOneMinute() {
        Organisation organisation = Accounts.organisation("Zones");
        Connection connection = Connections.create(organisation, "zones " + Accounts.unique());
        QuarkusTransaction.requiringNew().run(() -> {
            for (Instant start : STARTS) {
                Check check = new Check();
                check.id = UUID.randomUUID();
                check.connectionId = connection.id;
                check.startedAt = start;
                check.finishedAt = start.plusSeconds(2);
                check.outcome = CheckOutcome.PASSED;
                check.trigger = CheckTrigger.SCHEDULE;
                check.triggeredByLabel = "system";
                check.roleArn = connection.roleArn;
                check.sessionName = "rolegate-zones";
                check.persist();
            }
        });
        customer = Session.signIn(Accounts.customer(organisation));
        page = "/connections/" + connection.id;
    }

    private ValidatableResponse view(String language, String zoneCookie) {
        var request = customer.request().header("Accept-Language", language);
        if (zoneCookie != null) {
            request.cookie(ViewerZone.COOKIE, zoneCookie);
        }
        return request.get(page).then().statusCode(200);
    }

    @Test
    void theZoneTheBrowserReportedIsUsedAndNamedToTheSecond() {
        view("en", "America/New_York")
                .body(containsString("2026-01-14 23:08:01 EST"))
                .body(containsString("2026-01-14 23:08:21 EST"))
                .body(containsString("2026-01-14 23:08:41 EST"))
                .body(containsString("Times are shown in America/New_York."))
                .body(not(containsString("04:08:41 UTC")));
        view("ja", "Europe/Berlin")
                .body(containsString("2026-01-15 05:08:41 CET"))
                .body(containsString("時刻は Europe/Berlin で表示しています。"));
    }

    @Test
    void withoutAReportEnglishReadsUtcAndJapaneseTokyoTime() {
        view("en", null)
                .body(containsString("2026-01-15 04:08:01 UTC"))
                .body(containsString("2026-01-15 04:08:41 UTC"))
                .body(containsString("Times are shown in UTC."));
        view("ja", null)
                .body(containsString("2026-01-15 13:08:01 JST"))
                .body(containsString("2026-01-15 13:08:41 JST"))
                .body(containsString("時刻は Asia/Tokyo で表示しています。"))
                .body(not(containsString("04:08:41 UTC")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mars/Olympus_Mons", "../../etc/passwd", "+25:00", "%3Cscript%3E", "" })
    void aCookieThatNamesNoZoneIsIgnored(String cookie) {
        view("en", cookie)
                .body(containsString("2026-01-15 04:08:41 UTC"))
                .body(containsString("Times are shown in UTC."));
        view("ja", cookie)
                .body(containsString("2026-01-15 13:08:41 JST"));
    }
}
