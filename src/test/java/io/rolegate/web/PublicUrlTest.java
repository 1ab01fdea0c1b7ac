package io.rolegate.web;

import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.rolegate.account.Account;
import io.rolegate.account.Invite;
import io.rolegate.api.ApiToken;
import io.rolegate.api.Scope;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/**
 * PRODUCT §1: absolute links come only from {@code rolegate.public-url}, never from the request's Host header, and
 * redirects are local paths. Every request here claims to be for {@code evil.test}; no answer may repeat it.
 */
@QuarkusTest
@TestProfile(PublicUrlTest.Configured.class)
class PublicUrlTest {

    /** Rolegate published at an https address other than the one the tests reach it at. */
    public static class Configured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rolegate.public-url", "https://rolegate.example.com");
        }
    }

    private static final String EVIL = "evil.test";
    private static final String INVITE_LINK = "https://rolegate.example.com/invite/";
    private static final Pattern CHECK_PAGE = Pattern.compile("/connections/[0-9a-f-]{36}/checks/[0-9a-f-]{36}");

    private static Session visitor() {
        return Session.anonymous().withHeader("Host", EVIL);
    }

    private static Session signedIn(Account account) {
        return Session.signIn(account).withHeader("Host", EVIL);
    }

    /** The answer names the forged host nowhere (headers, body), and a redirect leads to {@code location} on this site. */
    private static Response redirects(Response response, int status, String location) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(location, response.header("Location"));
        return clean(response);
    }

    private static Response clean(Response response) {
        for (Header header : response.getHeaders()) {
            assertFalse(header.getValue().contains(EVIL), header.toString());
        }
        assertFalse(response.asString().contains(EVIL), response.asString());
        return response;
    }

    @Test
    void theSignInRedirectsAreLocalPaths() {
        Account customer = Accounts.customer(Accounts.organisation("Hosted"));
        Session session = visitor();
        redirects(session.get("/"), 303, "/login");
        redirects(session.get("/connections"), 302, "/login");
        clean(session.get("/login"));
        redirects(session.postLogin(customer.email, "not the password"), 303, "/login?error=true");
        redirects(session.postLogin(customer.email, Accounts.PASSWORD), 303, "/connections");
        redirects(session.get("/"), 303, "/connections");
        redirects(session.get("/login"), 303, "/");
        redirects(session.post("/connections", "/logout", Map.of()), 303, "/login");
        redirects(session.postLogin(customer.email, Accounts.PASSWORD), 303, "/");
        redirects(session.get("/language?lang=ja&return=/help/codes"), 303, "/help/codes");
    }

    @Test
    void pagesWithoutRedirectsDoNotNameTheHostEither() {
        Session session = visitor();
        for (String path : new String[] {"/help/codes", "/no/such/page", "/q", "/q/", "/q/health", "/q/health/ready",
                "/q/openapi", "/css", "/css/", "/js", "/connections/", "/staff"}) {
            clean(session.get(path));
        }
        clean(session.request().header("Accept", "application/json").get("/q/openapi"));
    }

    @Test
    void invitesFromTheOrganisationsPageLinkToThePublicUrl() {
        Session admin = signedIn(Accounts.admin());
        String email = "hosted-" + Accounts.unique() + "@example.com";
        redirects(admin.post("/staff/organisations", "/staff/organisations",
                Map.of("name", "Hosted " + Accounts.unique(), "email", email)), 303, "/staff/organisations");
        String link = Invites.linkIn(clean(admin.get("/staff/organisations")).asString());
        assertTrue(link.startsWith(INVITE_LINK), link);

        Session invitee = visitor();
        String password = "a long enough passphrase";
        redirects(invitee.post("/invite/" + Invites.tokenOf(link), "/invite/" + Invites.tokenOf(link),
                Map.of("displayName", "Hosted Customer", "password", password, "confirmation", password)), 303, "/login");
    }

    @Test
    void anInviteShownAgainOrReSentLinksToThePublicUrl() {
        Session admin = signedIn(Accounts.admin());
        String email = "again-" + Accounts.unique() + "@example.com";
        redirects(admin.post("/staff/users", "/staff/invites", Map.of("email", email, "role", "support")), 303,
                "/staff/users");
        String page = "/staff/invites/" + QuarkusTransaction.requiringNew().call(
                () -> Invite.<Invite>find("email", email).singleResult().id);
        assertTrue(Invites.linkIn(clean(admin.get(page)).asString()).startsWith(INVITE_LINK));
        redirects(admin.post(page, page + "/resend", Map.of()), 303, page);
        assertTrue(Invites.linkIn(clean(admin.get(page)).asString()).startsWith(INVITE_LINK));
    }

    @Test
    void invitesFromTheUsersPageLinkToThePublicUrl() {
        Session admin = signedIn(Accounts.admin());
        String email = "hosted-" + Accounts.unique() + "@example.com";
        redirects(admin.post("/staff/users", "/staff/invites", Map.of("email", email, "role", "support")), 303,
                "/staff/users");
        String link = Invites.linkIn(clean(admin.get("/staff/users")).asString());
        assertTrue(link.startsWith(INVITE_LINK), link);

        Account leaving = Accounts.support();
        redirects(admin.post("/staff/users", "/staff/users/" + leaving.id + "/deactivate", Map.of()), 303,
                "/staff/users");
    }

    @Test
    void theConnectionFormsRedirectToLocalPaths() {
        Organisation organisation = Accounts.organisation("Hosted");
        Session customer = signedIn(Accounts.customer(organisation));
        Response created = clean(customer.post("/connections/new", "/connections", Connections.form()));
        assertEquals(303, created.statusCode());
        String page = created.header("Location");
        assertTrue(page.matches("/connections/[0-9a-f-]{36}"), page);
        clean(customer.get(page));

        Response started = clean(customer.post(page, page + "/checks", Map.of()));
        assertEquals(303, started.statusCode());
        String check = started.header("Location");
        assertTrue(CHECK_PAGE.matcher(check).matches(), check);
        clean(customer.get(check));
        redirects(customer.post(page, page + "/role", Map.of("roleArn", "arn:aws:iam::123456789012:role/reports")), 303,
                page + "#check");
        redirects(customer.post(page, page + "/rotation", Map.of("confirm", "yes")), 303, page);

        Session admin = signedIn(Accounts.admin());
        redirects(admin.post(page, page + "/revoke", Map.of("reason", "Contract ended", "confirm", "yes")), 303, page);
    }

    @Test
    void theApiTokenFormsRedirectToLocalPaths() {
        Session admin = signedIn(Accounts.admin());
        String name = "hosted-" + Accounts.unique();
        Map<String, String> form = new HashMap<>(Map.of("name", name, "scopes", Scope.READ.id()));
        redirects(admin.post("/staff/api-tokens", "/staff/api-tokens", form), 303, "/staff/api-tokens#new-token");
        clean(admin.get("/staff/api-tokens"));
        String id = QuarkusTransaction.requiringNew().call(() ->
                ApiToken.<ApiToken>find("name", name).singleResult().id.toString());
        redirects(admin.post("/staff/api-tokens", "/staff/api-tokens/" + id + "/revoke", Map.of()), 303,
                "/staff/api-tokens");
    }

    @Test
    void theApiGivesThePublicInviteUrlAndALocalCheckLocation() {
        ApiClient manager = ApiClient.withScopes(Scope.MANAGE, Scope.READ);
        Response organisation = manager.request().header("Host", EVIL)
                .body("{\"name\":\"Hosted " + Accounts.unique() + "\",\"email\":\"api-" + Accounts.unique() + "@example.com\"}")
                .post("/api/v1/organisations");
        clean(organisation).then().statusCode(201)
                .body("inviteUrl", matchesPattern(Pattern.quote(INVITE_LINK) + "[A-Za-z0-9_-]{43}"));

        String connection = Connections.create(Accounts.organisation("Hosted"), "api").id.toString();
        Response started = manager.request().header("Host", EVIL).post("/api/v1/connections/" + connection + "/checks");
        clean(started).then().statusCode(202);
        String location = started.header("Location");
        assertTrue(location.matches("/api/v1/connections/" + connection + "/checks/[0-9a-f-]{36}"), location);
        manager.request().get(location).then().statusCode(200).body("outcome", matchesPattern("[A-Z]+"));
        clean(manager.request().header("Host", EVIL).get("/api/v1/connections/" + connection));
    }

    @Test
    void theSessionCookieIsSecureWhenThePublicUrlIsHttps() {
        Account customer = Accounts.customer(Accounts.organisation("Secure"));
        String cookie = Session.anonymous().postLogin(customer.email, Accounts.PASSWORD).then().statusCode(303)
                .extract().headers().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("rolegate-session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void aReturnPathOnAnotherSiteIsNotFollowed() {
        Account customer = Accounts.customer(Accounts.organisation("Elsewhere"));
        Session session = visitor();
        session.cookies().put("rolegate-return", "//" + EVIL + "/steal");
        redirects(session.postLogin(customer.email, Accounts.PASSWORD), 303, "/");
    }
}
