package io.rolegate.aws.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/** A role in a customer account, with the two documents Rolegate renders and its propagation state. */
final class CustomerRole {

    final String arn;
    final String partition;
    final String account;
    final String name;
    final String roleId;
    final Policy trust;
    /** All the role's permission policies as one document, or null when it has none. */
    final Policy permissions;
    final Instant createdAt;
    volatile Duration maxSessionDuration = Duration.ofHours(1);
    volatile Duration propagationDelay = Duration.ZERO;
    final AtomicInteger deniedAttemptsLeft = new AtomicInteger();

    CustomerRole(String arn, String roleId, Policy trust, Policy permissions, Instant createdAt) {
        Matcher matcher = Arns.role(arn);
        this.arn = arn;
        this.partition = matcher.group(1);
        this.account = matcher.group(2);
        this.name = matcher.group(3);
        this.roleId = roleId;
        this.trust = trust;
        this.permissions = permissions;
        this.createdAt = createdAt;
    }

    /** What the role's permission policies decide; a role without any allows nothing. */
    Policy.Decision evaluate(Policy.Request request) {
        return permissions == null ? Policy.Decision.IMPLICIT_DENY : permissions.evaluate(request);
    }

    /** Like a role IAM has not finished propagating: new roles answer AccessDenied for a while. */
    boolean propagating(Instant now) {
        if (now.isBefore(createdAt.plus(propagationDelay))) {
            return true;
        }
        return deniedAttemptsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }
}
