package io.rolegate.web;

import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.rolegate.account.Role;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/**
 * Who may reach which route. Every route the application serves belongs in {@link #routes()}: add a
 * row with each new route. Paths may hold {@code {user}} (a fresh support account's id) and
 * {@code {invite}} (a fresh invite token). POSTs carry a valid CSRF token and no fields.
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
                new Route("GET", "/connections/{other}/main.tf", LOGIN, NOT_FOUND, OK, OK),
                new Route("POST", "/connections/{connection}/role", LOGIN, BAD_INPUT, FORBIDDEN, FORBIDDEN),
                new Route("POST", "/connections/{other}/role", LOGIN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
                new Route("POST", "/connections/{connection}/revoke", LOGIN, FORBIDDEN, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{connection}/rotation", LOGIN, BAD_INPUT, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{other}/rotation", LOGIN, NOT_FOUND, FORBIDDEN, BAD_INPUT),
                new Route("POST", "/connections/{connection}/rotation/cancel", LOGIN, Expect.redirect("/connections/{connection}"), FORBIDDEN, Expect.redirect("/connections/{connection}")),
                new Route("POST", "/connections/{other}/rotation/cancel", LOGIN, NOT_FOUND, FORBIDDEN, Expect.redirect("/connections/{other}")),
                new Route("GET", "/staff/connections?status=failing&q=x&sort=failing-since&page=2", LOGIN, FORBIDDEN, OK, OK),
                new Route("GET", "/staff/audit?actor=x&organisation=y&connection=z&action=a&from=2026-01-01&to=bad&page=-1", LOGIN, FORBIDDEN, OK, OK),
                new Route("GET", "/q/health/ready", OK, OK, OK, OK),
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

    /** {@code {connection}} belongs to the customer's organisation, {@code {other}} to another one. */
    private static void check(Route route, Session session, Expect expect, Organisation organisation) {
        String connection = Connections.create(organisation, "matrix").id.toString();
        String other = Connections.create(Accounts.organisation("Elsewhere"), "elsewhere").id.toString();
        String path = route.path()
                .replace("{connection}", connection)
                .replace("{other}", other)
                .replace("{user}", Accounts.support().id.toString())
                .replace("{invite}", Invites.create("matrix-" + Accounts.unique() + "@example.com", Role.SUPPORT, null,
                        Duration.ofDays(1)));
        Response response = route.method().equals("GET")
                ? session.get(path)
                : session.post(formPage(), path, Map.of());
        String location = expect.location() == null ? null
                : expect.location().replace("{connection}", connection).replace("{other}", other);
        new Expect(expect.status(), location).check(response.then());
    }

    /** A page every visitor may open, to take the CSRF token from. */
    private static String formPage() {
        return "/invite/" + Invites.create("form-" + Accounts.unique() + "@example.com", Role.SUPPORT, null,
                Duration.ofDays(1));
    }
}
