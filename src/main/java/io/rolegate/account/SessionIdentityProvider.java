package io.rolegate.account;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Restores the identity of an existing session on every request, from the database: a deactivated
 * account, or one whose role changed, takes effect on the next request.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            UUID id;
            try {
                id = UUID.fromString(request.getPrincipal());
            } catch (IllegalArgumentException e) {
                throw new AuthenticationFailedException();
            }
            Account account = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findByIdOptional(id)
                    .filter(found -> found.active)
                    .orElse(null));
            if (account == null) {
                throw new AuthenticationFailedException();
            }
            return AccountIdentityProvider.identity(account);
        });
    }
}
