package io.rolegate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;

/** What a revocation does to the AWS requests of its connection on this instance, and only of its connection. */
class ConnectionScopesTest {

    private final ConnectionScopes scopes = new ConnectionScopes();
    private final UUID connection = UUID.randomUUID();

    @Test
    void aRevocationAbortsTheRequestsInFlightAndRefusesTheNextOnes() {
        ConnectionScope scope = scopes.open(connection);
        Exchange inFlight = new Exchange();
        assertTrue(scope.enter(inFlight));

        scopes.revoke(connection);

        assertEquals(1, inFlight.aborted.get(), "the request in flight was aborted");
        assertTrue(scope.isRevoked());
        assertFalse(scope.enter(new Exchange()), "no further request is sent");
        assertTrue(scopes.open(connection).isRevoked(), "work started after the revocation is stopped too");
    }

    @Test
    void otherConnectionsAreNotTouched() {
        ConnectionScope other = scopes.open(UUID.randomUUID());
        Exchange inFlight = new Exchange();
        other.enter(inFlight);

        scopes.revoke(connection);

        assertFalse(other.isRevoked());
        assertEquals(0, inFlight.aborted.get());
    }

    @Test
    void aRolledBackRevocationLetsTheConnectionsRequestsThroughAgain() {
        ConnectionScope scope = scopes.open(connection);
        scopes.revoke(connection);

        scopes.restore(connection);

        assertFalse(scope.isRevoked());
        assertTrue(scope.enter(new Exchange()));
        assertFalse(scopes.isRevoked(connection));
    }

    @Test
    void closedScopesAreForgotten() {
        ConnectionScope scope = scopes.open(connection);
        Exchange finished = new Exchange();
        scope.enter(finished);
        scope.leave(finished);
        scope.close();

        scopes.revoke(connection);

        assertFalse(scope.isRevoked(), "the registry no longer holds the closed scope");
        assertEquals(0, finished.aborted.get(), "a finished request is not aborted");
    }

    private static final class Exchange implements ExecutableHttpRequest {
        final AtomicInteger aborted = new AtomicInteger();

        @Override
        public HttpExecuteResponse call() {
            throw new UnsupportedOperationException("never sent in this test");
        }

        @Override
        public void abort() {
            aborted.incrementAndGet();
        }
    }
}
