package io.rolegate.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An API token as stored: its name, scopes and life, and the hash of the secret, never the secret. */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String tokenHash;

    public String scopes;

    public UUID createdBy;

    public Instant createdAt;

    public Instant lastUsedAt;

    public Instant revokedAt;

    public UUID revokedBy;

    public Set<Scope> scopeSet() {
        return Scope.split(scopes);
    }

    public String revokePath() {
        return "/staff/api-tokens/" + id + "/revoke";
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    static Optional<ApiToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    static List<ApiToken> listNewestFirst() {
        return list("order by createdAt desc");
    }
}
