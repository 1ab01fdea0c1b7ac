package io.rolegate.account;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.rolegate.web.Flash;
import io.rolegate.web.Redirect;

/** The sign-in page (the form posts to Quarkus' {@code /j_security_check}) and signing out. */
@Path("/")
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean throttled);
    }

    private final SecurityIdentity identity;
    private final Redirect redirect;

    LoginResource(SecurityIdentity identity, Redirect redirect) {
        this.identity = identity;
        this.redirect = redirect;
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

    @POST
    @Path("logout")
    public Response logout() {
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        return redirect.to("/login", Flash.success("flash_signed_out"));
    }
}
