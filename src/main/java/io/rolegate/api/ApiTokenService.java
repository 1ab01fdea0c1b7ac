package io.rolegate.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rolegate.account.Account;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;

/** Issues, lists and revokes API tokens, and recognises a presented token. */
@ApplicationScoped
public class ApiTokenService {

    /** Last use is recorded at this granularity, so a busy client does not write a row per request. */
    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    private final AuditTrail audit;
    private final Clock clock;

    ApiTokenService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and its secret; the secret exists only in the returned value. */
    public record Issued(ApiToken token, ApiTokenSecret secret) {
    }

    /** Who is calling the API: a live token's id, name and scopes. */
    public record Caller(UUID tokenId, String name, Set<Scope> scopes) {
    }

    @Transactional
    public Issued issue(String name, Set<Scope> scopes, Account admin) {
        ApiTokenSecret secret = ApiTokenSecret.generate();
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = name;
        token.tokenHash = secret.hash();
        token.scopes = Scope.join(scopes);
        token.createdBy = admin.id;
        token.createdAt = clock.instant();
        token.persist();
        audit.record(actor(admin), AuditAction.API_TOKEN_CREATED, null, null, name, token.scopes);
        return new Issued(token, secret);
    }

    /** Revokes the token (a second revocation changes nothing); false when there is no such token. */
    @Transactional
    public boolean revoke(UUID id, Account admin) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            return false;
        }
        if (!token.isRevoked()) {
            token.revokedAt = clock.instant();
            token.revokedBy = admin.id;
            audit.record(actor(admin), AuditAction.API_TOKEN_REVOKED, null, null, token.name, token.scopes);
        }
        return true;
    }

    @Transactional
    public List<ApiToken> list() {
        return ApiToken.listNewestFirst();
    }

    /**
     * The caller a presented secret belongs to, if it is a live token; looked up in the database on every
     * request, so a revocation takes effect at once on every instance.
     */
    @Transactional
    public Optional<Caller> recognise(String presented) {
        if (!ApiTokenSecret.wellFormed(presented)) {
            return Optional.empty();
        }
        return ApiToken.findByHash(ApiTokenSecret.hash(presented))
                .filter(token -> !token.isRevoked())
                .map(token -> {
                    Instant now = clock.instant();
                    if (token.lastUsedAt == null || !now.isBefore(token.lastUsedAt.plus(LAST_USE_GRANULARITY))) {
                        token.lastUsedAt = now;
                    }
                    return new Caller(token.id, token.name, token.scopeSet());
                });
    }

    static AuditTrail.Actor actor(Account account) {
        return new AuditTrail.Actor(account.id, account.email);
    }
}
