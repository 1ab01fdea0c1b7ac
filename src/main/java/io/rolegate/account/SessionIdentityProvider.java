package io.rolegate.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Restores the identity of an existing session on every request, from the database: a deactivated
 * account, or one whose role changed, takes effect on the next request. Every signed-in page view starts
 * here, so it is one statement in auto-commit, without a transaction or a persistence context.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final String ACTIVE_ACCOUNT = "SELECT role, display_name FROM users WHERE id = ? AND active";

    private final DataSource database;

    SessionIdentityProvider(DataSource database) {
        this.database = database;
    }

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
            return restore(id);
        });
    }

    private SecurityIdentity restore(UUID id) {
        try (Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(ACTIVE_ACCOUNT)) {
            sql.setObject(1, id);
            try (ResultSet account = sql.executeQuery()) {
                if (!account.next()) {
                    throw new AuthenticationFailedException();
                }
                Role role = Role.parse(account.getString(1)).orElseThrow(AuthenticationFailedException::new);
                return AccountIdentityProvider.identity(id, role, account.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restore the session of account " + id, e);
        }
    }
}
