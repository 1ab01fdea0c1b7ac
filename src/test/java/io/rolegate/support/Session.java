package io.rolegate.support;

import static io.restassured.RestAssured.given;

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
 * A browser-like client for RestAssured: signs in through the real form, keeps the cookies,
 * and reads the CSRF token from a page the way a form would.
 */
public final class Session {

    // Browsers send forms in the page's charset; RestAssured would otherwise use ISO-8859-1.
    private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8));

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();

    public static Session anonymous() {
        return new Session();
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

    public Response postLogin(String email, String password) {
        return remember(given().config(UTF8).redirects().follow(false).cookies(cookies)
                .formParam("j_username", email).formParam("j_password", password)
                .post("/j_security_check"));
    }

    /** A request carrying this session's cookies, not following redirects. */
    public RequestSpecification request() {
        return given().config(UTF8).redirects().follow(false).cookies(cookies);
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
