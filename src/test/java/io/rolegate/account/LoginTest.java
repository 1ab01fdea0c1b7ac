package io.rolegate.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

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
        session.postLogin(customer.email, "not the password").then().statusCode(302)
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
}
