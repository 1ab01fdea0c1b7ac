package io.rolegate.api;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every answer under /api/v1 has in common (docs/api.md): errors are problems ({@value ApiError#MEDIA_TYPE}),
 * also those the framework decides before any endpoint runs (unknown path, wrong method, media type or Accept);
 * every answer is {@code Cache-Control: no-store} (they carry external IDs, invite links or credentials) and
 * carries the token's RateLimit-* headers; a query parameter that the operation does not define is a 400.
 */
@Singleton
public class ApiResponses {

    static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RateLimiter limiter;

    ApiResponses(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Query parameters the matched operation does not define are refused, named, rather than ignored. */
    @ServerRequestFilter
    public Response unknownParameters(ContainerRequestContext request, ResourceInfo resource) {
        if (!isApi(request) || resource.getResourceMethod() == null) {
            return null;
        }
        Set<String> known = Arrays.stream(resource.getResourceMethod().getParameters())
                .map(parameter -> parameter.getAnnotation(QueryParam.class))
                .filter(annotation -> annotation != null)
                .map(QueryParam::value)
                .collect(Collectors.toSet());
        TreeSet<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return null;
        }
        String names = String.join(", ", unknown);
        return ApiException.badField(unknown.first(), "unknown_parameter", "Unknown query parameter(s): " + names
                + (known.isEmpty() ? "; this operation takes none." : "; it takes " + String.join(", ", new TreeSet<>(known)) + "."))
                .response();
    }

    @ServerResponseFilter
    public void common(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isApi(request)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        MediaType type = response.getMediaType();
        if (response.getStatus() >= 400 && (type == null || !ApiError.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype()))) {
            ApiException problem = ApiException.forStatus(response.getStatus());
            response.setEntity(json(problem.error()), null, MediaType.valueOf(ApiError.MEDIA_TYPE));
        }
        headers.putSingle("Cache-Control", "no-store");
    }

    /**
     * RateLimit-* are added just before the headers are sent, at the HTTP layer, so that every answer with a known
     * token has them, whichever layer wrote it (an endpoint, an exception mapper, the framework's routing).
     */
    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (context.normalizedPath().startsWith(ApiTokenMechanism.API_PATH)) {
                context.addHeadersEndHandler(ignored -> rateLimit(context));
            }
            context.next();
        }, 9_000);
    }

    private void rateLimit(RoutingContext context) {
        RateLimiter.Quota quota = context.get(ApiCaller.QUOTA);
        ApiTokenService.Caller caller = context.get(ApiTokenIdentityProvider.CALLER);
        if (quota == null && caller != null) {
            quota = limiter.peek(caller.tokenId());
        }
        if (quota != null) {
            MultiMap headers = context.response().headers();
            headers.set(RATE_LIMIT_LIMIT, String.valueOf(quota.limit()));
            headers.set(RATE_LIMIT_REMAINING, String.valueOf(quota.remaining()));
            headers.set(RATE_LIMIT_RESET, String.valueOf(quota.resetSeconds()));
        }
    }

    private static boolean isApi(ContainerRequestContext request) {
        return ("/" + request.getUriInfo().getPath()).replace("//", "/").startsWith(ApiTokenMechanism.API_PATH);
    }

    /** A problem as its JSON text, so it is written whatever the request's Accept header says. */
    static String json(ApiError error) {
        try {
            return JSON.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
