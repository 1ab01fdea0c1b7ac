package io.rolegate.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** An API path that fails unexpectedly, to see the 500 every such failure answers (ApiProblemsTest). */
@Path("/api/v1/test-only/failure")
@Produces(MediaType.APPLICATION_JSON)
public class FailingApiResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("a failure the tests provoke");
    }
}
