package io.rolegate.aws;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.http.ExecutableHttpRequest;

/**
 * The AWS requests Rolegate makes for one connection while a check or a credential refresh runs (PRODUCT §5,
 * §6). Once revoked, no request of the scope leaves Rolegate — SDK retries included — and the requests in
 * flight are aborted. Obtained from {@link ConnectionScopes#open}; close it when the work is done.
 */
public final class ConnectionScope implements AutoCloseable {

    private final UUID connectionId;
    private final ConnectionScopes registry;
    private final Set<ExecutableHttpRequest> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean revoked;

    ConnectionScope(UUID connectionId, ConnectionScopes registry, boolean revoked) {
        this.connectionId = connectionId;
        this.registry = registry;
        this.revoked = revoked;
    }

    public UUID connectionId() {
        return connectionId;
    }

    /** Whether the connection was revoked since the scope opened: every further request is refused. */
    public boolean isRevoked() {
        return revoked;
    }

    /**
     * Registers a request about to be sent; false when the scope is revoked, and then it must not be sent. A
     * request is registered before the flag is read, so a concurrent {@link #revoke()} either sees it (and
     * aborts it) or is seen here.
     */
    boolean enter(ExecutableHttpRequest request) {
        inFlight.add(request);
        if (revoked) {
            inFlight.remove(request);
            return false;
        }
        return true;
    }

    void leave(ExecutableHttpRequest request) {
        inFlight.remove(request);
    }

    /** Refuses every further request and aborts those in flight (their connections are closed). */
    void revoke() {
        revoked = true;
        inFlight.forEach(ExecutableHttpRequest::abort);
    }

    /** The revocation that tripped this scope was rolled back. */
    void restore() {
        revoked = false;
    }

    @Override
    public void close() {
        registry.closed(this);
    }
}
