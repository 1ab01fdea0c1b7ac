package io.rolegate.broker;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the credential broker treats cached credentials. */
@ConfigMapping(prefix = "rolegate.broker")
public interface BrokerConfig {

    /** Credentials are never handed out with less than this left; a cached set closer to expiry is replaced. */
    @WithDefault("5m")
    Duration minimumRemaining();
}
