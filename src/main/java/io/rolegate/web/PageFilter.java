package io.rolegate.web;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Renders every page in the visitor's language, and drops a flash message once it has been shown. */
public class PageFilter {

    private final Page page;

    PageFilter(Page page) {
        this.page = page;
    }

    /**
     * Resources that return a template directly are rendered before any response filter runs, in the
     * language of Accept-Language: the choice made with the language switch has to be visible there.
     */
    @ServerRequestFilter
    public void language(ContainerRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, page.getLang());
    }

    /**
     * Pages, downloads and JSON are per user and may carry external IDs or credentials: none is stored by a browser
     * or a proxy (static files are not answered here, and keep their own caching).
     */
    @ServerResponseFilter
    public void render(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (response.getEntity() instanceof TemplateInstance template) {
            template.setLocale(page.language().locale());
        }
        if (response.getMediaType() != null && response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            if (response.getEntity() instanceof String rendered) {
                // Encoded here by the JDK: the default writer's char-by-char UTF-8 encoder took half the CPU of
                // a page view under load (docs/benchmarks.md, "Staff console").
                response.setEntity(rendered.getBytes(StandardCharsets.UTF_8));
            }
            // Reading the flash now lets the response clear its cookie before the body is rendered.
            if (page.getFlash() != null) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, Redirect.cookie("", 0).toString());
            }
        }
    }
}
