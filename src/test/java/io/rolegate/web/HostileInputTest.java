package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.api.Scope;
import io.rolegate.connection.Connection;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/**
 * Control characters (C0, DEL, C1) and repeated parameters, wherever they come in (docs/input.md): a form shows
 * the error on the field and keeps the rest, a search matches nothing, sign-in fails as for a wrong password, the
 * API names the field in a 400 — never a 500, and nothing is stored.
 */
@QuarkusTest
class HostileInputTest {

    private static final String NUL = "ab\u0000cd";
    private static final String CONTROL_MESSAGE = "cannot contain control characters";
    private static final String REPEATED_MESSAGE = "was sent more than once";

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.rolegate.web.FormCase#everyField")
    void aNulInAnyFieldIsRefusedOnThatFieldWithTheRestKept(FormCase form, String field) {
        FormCase.Filled filled = form.open().get();
        long before = filled.stored().getAsLong();
        Map<String, Object> fields = new HashMap<>(filled.fields());
        fields.put(field, NUL);
        String page = filled.session().post(filled.page(), filled.action(), fields).then().statusCode(400)
                .body(containsString(CONTROL_MESSAGE)).extract().asString();
        assertTrue(FormCase.marksInvalid(page, field), field + " is marked invalid");
        filled.shown().forEach((other, shown) -> {
            if (!other.equals(field)) {
                assertTrue(page.contains(shown), other + " is kept: " + shown);
            }
        });
        assertFalse(page.contains("\u0000"), "the refused value is not echoed");
        assertEquals(before, filled.stored().getAsLong(), "nothing stored");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.rolegate.web.FormCase#everyField")
    void anyFieldSentTwiceIsRefusedOnThatFieldWithTheRestKept(FormCase form, String field) {
        FormCase.Filled filled = form.open().get();
        long before = filled.stored().getAsLong();
        Map<String, Object> fields = new HashMap<>(filled.fields());
        Object value = fields.get(field);
        if (field.equals("scopes")) {
            // A checkbox group is sent once per ticked box: two boxes are fine, the same box twice is not.
            fields.put(field, List.of("read", "read"));
        } else {
            fields.put(field, List.of(value, value));
        }
        String page = filled.session().post(filled.page(), filled.action(), fields).then().statusCode(400)
                .body(containsString(REPEATED_MESSAGE)).extract().asString();
        assertTrue(FormCase.marksInvalid(page, field), field + " is marked invalid");
        filled.shown().forEach((other, shown) -> {
            if (!other.equals(field)) {
                assertTrue(page.contains(shown), other + " is kept: " + shown);
            }
        });
        assertEquals(before, filled.stored().getAsLong(), "nothing stored");
    }

    @Test
    void theRefusalIsWrittenInTheVisitorsLanguage() {
        FormCase.Filled filled = FormCase.named("organisation").open().get();
        Map<String, Object> fields = new HashMap<>(filled.fields());
        fields.put("name", NUL);
        String token = filled.session().csrfToken(filled.page());
        filled.session().request().header("Accept-Language", "ja").formParams(fields).formParam("csrf-token", token)
                .post(filled.action()).then().statusCode(400)
                .body(containsString("この項目には制御文字"));
    }

    @Test
    void aCheckboxGroupMayBeSentOncePerTickedBox() {
        String name = "two scopes " + Accounts.unique();
        Session admin = Session.signIn(Accounts.admin());
        admin.post("/staff/api-tokens", "/staff/api-tokens", Map.of("name", name, "scopes", List.of("read", "manage")))
                .then().statusCode(303);
        admin.get("/staff/api-tokens").then().body(containsString("read,manage"));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "0001", "0008", "000B", "001B", "001F", "007F", "0080", "0085", "009F" })
    void everyC0DelAndC1ControlIsRefused(String codePoint) {
        char control = (char) Integer.parseInt(codePoint, 16);
        FormCase.Filled filled = FormCase.named("organisation").open().get();
        Map<String, Object> fields = new HashMap<>(filled.fields());
        fields.put("email", "first" + control + "@example.com");
        filled.session().post(filled.page(), filled.action(), fields).then().statusCode(400)
                .body(containsString(CONTROL_MESSAGE));
        assertEquals(0, filled.stored().getAsLong());
    }

    @Test
    void aTabOrLineBreakInsideAOneLineFieldIsRefusedButAroundItIsDropped() {
        FormCase.Filled filled = FormCase.named("organisation").open().get();
        Map<String, Object> fields = new HashMap<>(filled.fields());
        fields.put("name", "Tab\tinside");
        filled.session().post(filled.page(), filled.action(), fields).then().statusCode(400)
                .body(containsString(CONTROL_MESSAGE));
        fields.put("name", "\t" + filled.fields().get("name") + "\r\n");
        filled.session().post(filled.page(), filled.action(), fields).then().statusCode(303);
        assertEquals(1, filled.stored().getAsLong());
    }

    @Test
    void tabsAndLineBreaksAreFineInsideFieldsOfSeveralLines() {
        Organisation organisation = Accounts.organisation("Lines");
        Session customer = Session.signIn(Accounts.customer(organisation));
        Map<String, String> form = Connections.form();
        form.put("buckets", "acme-reports/exports\r\n\r\nacme-raw\t\n");
        String id = Connections.createThroughForm(customer, form);
        Session admin = Session.signIn(Accounts.admin());
        admin.post("/connections/" + id, "/connections/" + id + "/revoke",
                Map.of("reason", "Contract ended.\r\n\tSee ticket 42.", "confirm", "yes")).then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(UUID.fromString(id))
                .isRevoked()));
    }

    @Test
    void aDelOrC1ControlInARevocationReasonIsRefusedToo() {
        UUID id = Connections.create(Accounts.organisation("Reason"), "reason").id;
        Session admin = Session.signIn(Accounts.admin());
        for (String reason : List.of("Ended\u007f", "Ended\u0085now", "Ended\u0000")) {
            admin.post("/connections/" + id, "/connections/" + id + "/revoke", Map.of("reason", reason, "confirm", "yes"))
                    .then().statusCode(400).body(containsString(CONTROL_MESSAGE));
        }
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(id).isRevoked()));
    }

    @Test
    void aPostWithoutAFormToShowTheErrorOnIsRefusedWholeAndChangesNothing() {
        Organisation organisation = Accounts.organisation("Rotation");
        Connection connection = Connections.create(organisation, "rotation");
        String externalId = Connections.currentExternalId(connection);
        Session customer = Session.signIn(Accounts.customer(organisation));
        customer.post("/connections/" + connection.id, "/connections/" + connection.id + "/rotation", Map.of("note", NUL))
                .then().statusCode(400).body(containsString("The request could not be processed"));
        assertEquals(externalId, Connections.currentExternalId(connection));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "q", "status", "sort", "page" })
    void aControlCharacterInTheStaffSearchMatchesNothing(String parameter) {
        String label = "Searchable " + Accounts.unique();
        Connections.create(Accounts.organisation("Search"), label);
        Session support = Session.signIn(Accounts.support());
        support.request().queryParam("q", label).get("/staff/connections").then().statusCode(200)
                .body(containsString(">" + label + "</a>"));
        Map<String, String> query = new HashMap<>(Map.of("q", label));
        query.put(parameter, NUL);
        support.request().queryParams(query).get("/staff/connections").then().statusCode(200)
                .body(not(containsString(">" + label + "</a>")))
                .body(containsString("No connection matches these filters."))
                .body(not(containsString("\u0000")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "actor", "organisation", "connection", "action", "from", "to", "page" })
    void aControlCharacterInAnAuditFilterMatchesNothing(String parameter) {
        Session admin = Session.signIn(Accounts.admin());
        String name = "Audited " + Accounts.unique();
        admin.post("/staff/organisations", "/staff/organisations",
                Map.of("name", name, "email", "audited-" + Accounts.unique() + "@example.com")).then().statusCode(303);
        admin.get("/staff/audit").then().statusCode(200).body(containsString(name));
        admin.request().queryParam(parameter, NUL).get("/staff/audit").then().statusCode(200)
                .body(not(containsString(name)))
                .body(containsString("No event matches these filters."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/staff/connections?q=a&q=b", "/staff/connections?status=active&STATUS=failing",
            "/staff/audit?actor=a&actor=b", "/help/codes?x=1&x=2" })
    void aQueryParameterSentTwiceIsA400Page(String path) {
        Session.signIn(Accounts.admin()).request().accept("text/html").get(path).then().statusCode(400)
                .body(containsString("The request could not be processed"));
    }

    @Test
    void aControlCharacterInTheQueryOfAPageWithoutASearchIsA400Page() {
        Session.signIn(Accounts.admin()).request().accept("text/html").queryParam("x", NUL).get("/staff/users").then()
                .statusCode(400).body(containsString("The request could not be processed"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "a\u0000b@example.com", "a\u007fb@example.com", "a\u0085b@example.com",
            "a\u0001b@example.com" })
    void aControlCharacterInTheSignInEmailIsAWrongEmailOrPassword(String email) {
        Session visitor = Session.anonymous();
        visitor.postLogin(email, "whatever it is").then().statusCode(303)
                .header("Location", endsWith("/login?error=true"));
        visitor.get("/login?error=true").then().statusCode(200)
                .body(containsString("The email or password is not right"));
        assertEquals(0L, loginFailures(), "nothing is recorded for an address that cannot exist");
    }

    @Test
    void aControlCharacterInTheSignInPasswordIsAWrongPassword() {
        Account customer = Accounts.customer(Accounts.organisation("Login"));
        Session visitor = Session.anonymous();
        visitor.postLogin(customer.email, Accounts.PASSWORD + "\u0000").then().statusCode(303)
                .header("Location", endsWith("/login?error=true"));
        assertFalse(visitor.cookies().containsKey("rolegate-session"));
    }

    @Test
    void aSignInFieldSentTwiceSignsNobodyIn() {
        Account customer = Accounts.customer(Accounts.organisation("Login"));
        Session visitor = Session.anonymous();
        String token = visitor.csrfToken("/login");
        Response response = visitor.request().formParam("j_username", customer.email)
                .formParam("j_username", "other@example.com").formParam("j_password", Accounts.PASSWORD)
                .formParam("csrf-token", token).post("/j_security_check");
        response.then().statusCode(303).header("Location", endsWith("/login?error=true"));
        assertNull(response.getCookie("rolegate-session"));
    }

    @Test
    void aControlCharacterInAJsonMemberIsA400NamingIt() {
        ApiClient manager = ApiClient.withScopes(Scope.MANAGE, Scope.CREDENTIALS);
        long before = organisations();
        manager.request().body("{\"name\":\"ab\\u0000cd\",\"email\":\"a@b.example\"}").post("/api/v1/organisations")
                .then().statusCode(400).body("code", equalTo("control_characters")).body("field", equalTo("name"));
        manager.request().body("{\"name\":\"Fine " + Accounts.unique() + "\",\"email\":\"a\u0085b@b.example\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).body("code", equalTo("control_characters")).body("field", equalTo("email"));
        manager.request().body("{\"name\":\"raw\u0001control\",\"email\":\"a@b.example\"}").post("/api/v1/organisations")
                .then().statusCode(400).body("code", equalTo("control_characters")).body("field", equalTo("name"));
        manager.request().body("{\"purpose\":\"nightly\\u007f\"}")
                .post("/api/v1/connections/" + UUID.randomUUID() + "/credentials")
                .then().statusCode(400).body("code", equalTo("control_characters")).body("field", equalTo("purpose"));
        assertEquals(before, organisations());
    }

    @Test
    void aJsonMemberSentTwiceIsA400NamingIt() {
        ApiClient manager = ApiClient.withScopes(Scope.MANAGE);
        long before = organisations();
        manager.request().body("{\"name\":\"First " + Accounts.unique() + "\",\"name\":\"Second\",\"email\":\"a@b.example\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).body("code", equalTo("repeated_parameter")).body("field", equalTo("name"));
        assertEquals(before, organisations());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "status", "organisation", "page", "size" })
    void aControlCharacterOrARepeatInAnApiQueryIsA400NamingTheParameter(String parameter) {
        ApiClient reader = ApiClient.withScopes(Scope.READ);
        reader.request().queryParam(parameter, NUL).get("/api/v1/connections").then().statusCode(400)
                .body("code", equalTo("control_characters")).body("field", equalTo(parameter));
        reader.request().get("/api/v1/connections?" + parameter + "=1&" + parameter + "=2").then().statusCode(400)
                .body("code", equalTo("repeated_parameter")).body("field", equalTo(parameter));
    }

    static Stream<RouteAccessTest.Route> routes() {
        return RouteAccessTest.routes();
    }

    /**
     * The kind, over every route: a control character in each of its query parameters, or in a form field,
     * never makes the application fail.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void noRouteFailsOnAControlCharacter(RouteAccessTest.Route route) {
        Organisation organisation = Accounts.organisation("Sweep");
        for (Session session : List.of(Session.anonymous(), Session.signIn(Accounts.customer(organisation)),
                Session.signIn(Accounts.admin()))) {
            String[] resolved = RouteAccessTest.resolve(route.path(), organisation).split("\\?", 2);
            Map<String, String> query = new HashMap<>(Map.of("x", NUL));
            if (resolved.length > 1) {
                for (String parameter : resolved[1].split("&")) {
                    String[] pair = parameter.split("=", 2);
                    query.put(pair[0], pair[1] + NUL);
                }
            }
            String path = resolved[0];
            Response response = route.method().equals("GET")
                    ? session.request().queryParams(query).get(path)
                    : session.post("/invite/" + Invites.create("sweep-" + Accounts.unique() + "@example.com", Role.SUPPORT,
                            null, Duration.ofDays(1)), path, Map.of("x", NUL));
            response.then().statusCode(lessThan(500));
        }
    }

    private static long organisations() {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.count());
    }

    /** Failed sign-ins recorded for a{any one character}b@example.com, the addresses these tests try. */
    private static long loginFailures() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Account.getEntityManager()
                .createNativeQuery("select count(*) from login_failures where email like 'a_b@example.com'")
                .getSingleResult()).longValue());
    }
}
