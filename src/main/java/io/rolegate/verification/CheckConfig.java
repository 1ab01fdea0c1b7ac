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
    @WithDefault("90s")
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

    /**
     * How often the steps of running checks are written, those of all checks in one transaction: the check
     * page shows a step at most this late.
     */
    @WithDefault("250ms")
    Duration progressEvery();

    /** Objects listed per bucket to find one to read. */
    @WithDefault("20")
    int maxKeys();

    /** How often ACTIVE and FAILING connections are checked again by the scheduler. */
    @WithDefault("24h")
    Duration interval();

    /** Spread of the next scheduled check around the interval (0.1 = ±10%), so checks do not bunch up. */
    @WithDefault("0.1")
    double intervalJitter();

    /** How often each instance looks for connections that are due. */
    @WithDefault("60s")
    Duration sweepEvery();

    /** Scheduled checks one instance runs at once. */
    @WithDefault("4")
    int sweepConcurrency();

    /** How long a claim on a due connection holds; a crashed instance's claims expire after it. */
    @WithDefault("10m")
    Duration claimLease();
}
