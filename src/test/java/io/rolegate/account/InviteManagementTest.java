package io.rolegate.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/**
 * PRODUCT §1: open invites are listed; an administrator can show a link again (the same, working link, although the
 * database keeps no token: docs/invites.md), re-send it (a new link, the old one dead) or cancel it (the link dead).
 * Without e-mail configured nothing is queued and the pages show the links.
 */
@QuarkusTest
class InviteManagementTest {

    private static final String USERS = "/staff/users";

    private record Issued(Session admin, String email, String link, UUID id) {
        String page() {
            return "/staff/invites/" + id;
        }
    }

    private static Issued invite() {
        Organisation organisation = Accounts.organisation("Invites");
        Session admin = Session.signIn(Accounts.admin());
        String email = "invitee-" + Accounts.unique() + "@example.com";
        admin.post(USERS, "/staff/invites", Map.of("email", email, "role", "customer",
                "organisationId", organisation.id.toString())).then().statusCode(303).header("Location", endsWith(USERS));
        String page = admin.get(USERS).then().statusCode(200).extract().asString();
        String link = Invites.linkIn(page);
        assertTrue(page.contains("<a id=\"issued-link\" href=\"" + link + "\">" + link + "</a>"),
                "the new link is a link: " + page);
        return new Issued(admin, email, link, invite(email).id);
    }

    private static Invite invite(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Invite.<Invite>find("email", email).singleResult());
    }

    private static String path(String link) {
        return "/invite/" + Invites.tokenOf(link);
    }

    @Test
    void theNewLinkIsALinkWithACopyButtonThatOnlyScriptsReveal() {
        Issued issued = invite();
        String page = issued.admin().get(issued.page()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<button type=\"button\" class=\"copy\" data-copy-target=\"invite-link\" "
                + "data-copied-label=\"Copied\" hidden>Copy link</button>"), page);
    }

    @Test
    void showingTheLinkAgainShowsTheSameWorkingLinkWhichTheDatabaseDoesNotHold() {
        Issued issued = invite();
        issued.admin().get(USERS).then().statusCode(200)
                .body(containsString("href=\"/staff/invites/" + issued.id() + "\""))
                .body(not(containsString(issued.link())));

        issued.admin().get(issued.page()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<a id=\"invite-link\" href=\"" + issued.link() + "\">" + issued.link() + "</a>"));
        issued.admin().get(issued.page()).then().body(containsString(issued.link()));

        String token = Invites.tokenOf(issued.link());
        Invite stored = invite(issued.email());
        assertEquals(InviteToken.hash(token), stored.tokenHash);
        assertNotNull(stored.tokenNonce);
        assertFalse(stored.tokenNonce.contains(token) || token.contains(stored.tokenNonce));
        Session.anonymous().get(path(issued.link())).then().statusCode(200).body(containsString(issued.email()));
    }

    @Test
    void reSendingIssuesANewLinkAndTheOldOneNoLongerWorks() {
        Issued issued = invite();
        Instant expiresBefore = invite(issued.email()).expiresAt;
        issued.admin().post(issued.page(), issued.page() + "/resend", Map.of())
                .then().statusCode(303).header("Location", endsWith(issued.page()));

        String page = issued.admin().get(issued.page()).then().statusCode(200)
                .body(containsString("The new link for " + issued.email() + " is below")).extract().asString();
        String renewed = Invites.linkIn(page);
        assertNotEquals(issued.link(), renewed);
        Session.anonymous().get(path(issued.link())).then().statusCode(404);
        Session.anonymous().get(path(renewed)).then().statusCode(200);
        assertTrue(invite(issued.email()).expiresAt.isAfter(expiresBefore), "a new link is valid for 7 days again");
        assertTrue(Invites.auditOf(issued.email()).stream().anyMatch(event -> event.action.equals("invite.resent")));
        assertTrue(Invites.auditOf(issued.email()).stream()
                .noneMatch(event -> String.valueOf(event.detail).contains(Invites.tokenOf(renewed))));
    }

    @Test
    void cancellingKillsTheLinkAndTheInviteLeavesTheList() {
        Issued issued = invite();
        issued.admin().post(issued.page(), issued.page() + "/cancel", Map.of())
                .then().statusCode(303).header("Location", endsWith(USERS));

        issued.admin().get(USERS).then().statusCode(200)
                .body(containsString("The invite for " + issued.email() + " is cancelled"))
                .body(not(containsString("<td>" + issued.email() + "</td>")));
        Session.anonymous().get(path(issued.link())).then().statusCode(410).body(containsString("was cancelled"));
        Session.anonymous().post("/login", path(issued.link()), Map.of("displayName", "Late",
                "password", "a long enough passphrase", "confirmation", "a long enough passphrase")).then().statusCode(410);
        issued.admin().get(issued.page()).then().statusCode(404);
        issued.admin().post(USERS, issued.page() + "/resend", Map.of()).then().statusCode(404);
        issued.admin().post(USERS, issued.page() + "/cancel", Map.of()).then().statusCode(404);
        assertTrue(Invites.auditOf(issued.email()).stream().anyMatch(event -> event.action.equals("invite.cancelled")));
    }

    @Test
    void onlyAdministratorsManageInvites() {
        Issued issued = invite();
        Organisation organisation = Accounts.organisation("Not admin");
        for (Session other : List.of(Session.signIn(Accounts.customer(organisation)), Session.signIn(Accounts.support()))) {
            other.get(issued.page()).then().statusCode(403).body(not(containsString(issued.link())));
            String csrf = other.csrfToken("/help/codes");
            other.request().formParam("csrf-token", csrf).post(issued.page() + "/resend").then().statusCode(403);
            other.request().formParam("csrf-token", csrf).post(issued.page() + "/cancel").then().statusCode(403);
        }
        Session.anonymous().get(issued.page()).then().statusCode(302).header("Location", endsWith("/login"));
        Session.anonymous().get(path(issued.link())).then().statusCode(200);
    }

    @Test
    void reSendAndCancelNeedTheCsrfToken() {
        Issued issued = invite();
        issued.admin().postWithoutCsrf(issued.page() + "/resend", Map.of()).then().statusCode(400);
        issued.admin().postWithoutCsrf(issued.page() + "/cancel", Map.of()).then().statusCode(400);
        Session.anonymous().get(path(issued.link())).then().statusCode(200);
    }

    @Test
    void idsThatNameNoOpenInviteAre404() {
        Session admin = Session.signIn(Accounts.admin());
        for (String id : List.of("not-a-uuid", UUID.randomUUID().toString())) {
            admin.get("/staff/invites/" + id).then().statusCode(404);
            admin.post(USERS, "/staff/invites/" + id + "/resend", Map.of()).then().statusCode(404);
            admin.post(USERS, "/staff/invites/" + id + "/cancel", Map.of()).then().statusCode(404);
        }
        String email = "expired-" + Accounts.unique() + "@example.com";
        Invites.customer(Accounts.organisation("Expired"), email, Duration.ofMinutes(-1));
        UUID expired = invite(email).id;
        admin.get("/staff/invites/" + expired).then().statusCode(404);
        admin.post(USERS, "/staff/invites/" + expired + "/resend", Map.of()).then().statusCode(404);
    }

    @Test
    void aUsedInviteCanBeNeitherShownNorReSent() {
        Issued issued = invite();
        String password = "a long enough passphrase";
        Session.anonymous().post(path(issued.link()), path(issued.link()),
                Map.of("displayName", "Used", "password", password, "confirmation", password)).then().statusCode(303);
        issued.admin().get(issued.page()).then().statusCode(404);
        issued.admin().post(USERS, issued.page() + "/resend", Map.of()).then().statusCode(404);
    }

    @Test
    void anInviteFromBeforeDerivedLinksCannotBeShownButCanBeReSent() {
        String email = "older-" + Accounts.unique() + "@example.com";
        String token = Invites.customer(Accounts.organisation("Older"), email, Duration.ofDays(7));
        Session admin = Session.signIn(Accounts.admin());
        String page = "/staff/invites/" + invite(email).id;
        admin.get(page).then().statusCode(200).body(containsString("cannot be shown again"))
                .body(not(containsString(token)));

        admin.post(page, page + "/resend", Map.of()).then().statusCode(303);
        String renewed = Invites.linkIn(admin.get(page).asString());
        Session.anonymous().get("/invite/" + token).then().statusCode(404);
        Session.anonymous().get(path(renewed)).then().statusCode(200);
    }

    @Test
    void withoutEmailConfiguredNothingIsQueued() {
        Issued issued = invite();
        long queued = QuarkusTransaction.requiringNew().call(() -> ((Number) Invite.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM mail_outbox WHERE invite_id = ?1")
                .setParameter(1, issued.id()).getSingleResult()).longValue());
        assertEquals(0, queued);
    }
}
