package io.rolegate.web;

import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;

/** How the application serves HTTP requests. */
@ConfigMapping(prefix = "rolegate.http")
public interface HttpConfig {

    /**
     * How many requests run their resource method and render their answer at once ({@link Admission}); more wait
     * for their turn in arrival order. Unset: twice the processors the JVM sees. At least 1.
     */
    OptionalInt concurrentRequests();
}
