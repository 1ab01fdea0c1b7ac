package io.rolegate.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A page that always fails, so that tests can see the 500 page; it exists only in the test build. */
@Path("/test/failure")
public class FailingResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String fail() {
        throw new IllegalStateException("this page fails on purpose");
    }
}
