package io.rolegate.support;

import io.quarkus.arc.Arc;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;

/**
 * The management interface of the application under test (health and metrics, docs/deploy.md). Tests give it a random
 * port; {@code @TestHTTPResource(management = true)} still names the default 9001 on this Quarkus version, so the
 * port is read from the running server.
 */
public final class Management {

    private Management() {
    }

    /** The base URI of the management interface, e.g. {@code http://localhost:41234}. */
    public static String baseUri() {
        ValueRegistry registry = Arc.container().instance(ValueRegistry.class).get();
        return "http://localhost:" + registry.get(HttpServer.HTTP_SERVER).getManagementPort();
    }
}
