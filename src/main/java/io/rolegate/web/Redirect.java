package io.rolegate.web;

import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answer to every successful POST: 303 See Other to a path of this site, optionally with a flash message for
 * the next page. The {@code Location} stays a relative reference (RFC 9110, section 10.2.2, allows it): JAX-RS'
 * {@code Response.seeOther(URI)} would complete it with the address of the request's Host header, which the client
 * chooses.
 */
@ApplicationScoped
public class Redirect {

    private final byte[] flashKey;

    Redirect(@ConfigProperty(name = "rolegate.secrets.flash") String flashSecret) {
        this.flashKey = Base64.getUrlDecoder().decode(flashSecret);
    }

    public Response to(String path) {
        return seeOther(path).build();
    }

    public Response to(String path, Flash flash) {
        return seeOther(path, flash).build();
    }

    /** A 303 to {@code path} (starting with {@code /}), for a response that needs more than a redirect. */
    public static Response.ResponseBuilder seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path);
    }

    /** A 303 to {@code path} with a flash message, for a response that needs more than a redirect. */
    public Response.ResponseBuilder seeOther(String path, Flash flash) {
        return seeOther(path).cookie(cookie(flash.seal(flashKey), 120));
    }

    Optional<Flash> read(String cookieValue) {
        return Flash.open(cookieValue, flashKey);
    }

    static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(Flash.COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
