package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/** A forged cross-site form carries no CSRF token (or a stale one): every POST refuses it and changes nothing. */
@QuarkusTest
class CsrfTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void creatingAnOrganisationWithoutTheTokenIsRefused() {
        Session admin = Session.signIn(Accounts.admin());
        admin.get("/staff/organisations");
        String name = "Forged " + Accounts.unique();
        String email = "f-" + Accounts.unique() + "@example.com";
        admin.postWithoutCsrf("/staff/organisations", Map.of("name", name, "email", email)).then().statusCode(400);
        for (String forged : new String[] {"not-the-token", "AAAAAAAAAAAAAAAAAAAAAA"}) {
            admin.request().formParams(Map.of("name", name, "email", "g@example.com", "csrf-token", forged))
                    .post("/staff/organisations").then().statusCode(400);
        }
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name).isPresent()));
    }

    @Test
    void aBrowserRefusedForAMissingTokenSeesTheErrorPageNotABlankOne() {
        Session admin = Session.signIn(Accounts.admin());
        admin.get("/staff/users");
        admin.request().accept("text/html").formParams(Map.of("email", "x@example.com", "role", "admin"))
                .post("/staff/invites").then().statusCode(400)
                .body(containsString("The request could not be processed"));
    }

    @Test
    void invitingWithoutTheTokenIsRefused() {
        Session admin = Session.signIn(Accounts.admin());
        admin.get("/staff/users");
        String email = "forged-" + Accounts.unique() + "@example.com";
        admin.postWithoutCsrf("/staff/invites", Map.of("email", email, "role", "admin")).then().statusCode(400);
        assertEquals(0, Invites.inviteCount(email));
    }

    @Test
    void deactivatingWithoutTheTokenIsRefused() {
        Account target = Accounts.support();
        Session admin = Session.signIn(Accounts.admin());
        admin.get("/staff/users");
        admin.postWithoutCsrf("/staff/users/" + target.id + "/deactivate", Map.of()).then().statusCode(400);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(target.id).active));
    }

    @Test
    void acceptingAnInviteWithoutTheTokenIsRefused() {
        String email = "forged-" + Accounts.unique() + "@example.com";
        String token = Invites.create(email, Role.SUPPORT, null, Duration.ofDays(1));
        Session visitor = Session.anonymous();
        visitor.get("/invite/" + token);
        visitor.postWithoutCsrf("/invite/" + token, Map.of("displayName", "Eve", "password", PASSWORD,
                "confirmation", PASSWORD)).then().statusCode(400);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).isPresent()));
        visitor.get("/invite/" + token).then().statusCode(200);
    }

    @Test
    void signingOutWithoutTheTokenIsRefused() {
        Session customer = Session.signIn(Accounts.customer(Accounts.organisation("Forged")));
        customer.get("/connections");
        customer.postWithoutCsrf("/logout", Map.of()).then().statusCode(400);
        customer.get("/connections").then().statusCode(200);
    }

    @Test
    void signingInWithoutTheTokenIsRefused() {
        Account customer = Accounts.customer(Accounts.organisation("Forged"));
        Map<String, String> credentials = Map.of("j_username", customer.email, "j_password", Accounts.PASSWORD);
        Session visitor = Session.anonymous();
        visitor.postWithoutCsrf("/j_security_check", credentials).then().statusCode(400);
        visitor.get("/login");
        visitor.postWithoutCsrf("/j_security_check", credentials).then().statusCode(400);
        for (String forged : new String[] {"not-the-token", "AAAAAAAAAAAAAAAAAAAAAA"}) {
            visitor.request().formParams(credentials).formParam("csrf-token", forged).post("/j_security_check")
                    .then().statusCode(400);
        }
        visitor.request().accept("text/html").formParams(credentials).post("/j_security_check").then().statusCode(400)
                .body(containsString("The request could not be processed"));
        assertFalse(visitor.cookies().containsKey("rolegate-session"));
        visitor.get("/connections").then().statusCode(302);
    }
}
