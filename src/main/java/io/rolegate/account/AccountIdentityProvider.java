package io.rolegate.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks an email and password against the accounts, refusing throttled emails and deactivated
 * accounts. The principal's name is the account id, so a session follows the account, not the email.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Set on the response when sign-in was refused because of too many failures. */
    public static final String THROTTLED_COOKIE = "rolegate-throttled";

    /** Identity attribute with the account's display name, so pages need no query to show it. */
    public static final String DISPLAY_NAME = "displayName";
    /** The customer's organisation ({@link java.util.UUID}); absent for staff. */
    public static final String ORGANISATION_ID = "organisationId";

    // Compared against when the email is unknown, so that the answer takes as long as for a real account.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    private final LoginThrottle throttle;

    AccountIdentityProvider(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String email = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            if (throttle.isLocked(email)) {
                RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
                if (routing != null) {
                    routing.response().addCookie(Cookie.cookie(THROTTLED_COOKIE, "1")
                            .setPath("/login").setMaxAge(60).setHttpOnly(true));
                }
                throw new AuthenticationFailedException("too many failed sign-ins");
            }
            Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email));
            boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(DUMMY_HASH));
            if (account.isEmpty() || !matches || !account.get().active) {
                throttle.recordFailure(email);
                throw new AuthenticationFailedException();
            }
            throttle.clear(email);
            return identity(account.get());
        });
    }

    static SecurityIdentity identity(Account account) {
        return identity(new Sessions.Owner(account.id, account.role, account.displayName, account.organisationId()));
    }

    static SecurityIdentity identity(Sessions.Owner owner) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(owner.accountId().toString()))
                .addRole(owner.role().id())
                .addAttribute(DISPLAY_NAME, owner.displayName());
        if (owner.organisationId() != null) {
            identity.addAttribute(ORGANISATION_ID, owner.organisationId());
        }
        return identity.build();
    }
}
