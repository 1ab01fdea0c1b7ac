package io.rolegate.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Renders every page in the visitor's language, and drops a flash message once it has been shown. */
public class PageFilter {

    private final Page page;

    PageFilter(Page page) {
        this.page = page;
    }

    @ServerResponseFilter
    public void render(ContainerResponseContext response) {
        if (response.getEntity() instanceof TemplateInstance template) {
            template.setLocale(page.language().locale());
            response.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getHeaders().add(HttpHeaders.VARY, "Accept-Language, Cookie");
            // Reading the flash now lets the response clear its cookie before the body is rendered.
            if (page.getFlash() != null) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, Redirect.cookie("", 0).toString());
            }
        }
    }
}
