package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.rolegate.account.Role;
import io.rolegate.connection.Connection;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;

/**
 * Who may reach which route. Every route the application serves belongs in {@link #routes()}: add a
 * row with each new route. Paths may hold {@code {user}} (a fresh support account's id),
 * {@code {invite}} (a fresh invite token) and {@code {random}} (an id that names nothing). POSTs carry a
 * valid CSRF token and no fields. Every answer also declares its charset and language variance
 * ({@link ResponseHeadersTest#assertDeclared}).
 */
@QuarkusTest
class RouteAccessTest {

    /** What one kind of visitor gets: a status, and for redirects where they lead. */
    record Expect(int status, String location) {
        static final Expect LOGIN = new Expect(302, "/login");

        static Expect status(int status) {
            return new Expect(status, null);
        }

        static Expect redirect(String location) {
            return new Expect(303, location);
        }

        void check(ValidatableResponse response) {
            response.statusCode(status);
            if (location != null) {
                response.header("Location", endsWith(location));
            }
        }
    }

    record Route(String method, String path, Expect anonymous, Expect customer, Expect support, Expect admin) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Expect OK = Expect.status(200);
    private static final Expect BAD_INPUT = Expect.status(400);
    private static final Expect FORBIDDEN = Expect.status(403);
    private static final Expect NOT_FOUND = Expect.status(404);
    private static final Expect LOGIN = Expect.LOGIN;
    private static final Expect SIGN_IN_FAILED = new Expect(303, "/login?error=true");

    static Stream<Route> routes() {
        return Stream.of(
                //        method  path                                  anonymous             customer                        support                               admin
                new Route("GET", "/", Expect.redirect("/login"), Expect.redirect("/connections"), Expect.redirect("/staff/connections"), Expect.redirect("/staff/connections")),
                new Route("GET", "/login", OK, Expect.redirect("/"), Expect.redirect("/"), Expect.redirect("/")),
                new Route("POST", "/j_security_check", SIGN_IN_FAILED, SIGN_IN_FAILED, SIGN_IN_FAILED, SIGN_IN_FAILED),
                new Route("POST", "/logout", Expect.redirect("/login"), Expect.redirect("/login"), Expect.redirect("/login"), Expect.redirect("/login")),
                new Route("GET", "/language?lang=ja&return=/", Expect.redirect("/"), Expect.redirect("/"), Expect.redirect("/"), Expect.redirect("/")),
                new Route("GET", "/invite/{invite}", OK, OK, OK, OK),
                new Route("POST", "/invite/{invite}", BAD_INPUT, BAD_INPUT, BAD_INPUT, BAD_INPUT),
                new Route("GET", "/connections", LOGIN, OK, FORBIDDEN, FORBIDDEN),
                new Route("GET", "/staff/connections", LOGIN, FORBIDDEN, OK, OK),
                new Route("GET", "/staff/organisations", LOGIN, FORBIDDEN, FORBIDDEN, OK),
                new Route("POST", "/staff/organisations", LOGIN, FORBIDDEN, FORBIDDEN, BAD_INPUT),
                new Route("GET", "/staff/users", LOGIN, FORBIDDEN, FORBIDDEN, OK),
                new Route("POST", "/staff/invites", LOGIN, FORBIDDEN, FORBIDDEN, BAD_INPUT),
                new Route("GET", "/staff/invites/{random}", LOGIN, FORBIDDEN, FORBIDDEN, NOT_FOUND),
                new Route("POST", "/staff/invites/{random}/resend", LOGIN, FORBIDDEN, FORBIDDEN, NOT_FOUND),
                new Route("POST", "/staff/invites/{random}/cancel", LOGIN, FORBIDDEN, FORBIDDEN, NOT_FOUND),
                new Route("POST", "/staff/users/{user}/deactivate", LOGIN, FORBIDDEN, FORBIDDEN, Expect.redirect("/staff/users")),
                new Route("GET", "/connections/new", LOGIN, OK, FORBIDDEN, FORBIDDEN),
                new Route("POST", "/connections", LOGIN, BAD_INPUT, FORBIDDEN, FORBIDDEN),
                new Route("GET", "/connections/{connection}", LOGIN, OK, OK, OK),
                new Route("GET", "/connections/{other}", LOGIN, NOT_FOUND, OK, OK),
                new Route("GET", "/connections/{connection}/trust-policy.json", LOGIN, OK, OK, OK),
                new Route("GET", "/connections/{connection}/permission-policy.json", LOGIN, OK, OK, OK),
                new Route("GET", "/connections/{connection}/cloudformation.yaml", LOGIN, OK, OK, OK),
                new Route("GET", "/connections/{connection}/main.tf", LOGIN, OK, OK, OK),
                new Route("GET", "/connections/{connection}/create-role.sh", LOGIN, OK, OK, OK),
                new Route("GET", "/connections/{other}/trust-policy.json", LOGIN, NOT_FOUND, OK, OK),
                new Route("GET", "/connections/{other}/permission-policy.json", LOGIN, NOT_FOUND, OK, OK),
                new Route("GET", "/connections/{other}/cloudformation.yaml", LOGIN, NOT_FOUND, OK, OK),
                new Route("GET", "/connections/{other}/main.tf", LOGIN, NOT_FOUND, OK, OK),
                new Route("GET", "/connections/{other}/create-role.sh", LOGIN, NOT_FOUND, OK, OK),
                new Route("GET", "/connections/{connection}/registration", LOGIN, OK, OK, OK),
                new Route("GET", "/connections/{other}/registration", LOGIN, NOT_FOUND, OK, OK),
                new Route("GET", "/connections/{random}/registration", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("GET", "/connections/{connection}/checks/{random}", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("GET", "/connections/{other}/checks/{random}", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("POST", "/connections/{connection}/role", LOGIN, BAD_INPUT, FORBIDDEN, FORBIDDEN),
                new Route("POST", "/connections/{other}/role", LOGIN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
                new Route("POST", "/connections/{random}/role", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("POST", "/connections/{connection}/revoke", LOGIN, FORBIDDEN, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{other}/revoke", LOGIN, NOT_FOUND, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{random}/revoke", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("POST", "/connections/{other}/checks", LOGIN, NOT_FOUND, null, null),
                new Route("POST", "/connections/{random}/checks", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("GET", "/help/codes", OK, OK, OK, OK),
                new Route("GET", "/staff/api-tokens", LOGIN, FORBIDDEN, FORBIDDEN, OK),
                new Route("POST", "/staff/api-tokens", LOGIN, FORBIDDEN, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/staff/api-tokens/{random}/revoke", LOGIN, FORBIDDEN, FORBIDDEN, NOT_FOUND),
                new Route("GET", "/connections/{connection}/edit", LOGIN, OK, FORBIDDEN, OK),
                new Route("GET", "/connections/{other}/edit", LOGIN, NOT_FOUND, FORBIDDEN, OK),
                new Route("POST", "/connections/{connection}/resources", LOGIN, BAD_INPUT, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{other}/resources", LOGIN, NOT_FOUND, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{connection}/rotation", LOGIN, BAD_INPUT, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{other}/rotation", LOGIN, NOT_FOUND, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{connection}/rotation/cancel", LOGIN, Expect.redirect("/connections/{connection}"), FORBIDDEN, Expect.redirect("/connections/{connection}")),
                new Route("POST", "/connections/{other}/rotation/cancel", LOGIN, NOT_FOUND, FORBIDDEN, Expect.redirect("/connections/{other}")),
                new Route("POST", "/connections/{connection}/trust-diagnosis", LOGIN, BAD_INPUT, BAD_INPUT, BAD_INPUT),
                new Route("POST", "/connections/{other}/trust-diagnosis", LOGIN, NOT_FOUND, BAD_INPUT, BAD_INPUT),
                new Route("POST", "/connections/{random}/trust-diagnosis", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("GET", "/staff/connections?status=failing&q=x&sort=failing-since&page=2", LOGIN, FORBIDDEN, OK, OK),
                new Route("GET", "/staff/audit?actor=x&organisation=y&connection=z&action=a&from=2026-01-01&to=bad&page=-1", LOGIN, FORBIDDEN, OK, OK),
                new Route("GET", "/q/health/ready", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("GET", "/q/metrics", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Route("GET", "/css/rolegate.css", OK, OK, OK, OK),
                new Route("GET", "/js/rolegate.js", OK, OK, OK, OK),
                new Route("GET", "/no/such/page", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachRoleGetsWhatTheTableSays(Route route) {
        Organisation organisation = Accounts.organisation("Matrix");
        check(route, Session.anonymous(), route.anonymous(), organisation);
        check(route, Session.signIn(Accounts.customer(organisation)), route.customer(), organisation);
        check(route, Session.signIn(Accounts.support()), route.support(), organisation);
        check(route, Session.signIn(Accounts.admin()), route.admin(), organisation);
    }

    /**
     * {@code {connection}} belongs to the customer's organisation, {@code {other}} to another one. A role
     * without an expectation is not asked (staff starting a check would call AWS).
     */
    private static void check(Route route, Session session, Expect expect, Organisation organisation) {
        if (expect == null) {
            return;
        }
        String path = resolve(route.path(), organisation);
        Response response = route.method().equals("GET")
                ? session.get(path)
                : session.post(formPage(), path, Map.of());
        String location = expect.location() == null || !expect.location().contains("{") ? expect.location()
                : expect.location().replace("{connection}", connectionIn(path)).replace("{other}", connectionIn(path));
        new Expect(expect.status(), location).check(response.then());
        ResponseHeadersTest.assertDeclared(response, path);
    }

    /** The path with its placeholders filled in with fresh connections, accounts and invites. */
    static String resolve(String path, Organisation organisation) {
        return path
                .replace("{connection}", Connections.create(organisation, "matrix").id.toString())
                .replace("{other}", Connections.create(Accounts.organisation("Elsewhere"), "elsewhere").id.toString())
                .replace("{random}", UUID.randomUUID().toString())
                .replace("{user}", Accounts.support().id.toString())
                .replace("{invite}", Invites.create("matrix-" + Accounts.unique() + "@example.com", Role.SUPPORT, null,
                        Duration.ofDays(1)));
    }

    private static String connectionIn(String path) {
        return path.split("/")[2];
    }

    /**
     * PRODUCT §8: another organisation's connection is a 404 to a customer on every route and method that
     * serves one, whatever the role each action needs, and nothing happens to it. Methods that no route
     * serves answer exactly as for a connection that does not exist, so nothing tells the two apart.
     */
    @Test
    void anotherOrganisationsConnectionIsNotFoundOnEveryRouteAndMethod() {
        Organisation theirs = Accounts.organisation("Theirs");
        Connection connection = Connections.create(theirs, "theirs");
        String externalId = Connections.currentExternalId(connection);
        Session stranger = Session.signIn(Accounts.customer(Accounts.organisation("Stranger")));
        String base = "/connections/" + connection.id;
        for (String get : List.of("", "/trust-policy.json", "/permission-policy.json", "/cloudformation.yaml", "/main.tf",
                "/create-role.sh", "/registration", "/checks/" + UUID.randomUUID())) {
            stranger.get(base + get).then().statusCode(404).body(not(containsString("theirs")));
        }
        Map<String, Map<String, String>> posts = Map.of(
                "/role", Map.of("roleArn", "arn:aws:iam::123456789012:role/theirs"),
                "/revoke", Map.of("reason", "not mine", "confirm", "yes"),
                "/rotation", Map.of(),
                "/checks", Map.of(),
                "/trust-diagnosis", Map.of("trustPolicy", "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\"}}"));
        posts.forEach((post, fields) -> stranger.post("/connections", base + post, fields).then().statusCode(404));
        Connection after = QuarkusTransaction.requiringNew().call(() -> Connection.findById(connection.id));
        assertEquals(connection.status, after.status);
        assertEquals(connection.roleArn, after.roleArn);
        assertEquals(externalId, Connections.currentExternalId(connection));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Check.count("connectionId", connection.id)));

        String nothing = "/connections/" + UUID.randomUUID();
        for (String unserved : List.of("/role", "/revoke", "/rotation", "/checks", "/trust-diagnosis")) {
            assertEquals(stranger.get(nothing + unserved).statusCode(), stranger.get(base + unserved).statusCode(),
                    "GET " + unserved);
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            assertEquals(stranger.request().request(method, nothing).statusCode(),
                    stranger.request().request(method, base).statusCode(), method);
        }
    }

    /** A page every visitor may open, to take the CSRF token from. */
    private static String formPage() {
        return "/invite/" + Invites.create("form-" + Accounts.unique() + "@example.com", Role.SUPPORT, null,
                Duration.ofDays(1));
    }
}
