package io.rolegate.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per API token: {@code requestsPerMinute} requests at once, refilled evenly over a minute.
 * Kept in memory, so with N instances a token may make up to N times the limit; the limit protects
 * each instance and AWS's STS quota, not a billing contract.
 */
@ApplicationScoped
public class RateLimiter {

    private final Clock clock;
    private final double capacity;
    private final double perNano;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(ApiConfig config, Clock clock) {
        this.clock = clock;
        this.capacity = config.requestsPerMinute();
        this.perNano = capacity / Duration.ofMinutes(1).toNanos();
    }

    /**
     * The state of a token's bucket after a request, as the RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset
     * headers send it (docs/api.md): whole requests left, and seconds until the bucket is full again.
     * {@code retryAfterSeconds} is zero when the request may proceed, otherwise the seconds before the next one may.
     */
    public record Quota(long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    /** Takes one request from the token's bucket, when there is one to take. */
    public Quota acquire(UUID tokenId) {
        Instant now = clock.instant();
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(capacity, now)).take(now, true);
    }

    /** The token's bucket as it is, without taking a request (for answers that no endpoint handled). */
    public Quota peek(UUID tokenId) {
        Instant now = clock.instant();
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(capacity, now)).take(now, false);
    }

    private final class Bucket {
        private double available;
        private Instant refilledAt;

        Bucket(double available, Instant refilledAt) {
            this.available = available;
            this.refilledAt = refilledAt;
        }

        synchronized Quota take(Instant now, boolean consume) {
            long elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos());
            available = Math.min(capacity, available + elapsed * perNano);
            refilledAt = now.isAfter(refilledAt) ? now : refilledAt;
            long wait = 0;
            if (available >= 1) {
                available -= consume ? 1 : 0;
            } else {
                wait = seconds(1 - available);
            }
            return new Quota((long) capacity, (long) Math.floor(available), seconds(capacity - available), wait);
        }

        private long seconds(double requests) {
            return requests <= 0 ? 0 : Math.max(1, (long) Math.ceil(requests / perNano / 1_000_000_000d));
        }
    }
}
