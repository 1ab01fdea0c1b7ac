package io.rolegate.account;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.rolegate.web.HomeResource;
import io.rolegate.web.PublicUrl;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * How pages know who is signed in: the {@value #SESSION_COOKIE} cookie names a row of {@link Sessions}, looked up on
 * every request. This replaces Quarkus' form authentication, whose cookie holds the whole session encrypted (nothing
 * can end it before it expires, so signing out could not end a copied cookie) and whose redirects are built from the
 * Host header. Signing in is an ordinary form ({@link LoginResource#signIn}), so the CSRF filter checks it like every
 * other form; signing out deletes the row. A visitor without a session who asks for a page is sent to
 * {@code /login} with a 302, and the page asked for is kept in {@value #RETURN_COOKIE} to return to after signing in.
 */
@ApplicationScoped
public class SessionMechanism implements HttpAuthenticationMechanism {

    /** The session id, and nothing else. */
    public static final String SESSION_COOKIE = "rolegate-session";

    /** The page a visitor asked for before being sent to sign in. */
    static final String RETURN_COOKIE = "rolegate-return";

    private static final String SCHEME = "session";
    private static final int MAX_RETURN_PATH = 2000;

    private final PublicUrl publicUrl;

    SessionMechanism(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** An unknown, ended or expired session is anonymous, so public pages (the sign-in page first) still open. */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identityProviderManager
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(cookie.getValue()), context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String asked = context.request().uri();
        if (context.request().method() == HttpMethod.GET && asked.length() <= MAX_RETURN_PATH
                && HomeResource.localPath(asked).equals(asked) && asked.chars().allMatch(SessionMechanism::cookieOctet)) {
            context.response().addCookie(Cookie.cookie(RETURN_COOKIE, asked).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(publicUrl.isHttps()));
        }
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, "/login"));
    }

    /** What a cookie value may hold unquoted (RFC 6265, section 4.1.1). */
    private static boolean cookieOctet(int c) {
        return c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SESSION_COOKIE,
                SCHEME));
    }
}
