package io.rolegate.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.support.Accounts;
import io.rolegate.support.Session;

@QuarkusTest
class LoginThrottleTest {

    @Test
    void fiveWrongPasswordsPauseSignInForThatEmailOnly() {
        Account target = Accounts.customer(Accounts.organisation("Guessed"));
        Account bystander = Accounts.customer(Accounts.organisation("Bystander"));
        Session attacker = Session.anonymous();
        for (int attempt = 0; attempt < 5; attempt++) {
            attacker.postLogin(target.email, "wrong guess " + attempt).then().statusCode(303);
        }
        attacker.get("/login?error=true").then().body(containsString("The email or password is not right"));

        Session owner = Session.anonymous();
        owner.postLogin(target.email, Accounts.PASSWORD).then().statusCode(303)
                .header("Location", containsString("/login?error=true"));
        owner.get("/login?error=true").then().statusCode(200)
                .body(containsString("Too many failed sign-ins for this email."))
                .body(not(containsString("The email or password is not right")));
        owner.get("/connections").then().statusCode(302);

        Session.signIn(bystander).get("/connections").then().statusCode(200);
    }
}
