package io.rolegate.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Restores the identity of a session on every request, from the database: a session that was ended, an account
 * that was deactivated, or one whose role changed takes effect on the next request, on every instance. Every
 * signed-in page view starts here, so it is one indexed statement in auto-commit ({@link Sessions#restore}),
 * without a transaction or a persistence context. An unknown or ended session fails with
 * {@link AuthenticationFailedException}.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    private final Sessions sessions;

    SessionIdentityProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.restore(request.sessionId())
                .map(AccountIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }
}
