package io.rolegate.web;

import java.util.Arrays;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.rolegate.api.ApiException;
import io.vertx.core.http.HttpHeaders;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Error pages in the layout, in the visitor's language, never with a stack trace.
 * Unexpected errors are logged with an id that the page shows, so support can find them.
 */
@Singleton
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;

    ErrorPages(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return page(404, uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return page(405, uri);
    }

    /** A page request with a control character or a repeated parameter, on a route without a form to show it. */
    @ServerExceptionMapper
    public Response refused(InputRefused e) {
        return page(400);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return page(status, uri);
    }

    /** The CSRF filter fails this way on a token that is not even well-formed: a forged form, not our fault. */
    @ServerExceptionMapper
    public Response malformed(IllegalArgumentException e) {
        if (Arrays.stream(e.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith("io.quarkus.csrf."))) {
            return page(400);
        }
        LOG.error("Request failed", e);
        return page(500);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Request failed", e);
        return page(500);
    }

    /**
     * Filters that refuse a request without an exception (the CSRF filter answers a bare 400) would
     * show an empty page: give HTML visitors the error page instead.
     */
    @ServerResponseFilter
    public void emptyErrors(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity() && !request.getUriInfo().getPath().startsWith("/api/")
                && request.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE))) {
            response.setEntity(instance(response.getStatus()), null, MediaType.TEXT_HTML_TYPE);
        }
    }

    /**
     * An API path that no API method matched (an unknown path, a wrong method or media type) still answers the
     * API's JSON; the API's own mappers answer everything after that.
     */
    private Response page(int status, UriInfo uri) {
        return uri.getPath().startsWith("/api/") ? ApiException.forStatus(status).response() : page(status);
    }

    Response page(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(instance(status)).build();
    }

    private TemplateInstance instance(int status) {
        String kind = switch (status) {
            case 400, 403, 404, 405, 413 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "400";
        };
        return error.data("titleKey", "error_" + kind + "_title").data("explanationKey", "error_" + kind + "_text");
    }

    /** Answers a request that no resource handles with the error page; renders on a worker thread (it may read the database). */
    void endOutsideRest(RoutingContext context, int status) {
        context.vertx().executeBlocking(() -> renderOutsideRest(context, status)).onComplete(page -> {
            if (page.succeeded()) {
                context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                        .end(page.result());
            } else {
                context.fail(page.cause());
            }
        });
    }

    private String renderOutsideRest(RoutingContext context, int status) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(context);
            return instance(status).setLocale(Language.of(context.request()).locale()).render();
        } finally {
            requestContext.terminate();
        }
    }

    /** Paths that no resource serves get the same 404 page. */
    void unmatchedPaths(@Observes Router router) {
        router.route().last().handler(context -> endOutsideRest(context, 404));
    }
}
