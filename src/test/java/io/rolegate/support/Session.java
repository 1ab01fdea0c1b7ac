package io.rolegate.support;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rolegate.account.Account;

/**
 * A browser-like client for RestAssured: signs in through the real form (with the CSRF token of the sign-in
 * page), keeps the cookies, and reads the CSRF token from a page the way a form would.
 */
public final class Session {

    // Browsers send forms in the page's charset; RestAssured would otherwise use ISO-8859-1.
    private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8));

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    /** Where requests go; null: the application under test. */
    private URL base;

    public static Session anonymous() {
        return new Session();
    }

    /** Another browser holding a copy of this session's cookies, as if they had been copied out of this one. */
    public Session copy() {
        Session copy = new Session();
        copy.cookies.putAll(cookies);
        copy.base = base;
        return copy;
    }

    /** A copy of this session that sends its requests to another instance of Rolegate, at {@code base}. */
    public Session at(URL base) {
        Session moved = copy();
        moved.base = base;
        return moved;
    }

    /** Signs in on the instance of Rolegate at {@code base}. */
    public static Session signIn(URL base, String email, String password) {
        Session session = anonymous().at(base);
        Response response = session.postLogin(email, password);
        if (!session.cookies.containsKey("rolegate-session")) {
            throw new AssertionError("sign-in failed for " + email + ": " + response.getHeader("Location"));
        }
        return session;
    }

    /** Sends this header with every later request of this session (a forged {@code Host}, say). */
    public Session withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static Session signIn(Account account) {
        return signIn(account.email, Accounts.PASSWORD);
    }

    public static Session signIn(String email, String password) {
        Session session = new Session();
        Response response = session.postLogin(email, password);
        if (!session.cookies.containsKey("rolegate-session")) {
            throw new AssertionError("sign-in failed for " + email + ": " + response.getHeader("Location"));
        }
        return session;
    }

    /** Submits the sign-in form of {@code /login}, with its CSRF token. */
    public Response postLogin(String email, String password) {
        return post("/login", "/j_security_check", Map.of("j_username", email, "j_password", password));
    }

    /** A request carrying this session's cookies and headers, not following redirects. */
    public RequestSpecification request() {
        RequestSpecification request = given().config(UTF8).redirects().follow(false).cookies(cookies).headers(headers);
        return base == null ? request : request.baseUri(base.getProtocol() + "://" + base.getHost()).port(base.getPort());
    }

    public Response get(String path) {
        return remember(request().get(path));
    }

    /** Posts a form with the CSRF token a browser would have, taken from {@code formPage}. */
    public Response post(String formPage, String action, Map<String, ?> fields) {
        String token = csrfToken(formPage);
        return remember(request().formParams(fields).formParam("csrf-token", token).post(action));
    }

    /** Posts a form without any CSRF token, as a forged cross-site request would. */
    public Response postWithoutCsrf(String action, Map<String, ?> fields) {
        return remember(request().formParams(fields).post(action));
    }

    public String csrfToken(String formPage) {
        Matcher matcher = CSRF_FIELD.matcher(get(formPage).asString());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field on " + formPage);
        }
        return matcher.group(1);
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    private Response remember(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
        return response;
    }
}
