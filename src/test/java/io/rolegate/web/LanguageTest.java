package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.support.Accounts;
import io.rolegate.support.Session;

@QuarkusTest
class LanguageTest {

    @Test
    void theLanguageSwitchWinsOverAcceptLanguageOnEveryPage() {
        Session customer = Session.signIn(Accounts.customer(Accounts.organisation("Lang")));
        customer.request().header("Accept-Language", "ja").get("/connections").then().statusCode(200)
                .body(containsString("<h1>接続</h1>"));
        customer.get("/language?lang=en&return=/connections").then().statusCode(303);
        customer.request().header("Accept-Language", "ja").get("/connections").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("<h1>Connections</h1>"));
        customer.get("/language?lang=ja&return=/connections").then().statusCode(303);
        customer.request().header("Accept-Language", "en").get("/connections").then().statusCode(200)
                .body(containsString("<html lang=\"ja\">")).body(containsString("<h1>接続</h1>"));
    }
}
