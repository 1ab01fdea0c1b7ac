package io.rolegate.account;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.rolegate.web.Flash;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.HomeResource;
import io.rolegate.web.Language;
import io.rolegate.web.PublicUrl;
import io.rolegate.web.Redirect;
import io.rolegate.web.RefusedInput;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The sign-in page, signing in and signing out (PRODUCT §8: {@code POST /j_security_check} with the fields
 * {@code j_username} and {@code j_password}). Signing in is a form like every other, so the CSRF filter refuses it
 * without the page's token (400); it starts a session in {@link Sessions} and leads to the page first asked for,
 * else to {@code /}. Signing out ends the session in the database, so no copy of its cookie works any more.
 */
@Path("/")
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean throttled);
    }

    private static final String FAILED = "/login?error=true";

    private final SecurityIdentity identity;
    private final IdentityProviderManager identities;
    private final Sessions sessions;
    private final Redirect redirect;
    private final PublicUrl publicUrl;
    private final RefusedInput refused;
    private final AccountService accounts;

    LoginResource(SecurityIdentity identity, IdentityProviderManager identities, Sessions sessions, Redirect redirect,
            PublicUrl publicUrl, RefusedInput refused, AccountService accounts) {
        this.accounts = accounts;
        this.identity = identity;
        this.identities = identities;
        this.sessions = sessions;
        this.redirect = redirect;
        this.publicUrl = publicUrl;
        this.refused = refused;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") boolean error,
            @CookieParam(AccountIdentityProvider.THROTTLED_COOKIE) String throttled) {
        if (!identity.isAnonymous()) {
            return redirect.to("/");
        }
        boolean wasThrottled = error && throttled != null;
        Response.ResponseBuilder response = Response.ok(Templates.login(error && !wasThrottled, wasThrottled));
        if (throttled != null) {
            response.cookie(new NewCookie.Builder(AccountIdentityProvider.THROTTLED_COOKIE)
                    .path("/login").maxAge(0).httpOnly(true).build());
        }
        return response.build();
    }

    /**
     * A 303 like every POST (PRODUCT §10): to the page asked for before (a local path only) or
     * {@code /} with a new session, or back to the form with {@code error=true}. A session this browser still
     * held ends, so that the new one never continues an old id. A control character or a field sent twice
     * ({@link RefusedInput}) is a wrong e-mail or password like any other: nothing is looked up or recorded.
     */
    @POST
    @Path("j_security_check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesRefusedInput
    public Response signIn(@RestForm("j_username") String email, @RestForm("j_password") String password,
            @CookieParam(SessionMechanism.SESSION_COOKIE) String previous,
            @CookieParam(SessionMechanism.RETURN_COOKIE) String returnTo, RoutingContext routing) {
        if (email == null || password == null || refused.any()) {
            return seeOther(FAILED).build();
        }
        SecurityIdentity signedIn;
        try {
            // The routing context lets the identity provider mark a throttled refusal for the sign-in page.
            signedIn = identities.authenticateBlocking(HttpSecurityUtils.setRoutingContextAttribute(
                    new UsernamePasswordAuthenticationRequest(email, new PasswordCredential(password.toCharArray())),
                    routing));
        } catch (AuthenticationFailedException e) {
            return seeOther(FAILED).build();
        }
        sessions.end(previous);
        UUID accountId = UUID.fromString(signedIn.getPrincipal().getName());
        accounts.rememberLanguage(accountId, Language.of(routing.request()));
        String session = sessions.start(accountId);
        Response.ResponseBuilder response = seeOther(returnTo == null ? "/" : HomeResource.localPath(returnTo))
                .cookie(cookie(SessionMechanism.SESSION_COOKIE, session, NewCookie.DEFAULT_MAX_AGE));
        if (returnTo != null) {
            response.cookie(cookie(SessionMechanism.RETURN_COOKIE, "", 0));
        }
        return response.build();
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(SessionMechanism.SESSION_COOKIE) String session) {
        sessions.end(session);
        return redirect.seeOther("/login", Flash.success("flash_signed_out"))
                .cookie(cookie(SessionMechanism.SESSION_COOKIE, "", 0)).build();
    }

    private static Response.ResponseBuilder seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path);
    }

    /** Both cookies are for this site's pages only; {@code Secure} whenever Rolegate is published over https. */
    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure(publicUrl.isHttps()).build();
    }
}
