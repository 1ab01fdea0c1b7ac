package io.rolegate.aws;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The open {@link ConnectionScope}s of this instance, so that a revocation can stop every AWS request made for
 * its connection at once (PRODUCT §5, §6): the requests a running check or a credential refresh has in flight
 * are aborted, and no further request of theirs is sent.
 *
 * <p>The revocation trips the scopes before its transaction commits, so no request leaves after the commit;
 * should that transaction roll back, {@link #restore} lets the connection's requests through again. Other
 * instances learn of a revocation from the database, which checks and the broker read before every AssumeRole.
 */
@ApplicationScoped
public class ConnectionScopes {

    private final Map<UUID, Set<ConnectionScope>> open = new ConcurrentHashMap<>();
    private final Set<UUID> revoked = ConcurrentHashMap.newKeySet();

    /** Opens the scope of one piece of work (a check, a credential refresh) for the connection. */
    public ConnectionScope open(UUID connectionId) {
        ConnectionScope scope = new ConnectionScope(connectionId, this, false);
        open.compute(connectionId, (id, scopes) -> {
            Set<ConnectionScope> all = scopes == null ? ConcurrentHashMap.newKeySet() : scopes;
            all.add(scope);
            return all;
        });
        if (revoked.contains(connectionId)) {
            scope.revoke();
        }
        return scope;
    }

    /** Whether the connection was revoked on this instance (the database knows of revocations on every instance). */
    public boolean isRevoked(UUID connectionId) {
        return revoked.contains(connectionId);
    }

    /** Stops every request of the connection's open scopes and of any scope opened from now on. */
    public void revoke(UUID connectionId) {
        revoked.add(connectionId);
        open.getOrDefault(connectionId, Set.of()).forEach(ConnectionScope::revoke);
    }

    /** Undoes {@link #revoke} after its transaction rolled back; requests already aborted stay aborted. */
    public void restore(UUID connectionId) {
        revoked.remove(connectionId);
        open.getOrDefault(connectionId, Set.of()).forEach(ConnectionScope::restore);
    }

    void closed(ConnectionScope scope) {
        open.computeIfPresent(scope.connectionId(), (id, scopes) -> {
            scopes.remove(scope);
            return scopes.isEmpty() ? null : scopes;
        });
    }
}
