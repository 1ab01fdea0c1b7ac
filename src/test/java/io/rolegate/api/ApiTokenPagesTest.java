package io.rolegate.api;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.audit.AuditEvent;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Session;

@QuarkusTest
class ApiTokenPagesTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token\">(rgt_[A-Za-z0-9_-]{43})</code>");

    private Session admin;

    @BeforeEach
    void signIn() {
        admin = Session.signIn(Accounts.admin());
    }

    private String create(String name, List<String> scopes) {
        admin.post("/staff/api-tokens", "/staff/api-tokens", Map.of("name", name, "scopes", scopes))
                .then().statusCode(303);
        String page = admin.get("/staff/api-tokens").then().statusCode(200).extract().asString();
        Matcher token = NEW_TOKEN.matcher(page);
        assertTrue(token.find(), "the new token is shown after creation");
        return token.group(1);
    }

    private static long tokens(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.count("name", name));
    }

    @Test
    void aNewTokenIsShownOnceStoredOnlyAsAHashAndWorksWithItsScopes() {
        String name = "exporter " + Accounts.unique();
        String token = create(name, List.of("read", "credentials"));

        admin.get("/staff/api-tokens").then().statusCode(200)
                .body(not(containsString(token)))
                .body(containsString(name))
                .body(containsString("read,credentials"));
        ApiToken stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("name", name).singleResult());
        assertEquals(ApiTokenSecret.hash(token), stored.tokenHash);
        assertFalse(stored.tokenHash.contains(token));
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>list("action = ?1 and subject = ?2", "api-token.created", name));
        assertEquals(1, events.size());
        assertFalse(String.join(" ", events.get(0).detailArgs).contains(token));

        ApiClient.withToken(token).request().get("/api/v1/connections").then().statusCode(200);
        ApiClient.withToken(token).request().body("{\"name\":\"X\",\"email\":\"x@example.com\"}")
                .post("/api/v1/organisations").then().statusCode(403);
    }

    @Test
    void revokingATokenRefusesItAtOnceAndIsAudited() {
        String name = "revoked " + Accounts.unique();
        String token = create(name, List.of("read"));
        ApiClient.withToken(token).request().get("/api/v1/connections").then().statusCode(200);
        String id = QuarkusTransaction.requiringNew().call(() ->
                ApiToken.<ApiToken>find("name", name).singleResult().id.toString());

        admin.postWithoutCsrf("/staff/api-tokens/" + id + "/revoke", Map.of()).then().statusCode(400);
        ApiClient.withToken(token).request().get("/api/v1/connections").then().statusCode(200);

        admin.post("/staff/api-tokens", "/staff/api-tokens/" + id + "/revoke", Map.of()).then().statusCode(303);

        ApiClient.withToken(token).request().get("/api/v1/connections").then().statusCode(401);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("action = ?1 and subject = ?2", "api-token.revoked", name)));
        admin.get("/staff/api-tokens").then().body(containsString("Revoked"));
        admin.post("/staff/api-tokens", "/staff/api-tokens/not-a-token/revoke", Map.of()).then().statusCode(404);
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndStoresNothing() {
        String name = "no scopes " + Accounts.unique();
        admin.post("/staff/api-tokens", "/staff/api-tokens", Map.of("name", name)).then().statusCode(400)
                .body(containsString("Choose at least one scope."))
                .body(containsString("value=\"" + name + "\""));
        admin.post("/staff/api-tokens", "/staff/api-tokens", Map.of("name", name, "scopes", "root")).then()
                .statusCode(400).body(containsString("Choose at least one scope."));
        admin.post("/staff/api-tokens", "/staff/api-tokens", Map.of("name", " ", "scopes", "read")).then()
                .statusCode(400).body(containsString("Enter a name.")).body(containsString("aria-invalid=\"true\""));
        admin.post("/staff/api-tokens", "/staff/api-tokens", Map.of("name", "x".repeat(101), "scopes", "read")).then()
                .statusCode(400).body(containsString("at most 100 characters"));
        assertEquals(0L, tokens(name));
        admin.postWithoutCsrf("/staff/api-tokens", Map.of("name", name, "scopes", "read")).then().statusCode(400);
        assertEquals(0L, tokens(name));
    }

    @Test
    void onlyAdministratorsReachTheTokenPage() {
        Session.signIn(Accounts.support()).get("/staff/api-tokens").then().statusCode(403);
        Session customer = Session.signIn(Accounts.customer(Accounts.organisation("Tokens")));
        customer.get("/staff/api-tokens").then().statusCode(403);
        customer.postWithoutCsrf("/staff/api-tokens", Map.of("name", "x", "scopes", "read")).then()
                .statusCode(anyOf(is(400), is(403)));
        Session.anonymous().get("/staff/api-tokens").then().statusCode(302);
    }

    @Test
    void thePageIsInJapaneseWhenAskedFor() {
        admin.request().header("Accept-Language", "ja").get("/staff/api-tokens").then().statusCode(200)
                .body(containsString("API トークン"));
    }
}
