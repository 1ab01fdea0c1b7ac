package io.rolegate.api;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.rolegate.audit.AuditTrail;
import io.vertx.ext.web.RoutingContext;

/**
 * The token behind the current API request. Every endpoint starts with {@link #require(Scope)}: the scope
 * check (403) and the per-token rate limit (429), in one place so no endpoint can forget either.
 */
@RequestScoped
public class ApiCaller {

    /** Where the request's rate-limit state is kept for the RateLimit-* headers ({@link ApiResponses}). */
    static final String QUOTA = "rolegate.api.quota";

    private final SecurityIdentity identity;
    private final RateLimiter limiter;
    private final RoutingContext routing;

    ApiCaller(SecurityIdentity identity, RateLimiter limiter, RoutingContext routing) {
        this.identity = identity;
        this.limiter = limiter;
        this.routing = routing;
    }

    public ApiTokenService.Caller require(Scope scope) {
        ApiTokenService.Caller caller = identity.getAttribute(ApiTokenIdentityProvider.CALLER);
        if (caller == null) {
            throw new ApiException(401, "unauthorized", "A valid API token is required.");
        }
        if (!caller.scopes().contains(scope)) {
            throw new ApiException(403, "scope_missing",
                    "This token lacks the scope '" + scope.id() + "' that this endpoint requires.");
        }
        RateLimiter.Quota quota = limiter.acquire(caller.tokenId());
        routing.put(QUOTA, quota);
        long wait = quota.retryAfterSeconds();
        if (wait > 0) {
            throw new ApiException(429, "rate_limited",
                    "Too many requests with this token; retry after " + wait + " seconds.", wait);
        }
        return caller;
    }

    /** How the token appears in the audit trail: by name, never by its secret. */
    public static AuditTrail.Actor actor(ApiTokenService.Caller caller) {
        return new AuditTrail.Actor(null, AuditTrail.API_TOKEN_PREFIX + caller.name());
    }
}
