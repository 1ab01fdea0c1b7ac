package io.rolegate.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

@QuarkusTest
class InviteTest {

    private static final String PASSWORD = "a long enough passphrase";

    private static Map<String, String> fields(String name, String password, String confirmation) {
        return Map.of("displayName", name, "password", password, "confirmation", confirmation);
    }

    private static String email() {
        return "invited-" + Accounts.unique() + "@example.com";
    }

    @Test
    void acceptingAnInviteCreatesTheAccountWhichCanThenSignIn() {
        Organisation acme = Accounts.organisation("Accept");
        String email = email();
        String token = Invites.customer(acme, email, Duration.ofDays(7));
        Session visitor = Session.anonymous();
        visitor.get("/invite/" + token).then().statusCode(200).body(containsString(email));

        visitor.post("/invite/" + token, "/invite/" + token, fields("  Ada Lovelace  ", PASSWORD, PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/login"));
        visitor.get("/login").then().statusCode(200).body(containsString("Your account is ready. Sign in with " + email));

        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow());
        assertEquals("Ada Lovelace", account.displayName);
        assertEquals(Role.CUSTOMER, account.role);
        Session.signIn(email, PASSWORD).get("/connections").then().statusCode(200);
        assertTrue(Invites.auditOf(email).stream().anyMatch(event -> event.action.equals("invite.accepted")
                && account.id.equals(event.actorId) && acme.id.equals(event.organisationId)));
        assertTrue(Invites.auditOf(email).stream().noneMatch(event -> Arrays.toString(event.detailArgs).contains(token)));
    }

    @Test
    void aUsedInviteCannotBeUsedAgain() {
        String email = email();
        String token = Invites.customer(Accounts.organisation("Reuse"), email, Duration.ofDays(7));
        Session first = Session.anonymous();
        first.post("/invite/" + token, "/invite/" + token, fields("First", PASSWORD, PASSWORD)).then().statusCode(303);

        Session second = Session.anonymous();
        second.get("/invite/" + token).then().statusCode(410).body(containsString("already been used"))
                .body(not(containsString("name=\"password\"")));
        second.post("/login", "/invite/" + token, fields("Second", PASSWORD + "!", PASSWORD + "!"))
                .then().statusCode(410).body(containsString("already been used"));
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow());
        assertEquals("First", account.displayName);
    }

    @Test
    void anExpiredInviteIsRefusedAndCreatesNothing() {
        String email = email();
        String token = Invites.customer(Accounts.organisation("Expired"), email, Duration.ofMinutes(-1));
        Session visitor = Session.anonymous();
        visitor.get("/invite/" + token).then().statusCode(410).body(containsString("has expired"));
        visitor.post("/login", "/invite/" + token, fields("Late", PASSWORD, PASSWORD))
                .then().statusCode(410).body(containsString("has expired"));
        assertNoAccount(email);
    }

    @Test
    void anUnknownInviteAnswersNotFound() {
        Session visitor = Session.anonymous();
        visitor.get("/invite/" + InviteToken.generate().value()).then().statusCode(404)
                .body(containsString("This invite link is not valid"));
        visitor.post("/login", "/invite/not-a-token", fields("Nobody", PASSWORD, PASSWORD))
                .then().statusCode(404).body(containsString("This invite link is not valid"));
    }

    @Test
    void aShortPasswordIsRefusedWithTheNameKept() {
        String email = email();
        String token = Invites.customer(Accounts.organisation("Weak"), email, Duration.ofDays(7));
        Session visitor = Session.anonymous();
        visitor.post("/invite/" + token, "/invite/" + token, fields("Grace <b>Hopper</b>", "short", "short"))
                .then().statusCode(400)
                .body(containsString("Choose a password of at least 12 and at most 128 characters."))
                .body(containsString("aria-describedby=\"invite-password-hint invite-password-error\""))
                .body(containsString("value=\"Grace &lt;b&gt;Hopper&lt;/b&gt;\""))
                .body(not(containsString("value=\"short\"")));
        visitor.post("/invite/" + token, "/invite/" + token, fields("Grace", "x".repeat(129), "x".repeat(129)))
                .then().statusCode(400).body(containsString("at most 128 characters"));
        assertNoAccount(email);
        visitor.get("/invite/" + token).then().statusCode(200);
    }

    @Test
    void aConfirmationThatDiffersIsRefused() {
        String email = email();
        String token = Invites.customer(Accounts.organisation("Mismatch"), email, Duration.ofDays(7));
        Session.anonymous().post("/invite/" + token, "/invite/" + token, fields("Alan", PASSWORD, PASSWORD + "x"))
                .then().statusCode(400)
                .body(containsString("The two passwords are not the same."))
                .body(containsString("aria-describedby=\"invite-confirmation-error\""));
        assertNoAccount(email);
    }

    @Test
    void badNamesAreRefusedWithAFieldMessage() {
        String email = email();
        String token = Invites.customer(Accounts.organisation("Names"), email, Duration.ofDays(7));
        Session visitor = Session.anonymous();
        visitor.post("/invite/" + token, "/invite/" + token, fields("   ", PASSWORD, PASSWORD))
                .then().statusCode(400).body(containsString("Enter your name."));
        visitor.post("/invite/" + token, "/invite/" + token, fields("n".repeat(101), PASSWORD, PASSWORD))
                .then().statusCode(400).body(containsString("at most 100 characters"));
        visitor.post("/invite/" + token, "/invite/" + token, fields("Line\nbreak", PASSWORD, PASSWORD))
                .then().statusCode(400).body(containsString("cannot contain control characters"));
        assertNoAccount(email);
    }

    @Test
    void anInviteWhoseEmailBecameAUserMeanwhileSaysSo() {
        Organisation organisation = Accounts.organisation("Taken");
        Account existing = Accounts.customer(organisation);
        String token = Invites.customer(organisation, existing.email.toUpperCase(), Duration.ofDays(7));
        Session visitor = Session.anonymous();
        visitor.get("/invite/" + token).then().statusCode(409).body(containsString("already exists"));
        visitor.post("/login", "/invite/" + token, fields("Twin", PASSWORD, PASSWORD)).then().statusCode(409);
        long accounts = QuarkusTransaction.requiringNew().call(() -> Account.count("lower(email) = lower(?1)", existing.email));
        assertEquals(1, accounts);
    }

    private static void assertNoAccount(String email) {
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).isPresent()));
        assertTrue(Invites.auditOf(email).stream().map(event -> event.action).noneMatch("invite.accepted"::equals));
    }
}
