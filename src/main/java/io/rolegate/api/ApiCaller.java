package io.rolegate.api;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.rolegate.audit.AuditTrail;

/**
 * The token behind the current API request. Every endpoint starts with {@link #require(Scope)}: the scope
 * check (403) and the per-token rate limit (429), in one place so no endpoint can forget either.
 */
@RequestScoped
public class ApiCaller {

    private final SecurityIdentity identity;
    private final RateLimiter limiter;
    private RateLimiter.Quota quota;

    ApiCaller(SecurityIdentity identity, RateLimiter limiter) {
        this.identity = identity;
        this.limiter = limiter;
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
        quota = limiter.acquire(caller.tokenId());
        long wait = quota.retryAfterSeconds();
        if (wait > 0) {
            throw new ApiException(429, "rate_limited",
                    "Too many requests with this token; retry after " + wait + " seconds.", wait);
        }
        return caller;
    }

    /**
     * The token's rate-limit state for the RateLimit-* headers: as the endpoint's {@link #require(Scope)} left it,
     * or, for an answer no endpoint gave (an unknown path, a wrong method), the bucket as it is; empty without a token.
     */
    public Optional<RateLimiter.Quota> quota() {
        if (quota != null) {
            return Optional.of(quota);
        }
        ApiTokenService.Caller caller = identity.isAnonymous() ? null : identity.getAttribute(ApiTokenIdentityProvider.CALLER);
        return Optional.ofNullable(caller).map(found -> limiter.peek(found.tokenId()));
    }

    /** How the token appears in the audit trail: by name, never by its secret. */
    public static AuditTrail.Actor actor(ApiTokenService.Caller caller) {
        return new AuditTrail.Actor(null, "api-token:" + caller.name());
    }
}
