package io.rolegate.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * {@link TextInput}'s rules for the sign-in form, which Quarkus reads itself at the end of the request (so no
 * filter sees its fields before it): it asks the identity providers in turn, this one first. A posted form with
 * a control character or a repeated field, or an email longer than an address can be, is the usual "wrong
 * email or password" outcome, decided before any account is looked up; anything else goes on to the accounts.
 */
@ApplicationScoped
public class LoginInput implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The longest email address (RFC 5321's path limit less its angle brackets), as the account forms allow. */
    static final int MAX_EMAIL = 254;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Asked before the providers of the accounts, which keep the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        MultiMap form = routing == null ? MultiMap.caseInsensitiveMultiMap() : routing.request().formAttributes();
        boolean refused = request.getUsername().length() > MAX_EMAIL || form.names().stream()
                .anyMatch(name -> TextInput.problem(name, form.getAll(name)).isPresent());
        return refused ? Uni.createFrom().failure(new AuthenticationFailedException()) : Uni.createFrom().nullItem();
    }
}
