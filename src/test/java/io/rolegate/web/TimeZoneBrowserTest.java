package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Browser;
import io.rolegate.support.Connections;

/**
 * The page script reports the browser's time zone once, and every later page shows times in it (PRODUCT §10); the
 * staff console keeps account IDs and codes whole and Japanese headers unbroken inside a word.
 */
@QuarkusTest
class TimeZoneBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theBrowsersZoneIsReportedOnceAndNamedOnTheNextPages() {
        String tag = Accounts.unique();
        Organisation organisation = Accounts.organisation("Browser zone " + tag);
        Instant failingSince = Instant.parse("2026-03-01T12:00:00Z");
        Connections.create(organisation, "zoned " + tag, ConnectionStatus.FAILING, failingSince, failingSince);
        try (Browser admin = Browser.start(base, "ja")) {
            admin.timeZone("America/Sao_Paulo").open("/login");
            admin.waitFor(d -> String.valueOf(admin.script("return document.cookie")).contains("rolegate-tz=America/Sao_Paulo"));
            admin.fill("メールアドレス", "admin@test.rolegate").fill("パスワード", "admin-password-for-tests").press("サインイン");
            admin.waitForPath("/staff/connections");
            admin.open("/staff/connections?q=" + tag);
            assertEquals("時刻は America/Sao_Paulo で表示しています。", admin.byId("time-zone").getText());
            assertTrue(admin.byId("connections").getText().contains("2026-03-01 09:00"), "12:00 UTC is 09:00 in São Paulo");

            admin.script("document.querySelector('main').style.maxWidth = '30rem'");
            WebElement account = admin.all("#connections td.account-id code").get(0);
            assertEquals(1L, admin.script("return arguments[0].getClientRects().length", account),
                    "the account ID stays on one line");
            List<WebElement> headers = admin.all("#connections th");
            for (WebElement header : headers) {
                assertEquals("keep-all", admin.script("return getComputedStyle(arguments[0]).wordBreak", header),
                        header.getText());
            }
        }
    }
}
