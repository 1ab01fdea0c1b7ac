package io.rolegate.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Session;

@QuarkusTest
class LoginTest {

    @Test
    void customerLandsOnConnectionsAndStaffOnTheStaffConsole() {
        Organisation acme = Accounts.organisation("Acme");
        Session.signIn(Accounts.customer(acme)).get("/").then().statusCode(303)
                .header("Location", endsWith("/connections"));
        Session.signIn(Accounts.support()).get("/").then().statusCode(303)
                .header("Location", endsWith("/staff/connections"));
    }

    @Test
    void wrongPasswordShowsTheFailureOnTheSignInPage() {
        Account customer = Accounts.customer(Accounts.organisation("Wrong"));
        Session session = Session.anonymous();
        session.postLogin(customer.email, "not the password").then().statusCode(303)
                .header("Location", containsString("/login?error=true"));
        session.get("/login?error=true").then().statusCode(200)
                .body(containsString("The email or password is not right"));
    }

    @Test
    void signingOutEndsTheSession() {
        Session session = Session.signIn(Accounts.admin());
        session.post("/staff/connections", "/logout", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/login"));
        session.get("/").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void signingOutEndsTheSessionForEveryCopyOfItsCookie() {
        Session session = Session.signIn(Accounts.customer(Accounts.organisation("Copied")));
        Session copy = session.copy();
        copy.get("/connections").then().statusCode(200);
        session.post("/connections", "/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/login"));
        copy.get("/connections").then().statusCode(302).header("Location", equalTo("/login"));
        session.get("/connections").then().statusCode(302).header("Location", equalTo("/login"));
    }

    @Test
    void signingInLeadsBackToThePageFirstAskedFor() {
        Account admin = Accounts.admin();
        Session session = Session.anonymous();
        session.get("/staff/users?page=1").then().statusCode(302).header("Location", equalTo("/login"));
        session.postLogin(admin.email, Accounts.PASSWORD).then().statusCode(303)
                .header("Location", equalTo("/staff/users?page=1"));
        session.get("/staff/users").then().statusCode(200);
    }

    @Test
    void aReturnPathOnAnotherSiteLeadsHomeInstead() {
        Account admin = Accounts.admin();
        for (String elsewhere : new String[] {"//evil.test/", "https://evil.test/", "/\\evil.test"}) {
            Session session = Session.anonymous();
            session.cookies().put("rolegate-return", elsewhere);
            session.postLogin(admin.email, Accounts.PASSWORD).then().statusCode(303).header("Location", equalTo("/"));
        }
    }
}
