package io.rolegate.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.rolegate.account.Role;

/** Where a visitor lands: the sign-in page, or the starting page of their role. Also the language switch. */
@Path("/")
public class HomeResource {

    private final SecurityIdentity identity;
    private final Redirect redirect;

    HomeResource(SecurityIdentity identity, Redirect redirect) {
        this.identity = identity;
        this.redirect = redirect;
    }

    @GET
    public Response home() {
        if (identity.isAnonymous()) {
            return redirect.to("/login");
        }
        return redirect.to(identity.hasRole(Role.CUSTOMER_ROLE) ? "/connections" : "/staff/connections");
    }

    @GET
    @Path("language")
    public Response language(@QueryParam("lang") String lang, @QueryParam("return") String returnTo) {
        Language language = Language.parse(lang).orElse(Language.EN);
        return Redirect.seeOther(localPath(returnTo))
                .cookie(new NewCookie.Builder(Language.COOKIE).value(language.code()).path("/")
                        .maxAge(60 * 60 * 24 * 365).sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }

    /** {@code path} if it is a path on this site, else {@code /}: no redirect of ours can send people elsewhere. */
    public static String localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            return "/";
        }
        return path;
    }
}
