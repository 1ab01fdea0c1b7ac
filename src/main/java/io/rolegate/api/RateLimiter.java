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

    /** Zero when the request may proceed, otherwise the seconds to wait before the next one is allowed. */
    public long acquire(UUID tokenId) {
        Instant now = clock.instant();
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(capacity, now)).take(now);
    }

    private final class Bucket {
        private double available;
        private Instant refilledAt;

        Bucket(double available, Instant refilledAt) {
            this.available = available;
            this.refilledAt = refilledAt;
        }

        synchronized long take(Instant now) {
            long elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos());
            available = Math.min(capacity, available + elapsed * perNano);
            refilledAt = now.isAfter(refilledAt) ? now : refilledAt;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - available) / perNano / 1_000_000_000d));
        }
    }
}
