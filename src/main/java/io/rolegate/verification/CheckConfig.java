package io.rolegate.verification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the live check. */
@ConfigMapping(prefix = "rolegate.checks")
public interface CheckConfig {

    /** Checks one person may start per minute; joining a running check does not count. */
    @WithDefault("6")
    int perUserPerMinute();

    /** A check ends INCONCLUSIVE at the latest this long after it started, whatever AWS does. */
    @WithDefault("60s")
    Duration deadline();

    /** AccessDenied this soon after the role ARN was submitted is taken for IAM propagation and retried. */
    @WithDefault("60s")
    Duration propagationWindow();

    /** First pause between AssumeRole attempts while the role propagates; it doubles up to the maximum. */
    @WithDefault("2s")
    Duration propagationBackoff();

    @WithDefault("10s")
    Duration propagationBackoffMax();

    /** Checks running at once; more wait in a queue. */
    @WithDefault("4")
    int concurrentChecks();

    /** Threads shared by the concurrent steps (probes, identity, buckets) of all running checks. */
    @WithDefault("16")
    int stepThreads();

    /** Objects listed per bucket to find one to read. */
    @WithDefault("20")
    int maxKeys();
}
