package io.rolegate.web;

import java.net.URI;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The answer to every successful POST: 303 See Other, optionally with a flash message for the next page. */
@ApplicationScoped
public class Redirect {

    private final byte[] flashKey;

    Redirect(@ConfigProperty(name = "rolegate.secrets.flash") String flashSecret) {
        this.flashKey = Base64.getUrlDecoder().decode(flashSecret);
    }

    public Response to(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public Response to(String path, Flash flash) {
        return Response.seeOther(URI.create(path)).cookie(cookie(flash.seal(flashKey), 120)).build();
    }

    Optional<Flash> read(String cookieValue) {
        return Flash.open(cookieValue, flashKey);
    }

    static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(Flash.COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
