package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.rolegate.account.Role;
import io.rolegate.api.Scope;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/**
 * PRODUCT §10: every text response declares {@code charset=UTF-8}, and every response in the visitor's language
 * says {@code Vary: Accept-Language, Cookie}, in one Vary header. {@link RouteAccessTest} checks this on every
 * route and role; the cases here are the answers no route table reaches: error pages of every kind, the sign-in
 * page, the API, downloads.
 */
@QuarkusTest
class ResponseHeadersTest {

    /**
     * A text body declares UTF-8; an HTML page (and the check's JSON for pages) varies by language and cookie,
     * with every Vary value in one header.
     */
    static void assertDeclared(Response response, String path) {
        String type = response.getContentType();
        if (type == null || type.isEmpty()) {
            return;
        }
        String mediaType = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean text = mediaType.startsWith("text/") || mediaType.contains("json") || mediaType.contains("yaml")
                || mediaType.contains("javascript");
        if (text) {
            assertTrue(type.replace(" ", "").contains(";charset=UTF-8"), path + " declares UTF-8: " + type);
        }
        List<String> vary = response.getHeaders().getList("Vary").stream().map(Header::getValue).toList();
        assertTrue(vary.size() <= 1, path + " sends one Vary header: " + vary);
        if (mediaType.equals("text/html")) {
            String values = vary.isEmpty() ? "" : vary.get(0);
            assertTrue(values.contains("Accept-Language") && values.contains("Cookie"),
                    path + " varies by language and cookie: " + values);
        }
    }

    @Test
    void theSignInPageIsReadableInJapaneseByAClientThatTrustsTheHeaders() {
        Response response = Session.anonymous().request().header("Accept-Language", "ja").get("/login");
        response.then().statusCode(200);
        assertDeclared(response, "/login");
        assertEquals("text/html;charset=UTF-8", response.getContentType());
        String decoded = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(response.asString().contains("<html lang=\"ja\""));
        assertEquals(decoded, response.asString(), "a client decoding with the declared charset reads the same text");
        assertTrue(response.asString().contains("·"));
    }

    @Test
    void everyKindOfErrorPageDeclaresItsCharsetAndLanguageVariance() {
        Session anonymous = Session.anonymous();
        Session admin = Session.signIn(Accounts.admin());
        Session customer = Session.signIn(Accounts.customer(Accounts.organisation("Headers")));
        String expired = Invites.create("expired-" + Accounts.unique() + "@example.com", Role.SUPPORT, null,
                Duration.ofDays(-1));
        Map<String, Response> pages = Map.of(
                "400 re-render", admin.post("/staff/organisations", "/staff/organisations", Map.of()),
                "400 page", admin.postWithoutCsrf("/staff/organisations", Map.of()),
                "403", customer.get("/staff/users"),
                "404 resource", customer.get("/connections/" + UUID.randomUUID()),
                "404 unmatched", anonymous.get("/no/such/page"),
                "405", admin.request().accept("text/html").get("/logout"),
                "410", anonymous.get("/invite/" + expired),
                "413", admin.request().accept("text/html").formParam("name", "x".repeat(3 * 1024 * 1024))
                        .post("/staff/organisations"),
                "500", anonymous.request().accept("text/html").get("/test/failure"));
        Map<String, Integer> statuses = Map.of("400 re-render", 400, "400 page", 400, "403", 403, "404 resource", 404,
                "404 unmatched", 404, "405", 405, "410", 410, "413", 413, "500", 500);
        pages.forEach((name, response) -> {
            assertEquals(statuses.get(name), response.statusCode(), name);
            assertEquals("text/html;charset=UTF-8", response.getContentType(), name);
            assertDeclared(response, name);
        });
    }

    @Test
    void aChecksJsonForPagesIsInTheVisitorsLanguageAndSaysSo() {
        Organisation organisation = Accounts.organisation("Check JSON");
        Session customer = Session.signIn(Accounts.customer(organisation));
        String id = Connections.createThroughForm(customer, Connections.form());
        String check = customer.post("/connections/" + id, "/connections/" + id + "/checks", Map.of()).then()
                .statusCode(303).extract().header("Location");
        Response json = customer.request().accept("application/json").get(check);
        json.then().statusCode(200).contentType("application/json;charset=UTF-8")
                .header("Vary", containsString("Accept-Language, Cookie"));
        assertDeclared(json, "check JSON");
    }

    @Test
    void theApiAndTheDownloadsDeclareUtf8AndDoNotVaryByLanguage() {
        Organisation organisation = Accounts.organisation("Downloads");
        String id = Connections.create(organisation, "downloads").id.toString();
        Session customer = Session.signIn(Accounts.customer(organisation));
        for (String file : List.of("trust-policy.json", "permission-policy.json", "cloudformation.yaml", "main.tf",
                "create-role.sh")) {
            Response download = customer.get("/connections/" + id + "/" + file);
            download.then().statusCode(200);
            assertDeclared(download, file);
            assertTrue(download.getContentType().contains("charset=UTF-8"), file + ": " + download.getContentType());
            assertFalse(String.valueOf(download.getHeader("Vary")).contains("Accept-Language"), file);
        }
        ApiClient reader = ApiClient.withScopes(Scope.READ);
        for (Response api : List.of(reader.request().get("/api/v1/connections"),
                reader.request().get("/api/v1/connections/" + UUID.randomUUID()),
                reader.request().contentType("text/plain").body("x").post("/api/v1/organisations"),
                ApiClient.withToken("rgt_unknown").request().get("/api/v1/connections"))) {
            assertDeclared(api, "API " + api.statusCode());
            assertEquals(api.statusCode() < 400 ? "application/json;charset=UTF-8" : "application/problem+json;charset=UTF-8",
                    api.getContentType(), "API " + api.statusCode());
            assertFalse(String.valueOf(api.getHeader("Vary")).contains("Accept-Language"), "API " + api.statusCode());
        }
        reader.request().contentType("text/plain").body("x").post("/api/v1/organisations").then().statusCode(415)
                .body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void downloadsTheCheckJsonAndTheApiAreNeverStoredByABrowserOrProxy() {
        Organisation organisation = Accounts.organisation("No store");
        String id = Connections.create(organisation, "no store").id.toString();
        Session customer = Session.signIn(Accounts.customer(organisation));
        for (String file : List.of("trust-policy.json", "permission-policy.json", "cloudformation.yaml", "main.tf",
                "create-role.sh")) {
            customer.get("/connections/" + id + "/" + file).then().statusCode(200).header("Cache-Control", "no-store");
        }
        customer.get("/connections/" + id).then().statusCode(200).header("Cache-Control", "no-store");
        ApiClient.withScopes(Scope.READ).request().get("/api/v1/connections/" + id).then().statusCode(200)
                .header("Cache-Control", "no-store");
    }
}
