package io.rolegate.account;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.rolegate.support.Accounts;
import io.rolegate.support.MovableClock;
import io.rolegate.support.Session;

/**
 * Sessions live in the database (PRODUCT §1): the cookie names a row, so whatever one instance writes there every
 * instance sharing the database obeys on the next request. Lifetimes: 8 h from sign-in, 1 h without a request.
 */
@QuarkusTest
class SessionTest {

    @Inject
    MovableClock clock;

    @Inject
    DataSource database;

    @Inject
    Sessions sessions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Account customer() {
        return Accounts.customer(Accounts.organisation("Sessions"));
    }

    @Test
    void theCookieCarriesOnlyARandomIdAndTheDatabaseOnlyItsHash() throws Exception {
        Account customer = customer();
        Session browser = Session.anonymous();
        Cookie cookie = browser.postLogin(customer.email, Accounts.PASSWORD).then().statusCode(303)
                .extract().detailedCookie(SessionMechanism.SESSION_COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        assertFalse(cookie.isSecured(), "the default public URL is http");
        assertEquals("/", cookie.getPath());
        assertFalse(cookie.hasMaxAge(), "a browser-session cookie; the server decides when the session ends");
        assertEquals(32, Base64.getUrlDecoder().decode(cookie.getValue()).length);

        List<byte[]> stored = hashesOf(customer.id);
        assertEquals(1, stored.size());
        assertArrayEquals(sha256(cookie.getValue()), stored.get(0));
        browser.get("/connections").then().statusCode(200);
    }

    @Test
    void aSessionStartedByAnotherInstanceOpensPagesHere() throws SQLException {
        Account customer = customer();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        insert(id, customer.id, Instant.now(), Instant.now().plus(Duration.ofHours(8)));
        Session browser = Session.anonymous();
        browser.cookies().put(SessionMechanism.SESSION_COOKIE, id);
        browser.get("/connections").then().statusCode(200);
    }

    @Test
    void aSessionEndedByAnotherInstanceIsClosedHereAtOnce() throws SQLException {
        Account customer = customer();
        Session browser = Session.signIn(customer);
        browser.get("/connections").then().statusCode(200);
        try (Connection db = database.getConnection();
                PreparedStatement sql = db.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
            sql.setObject(1, customer.id);
            assertEquals(1, sql.executeUpdate());
        }
        browser.get("/connections").then().statusCode(302).header("Location", equalTo("/login"));
    }

    @Test
    void aSessionEndsAfterAnHourWithoutARequest() {
        Session browser = Session.signIn(customer());
        clock.advance(Duration.ofMinutes(59));
        browser.get("/connections").then().statusCode(200);
        clock.advance(Duration.ofMinutes(59));
        browser.get("/connections").then().statusCode(200);
        clock.advance(Duration.ofMinutes(61));
        browser.get("/connections").then().statusCode(302).header("Location", equalTo("/login"));
    }

    @Test
    void aSessionEndsEightHoursAfterSigningInEvenWhileInUse() {
        Session browser = Session.signIn(customer());
        for (int hour = 1; hour <= 8; hour++) {
            clock.advance(Duration.ofMinutes(59));
            browser.get("/connections").then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(9));
        browser.get("/connections").then().statusCode(302).header("Location", equalTo("/login"));
    }

    @Test
    void expiredSessionsAreDeleted() {
        Account idle = customer();
        Session.signIn(idle);
        clock.advance(Duration.ofMinutes(61));
        Account active = customer();
        Session browser = Session.signIn(active);

        sessions.purgeExpired();
        assertEquals(0, hashesOf(idle.id).size());
        assertEquals(1, hashesOf(active.id).size());
        browser.get("/connections").then().statusCode(200);
    }

    @Test
    void signingInAgainEndsTheSessionTheBrowserHeld() {
        Account customer = customer();
        Session browser = Session.signIn(customer);
        Session copy = browser.copy();
        browser.request().formParams(Map.of("j_username", customer.email, "j_password", Accounts.PASSWORD,
                "csrf-token", browser.cookies().get("csrf-token"))).post("/j_security_check").then().statusCode(303);
        copy.get("/connections").then().statusCode(302).header("Location", equalTo("/login"));
        assertEquals(1, hashesOf(customer.id).size());
    }

    @Test
    void anUnknownSessionIsAnonymousAndCanSignIn() {
        Account customer = customer();
        Session browser = Session.anonymous();
        browser.cookies().put(SessionMechanism.SESSION_COOKIE, "not-a-session");
        browser.get("/connections").then().statusCode(302).header("Location", equalTo("/login"));
        browser.get("/login").then().statusCode(200);
        browser.postLogin(customer.email, Accounts.PASSWORD).then().statusCode(303);
        browser.get("/connections").then().statusCode(200);
    }

    private void insert(String id, UUID account, Instant createdAt, Instant expiresAt) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(
                "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            sql.setBytes(1, sha256(id));
            sql.setObject(2, account);
            sql.setObject(3, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            sql.setObject(4, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            sql.setObject(5, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            sql.executeUpdate();
        }
    }

    private List<byte[]> hashesOf(UUID account) {
        try (Connection db = database.getConnection();
                PreparedStatement sql = db.prepareStatement("SELECT token_hash FROM sessions WHERE user_id = ?")) {
            sql.setObject(1, account);
            List<byte[]> hashes = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getBytes(1));
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
