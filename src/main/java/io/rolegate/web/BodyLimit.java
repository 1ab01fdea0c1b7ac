package io.rolegate.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.rolegate.api.ApiError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests whose body is announced larger than {@code quarkus.http.limits.max-body-size} (2 MB, docs/input.md)
 * get a 413 that says so — the error page, or a problem (ApiError) on the API — instead of Vert.x's empty one. Below that size
 * every form and API body reaches the application, whose fields answer with their own limits. The rest of the
 * refused body is read and dropped, so the client can read the answer and the connection stays usable.
 */
@Singleton
public class BodyLimit {

    private final long maxBytes;
    private final ErrorPages errorPages;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ErrorPages errorPages) {
        this.maxBytes = maxBodySize.asLongValue();
        this.errorPages = errorPages;
    }

    /** Before authentication, which reads the sign-in form's body. */
    void register(@Observes Filters filters) {
        filters.register(this::check, 250);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !isAbove(length)) {
            context.next();
            return;
        }
        context.request().handler(ignored -> {
        });
        context.request().resume();
        long megabytes = maxBytes / (1024 * 1024);
        if (context.normalizedPath().startsWith("/api/")) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ApiError.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(ApiError.json(413, "request_too_large", "The request body is larger than " + megabytes + " MB."));
        } else {
            errorPages.endOutsideRest(context, 413);
        }
    }

    private boolean isAbove(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
