package io.rolegate.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Refuses sign-in for an email after five failures within fifteen minutes, until the oldest of
 * them is fifteen minutes old. Failures live in the database, so every app instance agrees.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final EntityManager entityManager;
    private final Clock clock;

    LoginThrottle(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public boolean isLocked(String email) {
        Long failures = entityManager.createQuery(
                        "select count(f) from LoginFailure f where f.email = ?1 and f.failedAt > ?2", Long.class)
                .setParameter(1, normalise(email))
                .setParameter(2, clock.instant().minus(WINDOW))
                .getSingleResult();
        return failures >= MAX_FAILURES;
    }

    @Transactional
    public void recordFailure(String email) {
        Instant now = clock.instant();
        LoginFailure failure = new LoginFailure();
        failure.email = normalise(email);
        failure.failedAt = now;
        entityManager.persist(failure);
        entityManager.createQuery("delete from LoginFailure f where f.failedAt < ?1")
                .setParameter(1, now.minus(WINDOW))
                .executeUpdate();
    }

    @Transactional
    public void clear(String email) {
        entityManager.createQuery("delete from LoginFailure f where f.email = ?1")
                .setParameter(1, normalise(email))
                .executeUpdate();
    }

    private static String normalise(String email) {
        String trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > 254 ? trimmed.substring(0, 254) : trimmed;
    }
}
