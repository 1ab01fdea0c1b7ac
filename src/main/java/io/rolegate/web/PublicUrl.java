package io.rolegate.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The address people open Rolegate at, {@code rolegate.public-url} (README, "Configuration"): the only base of
 * absolute links such as invite links. Never taken from a request's Host header, which anyone can set; redirects
 * are local paths and need no base. Unset, it is {@code http://localhost:{quarkus.http.port}}, and start-up warns.
 */
@ApplicationScoped
public class PublicUrl {

    private static final Logger LOG = Logger.getLogger(PublicUrl.class);

    private final Optional<URI> configured;

    PublicUrl(@ConfigProperty(name = "rolegate.public-url") Optional<String> configured) {
        this.configured = configured.filter(value -> !value.isBlank()).map(PublicUrl::parse);
    }

    /** The base address, ending in {@code /}. */
    public URI base() {
        // Read when used: with port 0 (tests) Quarkus sets quarkus.http.port to the port it listens on once started.
        return configured.orElseGet(() -> URI.create("http://localhost:"
                + ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080) + "/"));
    }

    /** The absolute address of a path of this site, e.g. {@code link("/invite/abc")}. */
    public String link(String path) {
        return base().resolve(path.startsWith("/") ? path.substring(1) : path).toString();
    }

    /** Whether people reach Rolegate over https, so that its cookies are marked {@code Secure}. */
    public boolean isHttps() {
        return "https".equals(base().getScheme());
    }

    void warnWhenUnset(@Observes StartupEvent start) {
        if (configured.isEmpty()) {
            LOG.warnf("rolegate.public-url is not set: links in invitations point to %s, which only works on this "
                    + "machine. Set it to the address people open Rolegate at, e.g. https://rolegate.example.com.", base());
        }
    }

    /**
     * An http or https address with a host and nothing after it but an optional {@code /}: Rolegate serves its pages
     * from the root, so a path would give links that lead nowhere. Anything else stops start-up with the reason.
     */
    static URI parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid(value, "it is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(value, "it must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid(value, "it must name a host (and no user)");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(value, "Rolegate is served from the root: give only the scheme, host and port");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + "/");
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        return new IllegalArgumentException("rolegate.public-url '" + value + "' is not usable: " + reason);
    }
}
