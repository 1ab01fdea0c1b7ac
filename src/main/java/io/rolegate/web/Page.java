package io.rolegate.web;

import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.rolegate.account.Account;
import io.rolegate.account.AccountIdentityProvider;
import io.rolegate.account.Role;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * What every page shares: who is signed in, the language, the current path and the flash message.
 * Templates reach it as {@code inject:page}.
 */
@Named("page")
@RequestScoped
public class Page {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private final Redirect redirect;

    private Account user;
    private boolean userLoaded;
    private Flash flash;
    private boolean flashRead;
    private ZoneId zone;
    private Language language;

    Page(SecurityIdentity identity, CurrentVertxRequest request, Redirect redirect) {
        this.identity = identity;
        this.request = request;
        this.redirect = redirect;
    }

    /** The signed-in account, or null on anonymous pages. */
    public Account getUser() {
        if (!userLoaded) {
            userLoaded = true;
            if (!identity.isAnonymous()) {
                UUID id = UUID.fromString(identity.getPrincipal().getName());
                user = QuarkusTransaction.joiningExisting().call(() -> Account.<Account>findByIdOptional(id).orElse(null));
            }
        }
        return user;
    }

    public String getDisplayName() {
        return identity.isAnonymous() ? "" : identity.getAttribute(AccountIdentityProvider.DISPLAY_NAME);
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** The signed-in person's role, read from the session; null on anonymous pages. */
    public Role role() {
        for (Role role : Role.values()) {
            if (identity.hasRole(role.id())) {
                return role;
            }
        }
        return null;
    }

    /**
     * The signed-in customer's organisation, read from the session without loading the account; null for staff
     * and on anonymous pages.
     */
    public UUID organisationId() {
        return identity.isAnonymous() ? null : identity.getAttribute(AccountIdentityProvider.ORGANISATION_ID);
    }

    public boolean isStaff() {
        return identity.hasRole(Role.SUPPORT_ROLE) || identity.hasRole(Role.ADMIN_ROLE);
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_ROLE);
    }

    public boolean isCustomer() {
        return identity.hasRole(Role.CUSTOMER_ROLE);
    }

    public String getLang() {
        return language().code();
    }

    /** The page's language, decided once per request: every message of the page asks for it. */
    public Language language() {
        if (language == null) {
            RoutingContext context = request.getCurrent();
            language = context == null ? Language.EN : Language.of(context.request());
        }
        return language;
    }

    /** The time zone this viewer reads times in (see {@link ViewerZone}). */
    public ZoneId zone() {
        if (zone == null) {
            RoutingContext context = request.getCurrent();
            zone = context == null ? ViewerZone.usual(Language.EN) : ViewerZone.of(context.request(), language());
        }
        return zone;
    }

    /** The name of the viewer's time zone, as the page names it, e.g. {@code Asia/Tokyo} or {@code UTC}. */
    public String getZoneName() {
        return zone().getId().equals("Z") ? "UTC" : zone().getId();
    }

    /** Path and query of this request, for links that come back here (the language switch). */
    public String getPath() {
        RoutingContext context = request.getCurrent();
        return context == null ? "/" : context.request().uri();
    }

    /** The flash message set by the redirect that led here, read once. */
    public Flash getFlash() {
        if (!flashRead) {
            flashRead = true;
            RoutingContext context = request.getCurrent();
            Cookie cookie = context == null ? null : context.request().getCookie(Flash.COOKIE);
            flash = cookie == null ? null : redirect.read(cookie.getValue()).orElse(null);
        }
        return flash;
    }

}
