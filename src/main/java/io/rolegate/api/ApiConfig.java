package io.rolegate.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the API. */
@ConfigMapping(prefix = "rolegate.api")
public interface ApiConfig {

    /** Requests each token may make per minute, on each app instance; beyond it the answer is 429. */
    @WithDefault("60")
    int requestsPerMinute();
}
