package io.rolegate.api;

import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The document's {@code servers}: the address people and services open Rolegate at ({@code rolegate.public-url},
 * README "Configuration"), known only when the application starts, never taken from a request's Host header.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiServers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        String base = config.getOptionalValue("rolegate.public-url", String.class)
                .orElseGet(() -> "http://localhost:" + config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080));
        openAPI.setServers(List.of(OASFactory.createServer().url(base.replaceAll("/+$", ""))
                .description("this Rolegate instance")));
    }
}
