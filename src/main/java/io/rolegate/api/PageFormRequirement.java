package io.rolegate.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The CSRF filter can only be told, globally, to skip requests that are not forms
 * ({@code quarkus.rest-csrf.require-form-url-encoded=false}), which the JSON API needs: bearer tokens are
 * not sent by browsers on their own, so the API has nothing to protect. This filter keeps the stricter rule
 * for everything else: a POST, PUT, PATCH or DELETE to a page must be a form (and so carries the CSRF token),
 * otherwise it is refused with 400 exactly as before.
 */
public class PageFormRequirement {

    @ServerRequestFilter
    public Response requireForms(ContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || ApiTokenMechanism.isApi(routing)) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        return form ? null : Response.status(Response.Status.BAD_REQUEST).build();
    }
}
