package io.rolegate.organisation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.account.Account;
import io.rolegate.account.Invite;
import io.rolegate.account.InviteToken;
import io.rolegate.account.Role;
import io.rolegate.audit.AuditEvent;
import io.rolegate.support.Accounts;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

@QuarkusTest
class OrganisationAdministrationTest {

    /** Without {@code rolegate.public-url}, links are built on http://localhost and the port the app listens on. */
    @TestHTTPResource("/")
    URL base;

    private static final String PAGE = "/staff/organisations";

    private static Response create(Session admin, String name, String email) {
        return admin.post(PAGE, PAGE, Map.of("name", name, "email", email));
    }

    private static boolean exists(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name).isPresent());
    }

    @Test
    void creatingAnOrganisationShowsAnInviteLinkForItsFirstCustomer() {
        Account admin = Accounts.admin();
        Session session = Session.signIn(admin);
        String name = "Initech " + Accounts.unique();
        String email = "first-" + Accounts.unique() + "@initech.example";
        create(session, "  " + name + "  ", email).then().statusCode(303).header("Location", endsWith(PAGE));

        String page = session.get(PAGE).then().statusCode(200)
                .body(containsString("Organisation " + name + " was created"))
                .body(containsString(">" + name + "</td>")).extract().asString();
        String link = Invites.linkIn(page);
        assertTrue(link.startsWith(base + "invite/"), link);
        String token = Invites.tokenOf(link);

        Invite invite = QuarkusTransaction.requiringNew().call(() -> Invite.<Invite>find(
                "select i from Invite i join fetch i.organisation where i.email = ?1", email).singleResult());
        assertEquals(Role.CUSTOMER, invite.role);
        assertEquals(name, invite.organisation.name);
        assertEquals(InviteToken.hash(token), invite.tokenHash);
        assertFalse(invite.tokenHash.contains(token));
        assertEquals(7, Duration.between(invite.createdAt, invite.expiresAt).toDays());

        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "organisationId = ?1 order by id", invite.organisation.id));
        assertEquals(List.of("organisation.created", "invite.created"), events.stream().map(e -> e.action).toList());
        assertTrue(events.stream().allMatch(e -> admin.id.equals(e.actorId)));
        assertTrue(events.stream().noneMatch(e -> (e.subject + Arrays.toString(e.detailArgs)).contains(token)));

        session.get(PAGE).then().body(not(containsString(token)));
        Session.anonymous().get("/invite/" + token).then().statusCode(200).body(containsString(email));
    }

    @Test
    void theListCountsEachOrganisationsUsers() {
        Organisation organisation = Accounts.organisation("Counted");
        Accounts.customer(organisation);
        Accounts.customer(organisation);
        Session.signIn(Accounts.admin()).get(PAGE).then().statusCode(200)
                .body(containsString(">" + organisation.name + "</td>"))
                .body(containsString("class=\"number\">2</td>"));
    }

    @Test
    void aNameTakenInAnyCaseIsRefusedAndNothingIsStored() {
        Organisation existing = Accounts.organisation("Taken");
        Session session = Session.signIn(Accounts.admin());
        String email = "nobody-" + Accounts.unique() + "@example.com";
        create(session, existing.name.toUpperCase(), email).then().statusCode(400)
                .body(containsString("An organisation with this name already exists."))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"org-name-error\""))
                .body(containsString("value=\"" + email + "\""));
        assertEquals(0, Invites.inviteCount(email));
    }

    @Test
    void anEmailThatIsAlreadyAUserIsRefusedAndTheOrganisationIsNotCreated() {
        Account existing = Accounts.support();
        String name = "Twice " + Accounts.unique();
        create(Session.signIn(Accounts.admin()), name, existing.email).then().statusCode(400)
                .body(containsString("A user with this email address already exists."));
        assertFalse(exists(name));
    }

    @Test
    void badInputIsRefusedWithFieldMessagesEscapedAndNothingStored() {
        Session session = Session.signIn(Accounts.admin());
        String email = "ok-" + Accounts.unique() + "@example.com";
        create(session, "", email).then().statusCode(400).body(containsString("Enter the organisation&#39;s name."));
        create(session, "   ", email).then().statusCode(400).body(containsString("Enter the organisation&#39;s name."));
        create(session, "x".repeat(101), email).then().statusCode(400)
                .body(containsString("Use at most 100 characters for the name."));
        create(session, "Tab\there", email).then().statusCode(400)
                .body(containsString("cannot contain control characters"));
        create(session, "Right\u202Eleft", email).then().statusCode(400)
                .body(containsString("cannot contain control characters"));
        String script = "<script>alert(1)</script> " + Accounts.unique();
        create(session, script, "not an email").then().statusCode(400)
                .body(containsString("Enter a valid email address"))
                .body(containsString("aria-describedby=\"org-email-error\""))
                .body(containsString("value=\"&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")));
        String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example.com";
        create(session, "Fine", "a".repeat(60) + "@" + domain).then().statusCode(400)
                .body(containsString("at most 254 characters"));
        create(session, "Fine", "").then().statusCode(400).body(containsString("Enter the first customer&#39;s email"));
        assertEquals(0, Invites.inviteCount(email));
        assertFalse(exists(script));
    }

    @Test
    void unicodeAndMarkupInAValidNameAreStoredAndShownEscaped() {
        Session session = Session.signIn(Accounts.admin());
        String name = "株式会社 Ünïcode <b>&</b> " + Accounts.unique();
        create(session, name, "u-" + Accounts.unique() + "@example.com").then().statusCode(303);
        assertTrue(exists(name));
        session.get(PAGE).then().statusCode(200)
                .body(containsString("株式会社 Ünïcode &lt;b&gt;&amp;&lt;/b&gt;"))
                .body(not(containsString("<b>&</b>")));
    }
}
