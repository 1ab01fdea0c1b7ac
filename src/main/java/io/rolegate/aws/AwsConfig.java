package io.rolegate.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Rolegate reaches AWS: the STS region, endpoint overrides, and the time limits of every call. */
@ConfigMapping(prefix = "rolegate.aws")
public interface AwsConfig {

    /** Region of the STS endpoint used when a connection names none. */
    @WithDefault("us-east-1")
    String region();

    /** Overrides the STS endpoint (VPC endpoints, local emulators). */
    Optional<URI> stsEndpoint();

    /** Overrides the S3 endpoint; path-style access is used with it. */
    Optional<URI> s3Endpoint();

    /** Time to open a connection to AWS. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Time to wait for a response once connected. */
    @WithDefault("5s")
    Duration readTimeout();

    /** Budget of one API call including its retries. */
    @WithDefault("12s")
    Duration callTimeout();

    /** Attempts per call for throttling and 5xx answers (AccessDenied is never retried). */
    @WithDefault("3")
    int maxAttempts();
}
