package io.rolegate.api;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Authorization: Bearer rgt_…} on {@code /api/v1/*} and nowhere else. application.properties makes
 * this the only mechanism of the API paths (so a session cookie never authorises the API), and the mechanism
 * itself ignores every other path (so a token never opens a page). A refusal is a 401 with a problem (ApiError) body.
 */
@ApplicationScoped
public class ApiTokenMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/v1/";
    private static final String SCHEME = "bearer";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String PREFIX = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"rolegate-api\"";
    private static final String UNAUTHORIZED = ApiError.json(401, "unauthorized",
            "A valid API token is required: send Authorization: Bearer rgt_… (tokens are created by administrators).");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (!isApi(context) || header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().nullItem();
        }
        String presented = header.substring(PREFIX.length()).trim();
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiTokenRequest(presented), context))
                .invoke(identity -> context.put(ApiTokenIdentityProvider.CALLER, identity.getAttribute(ApiTokenIdentityProvider.CALLER)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return Uni.createFrom().item(false);
        }
        if (!context.response().ended()) {
            context.response().setStatusCode(401)
                    .putHeader(WWW_AUTHENTICATE, CHALLENGE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ApiError.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(UNAUTHORIZED);
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    /** Below the session mechanism, so pages keep their sign-in redirect as the challenge. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }

    static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith(API_PATH);
    }
}
