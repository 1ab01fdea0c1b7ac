package io.rolegate.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** When a connection is due again: the interval, spread by the jitter so that checks do not bunch up. */
final class Recheck {

    private Recheck() {
    }

    static Instant next(Instant now, Duration interval, double jitter) {
        double spread = jitter <= 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return now.plusMillis(Math.round(interval.toMillis() * (1 + spread)));
    }
}
