package io.rolegate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Session;

/** Who may call the API: tokens only, with the right scope, within the rate limit; and never a page. */
@QuarkusTest
class ApiAuthTest {

    private static final String SOME_ID = UUID.randomUUID().toString();

    @Test
    void aRequestWithoutTokenIsRefusedWithJson() {
        given().get("/api/v1/connections").then().statusCode(401)
                .contentType(containsString(ApiError.MEDIA_TYPE))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("unauthorized"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "unknown token, rgt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "not a token, hello",
            "overlong, rgt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    })
    void anUnknownTokenIsRefusedWithJson(String what, String token) {
        ApiClient.withToken(token).request().get("/api/v1/connections").then().statusCode(401)
                .contentType(containsString(ApiError.MEDIA_TYPE)).body("code", equalTo("unauthorized"));
    }

    @Test
    void otherAuthorizationSchemesAreRefused() {
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/connections").then().statusCode(401);
    }

    @Test
    void aBrowserSessionNeverAuthorisesTheApiEvenAnAdministrators() {
        Session admin = Session.signIn(Accounts.admin());
        admin.get("/staff/api-tokens").then().statusCode(200);
        admin.request().get("/api/v1/connections").then().statusCode(401).body("code", equalTo("unauthorized"));
        admin.request().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/connections/" + SOME_ID + "/credentials").then().statusCode(401);
    }

    @Test
    void anApiTokenNeverOpensAPage() {
        ApiClient client = ApiClient.withScopes(Scope.READ, Scope.CREDENTIALS, Scope.MANAGE);
        for (String page : new String[] { "/connections", "/staff/connections", "/staff/api-tokens", "/connections/new" }) {
            Response response = client.request().accept(ContentType.HTML).get(page);
            assertTrue(response.statusCode() == 302 || response.statusCode() == 401,
                    page + " answered " + response.statusCode());
            assertTrue(response.statusCode() != 302 || response.getHeader("Location").contains("/login"));
            response.then().body(not(containsString("<h1>")));
        }
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
            "GET, /api/v1/connections, read",
            "GET, /api/v1/connections/ID, read",
            "POST, /api/v1/connections/ID/checks, read",
            "GET, /api/v1/connections/ID/checks/ID, read",
            "POST, /api/v1/organisations, manage",
            "POST, /api/v1/connections/ID/credentials, credentials",
    })
    void aTokenWithoutTheEndpointsScopeIsForbidden(String method, String path, String scope) {
        Scope needed = Scope.parse(scope).orElseThrow();
        Scope[] others = Arrays.stream(Scope.values()).filter(s -> s != needed).toArray(Scope[]::new);
        ApiClient.withScopes(others).request().body("{}").request(method, path.replace("ID", SOME_ID)).then()
                .statusCode(403).contentType(containsString(ApiError.MEDIA_TYPE)).body("code", equalTo("scope_missing"));
        int allowed = ApiClient.withScopes(needed).request().body("{\"name\":\"\"}")
                .request(method, path.replace("ID", SOME_ID)).statusCode();
        assertTrue(allowed != 401 && allowed != 403, "with the scope the answer is not an auth error: " + allowed);
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        ApiClient client = ApiClient.withScopes(Scope.READ);
        for (int i = 0; i < 60; i++) {
            client.request().get("/api/v1/connections?size=1").then().statusCode(200);
        }
        // The bucket refills one request per second while these run, so the refusal may come a few requests later.
        Response refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            Response response = client.request().get("/api/v1/connections?size=1");
            refused = response.statusCode() == 429 ? response : null;
        }
        assertTrue(refused != null, "the limit was reached");
        refused.then().statusCode(429)
                .contentType(containsString(ApiError.MEDIA_TYPE))
                .body("code", equalTo("rate_limited"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        ApiClient.withScopes(Scope.READ).request().get("/api/v1/connections?size=1").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentNamesEveryEndpoint() {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : new String[] { "/api/v1/connections", "/api/v1/connections/{id}",
                "/api/v1/connections/{id}/checks", "/api/v1/connections/{id}/checks/{checkId}",
                "/api/v1/organisations", "/api/v1/connections/{id}/credentials" }) {
            assertTrue(document.contains("\"" + path + "\""), "documents " + path);
        }
        assertTrue(document.contains("bearer"), "documents the bearer scheme");
        assertTrue(!document.contains("\"/staff/api-tokens\" :") && !document.contains("\"/connections\" :"),
                "pages are not part of the API document");
    }
}
