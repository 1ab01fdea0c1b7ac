package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rolegate.account.Account;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;

/**
 * PRODUCT §6: a revoked connection tells its customer when it was revoked, by whom — "an administrator of {vendor}"
 * with {@code rolegate.vendor.display-name}, never a staff member's e-mail address — and why, next to the steps to
 * delete the role; staff see which administrator it was.
 */
@QuarkusTest
@TestProfile(RevocationNoticeTest.NamedVendor.class)
class RevocationNoticeTest {

    /** A vendor name with a character HTML must escape. */
    public static class NamedVendor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rolegate.vendor.display-name", "Analytics & Co");
        }
    }

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String BY_ADMIN = "an administrator of Analytics &amp; Co";
    private static final String REASON = "Contract ended on 30 November";

    @Inject
    AuditTrail audit;

    private Organisation organisation;
    private Session customer;
    private Account admin;
    private Session adminSession;
    private String id;
    private String page;

    @BeforeEach
    void rotatedThenRevokedByAnAdministrator() {
        organisation = Accounts.organisation("Revoked");
        customer = Session.signIn(Accounts.customer(organisation));
        admin = Accounts.admin();
        adminSession = Session.signIn(admin);
        id = Connections.createThroughForm(customer, Connections.form());
        page = "/connections/" + id;
        adminSession.post(page, page + "/rotation", Map.of("confirm", "yes")).then().statusCode(303);
        revoke(id, REASON);
    }

    @Test
    void theCustomersSetupPageSaysWhenByAnAdministratorOfTheVendorAndWhy() {
        String html = customer.get(page).then().statusCode(200).extract().asString();

        Connection revoked = stored(id);
        assertTrue(html.contains("<time datetime=\"" + revoked.revokedAt + "\">" + DISPLAY.format(revoked.revokedAt)
                + "</time>"), html);
        assertTrue(html.contains("<dd id=\"revoked-by\">" + BY_ADMIN + "</dd>"), html);
        assertTrue(html.contains("<dd class=\"reason\" id=\"revoke-reason\">" + REASON + "</dd>"), html);
        assertTrue(html.contains("aws iam delete-role --role-name rolegate-" + id), "the steps to delete the role");
        assertFalse(html.contains(admin.email), "no staff e-mail address anywhere on the customer's page");
        assertTrue(html.indexOf(BY_ADMIN) != html.lastIndexOf(BY_ADMIN),
                "the audit entries name the administrator the same way");
    }

    @Test
    void theCustomersListSaysWhenByWhomAndWhy() {
        String html = customer.get("/connections").then().statusCode(200).extract().asString();

        Connection revoked = stored(id);
        assertTrue(html.contains("<time datetime=\"" + revoked.revokedAt + "\">" + DISPLAY.format(revoked.revokedAt)
                + "</time>"), html);
        assertTrue(html.contains("<dd>" + BY_ADMIN + "</dd>"), html);
        assertTrue(html.contains("<dd class=\"reason\">" + REASON + "</dd>"), html);
        assertFalse(html.contains(admin.email));
    }

    @Test
    void staffSeeWhichAdministratorRevoked() {
        adminSession.get(page).then().statusCode(200)
                .body(containsString("<dd id=\"revoked-by\">" + admin.email + "</dd>"))
                .body(containsString(REASON))
                .body(not(containsString(BY_ADMIN)));
        Session.signIn(Accounts.support()).get(page).then().statusCode(200)
                .body(containsString("<dd id=\"revoked-by\">" + admin.email + "</dd>"));
    }

    @Test
    void inJapaneseTheAdministratorIsNamedTheJapaneseWay() {
        customer.request().header("Accept-Language", "ja").get(page).then().statusCode(200)
                .body(containsString("<dt>取り消し日時</dt>"))
                .body(containsString("<dd id=\"revoked-by\">Analytics &amp; Co の管理者</dd>"))
                .body(containsString(REASON));
        customer.request().header("Accept-Language", "ja").get("/connections").then().statusCode(200)
                .body(containsString("<dd>Analytics &amp; Co の管理者</dd>"));
    }

    @Test
    void aSupportEngineerIsNamedByRoleToTheCustomerToo() {
        Account support = Accounts.support();
        QuarkusTransaction.requiringNew().run(() -> audit.record(support.actor(), AuditAction.CHECK_STARTED, organisation.id,
                UUID.fromString(id), "a check", "USER"));

        customer.get(page).then().statusCode(200)
                .body(containsString("a support engineer of Analytics &amp; Co"))
                .body(not(containsString(support.email)));
        adminSession.get(page).then().statusCode(200).body(containsString(support.email));
    }

    @Test
    void aReasonWithMarkupIsShownAsText() {
        String other = Connections.createThroughForm(customer, Connections.form());
        revoke(other, "<script>alert(1)</script> & more");

        for (Session session : new Session[] { customer, adminSession }) {
            String html = session.get("/connections/" + other).then().statusCode(200).extract().asString();
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
            assertFalse(html.contains("<script>alert(1)"), html);
        }
        String list = customer.get("/connections").then().statusCode(200).extract().asString();
        assertTrue(list.contains("<dd class=\"reason\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</dd>"), list);
        assertFalse(list.contains("<script>alert(1)"));
    }

    private void revoke(String connection, String reason) {
        String path = "/connections/" + connection;
        adminSession.post(path, path + "/revoke", Map.of("reason", reason, "confirm", "yes")).then().statusCode(303);
        assertEquals(ConnectionStatus.REVOKED, stored(connection).status);
    }

    private static Connection stored(String connection) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.findById(UUID.fromString(connection)));
    }
}
