package io.rolegate.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.rolegate.aws.AwsResult;
import io.rolegate.aws.CloudFormationConfig;
import io.rolegate.aws.TemplateBucket;
import io.rolegate.database.Timestamps;
import io.rolegate.web.Admission;

/**
 * Publishes each connection's CloudFormation template in the vendor's bucket for the Launch Stack button (PRODUCT
 * §12): under a random, unguessable object name kept per connection, uploaded again whenever the rendered text
 * differs from what was published (first render, rotation, its cancellation or completion, an edit). The Launch
 * Stack link is offered only once exactly the text the page shows is published.
 *
 * <p>A failed upload never breaks the page: the page offers the manual path, staff see the error, and uploads of
 * that text are retried in the background with exponential backoff, at most {@code template-upload-attempts} times
 * ({@link TemplateRetries}); the next change of the template starts over. Table {@code published_templates} (V12)
 * is written only here.
 */
@ApplicationScoped
public class TemplatePublisher {

    /** Why the current template is not published, for staff. */
    public record Failure(int attempts, String error, Instant nextAttemptAt) {
    }

    private static final Logger LOG = Logger.getLogger(TemplatePublisher.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    private final TemplateBucket bucket;
    private final CloudFormationConfig config;
    private final EntityManager entityManager;
    private final MeterRegistry metrics;
    private final Clock clock;

    TemplatePublisher(TemplateBucket bucket, CloudFormationConfig config, EntityManager entityManager, MeterRegistry metrics,
            Clock clock) {
        this.bucket = bucket;
        this.config = config;
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.clock = clock;
    }

    public boolean isConfigured() {
        return bucket.isConfigured();
    }

    /**
     * The URL of the connection's template when exactly {@code yaml} is published there, uploading it first unless
     * the upload of this text failed and its retry is not due yet. Runs in the caller's transaction; empty without a
     * configured bucket, or while this text is not published.
     */
    public Optional<String> publish(UUID connectionId, String partition, String yaml) {
        if (!bucket.isConfigured()) {
            return Optional.empty();
        }
        Row row = row(connectionId);
        String digest = sha256(yaml);
        Instant now = clock.instant();
        if (digest.equals(row.publishedSha256())) {
            return bucket.url(partition, row.objectKey());
        }
        if (digest.equals(row.failedSha256()) && (row.nextAttemptAt() == null || row.nextAttemptAt().isAfter(now))) {
            return Optional.empty();
        }
        AwsResult<String> uploaded = Admission.outside(() -> bucket.put(partition, row.objectKey(), yaml));
        if (uploaded instanceof AwsResult.Ok<String> ok) {
            entityManager.createNativeQuery("""
                    UPDATE published_templates SET published_sha256 = ?1, published_at = ?2, failed_sha256 = NULL,
                        failed_attempts = 0, last_error = NULL, next_attempt_at = NULL
                    WHERE connection_id = ?3""")
                    .setParameter(1, digest).setParameter(2, Timestamps.of(now)).setParameter(3, connectionId).executeUpdate();
            metrics.counter("rolegate.templates.uploads", "result", "published").increment();
            return Optional.of(ok.value());
        }
        AwsResult.Failed<String> failed = (AwsResult.Failed<String>) uploaded;
        int attempts = digest.equals(row.failedSha256()) ? row.failedAttempts() + 1 : 1;
        Instant next = attempts >= config.templateUploadAttempts() ? null : now.plus(backoff(attempts));
        String error = failed.failure().kind() + (failed.failure().errorCode() == null ? "" : " " + failed.failure().errorCode())
                + (failed.failure().detail() == null ? "" : ": " + failed.failure().detail());
        entityManager.createNativeQuery("""
                UPDATE published_templates SET failed_sha256 = ?1, failed_attempts = ?2, last_error = ?3, next_attempt_at = ?4
                WHERE connection_id = ?5""")
                .setParameter(1, digest).setParameter(2, attempts).setParameter(3, truncate(error))
                .setParameter(4, next == null ? null : Timestamps.of(next)).setParameter(5, connectionId).executeUpdate();
        metrics.counter("rolegate.templates.uploads", "result", "failed").increment();
        LOG.warnf("Could not publish the template of connection %s (attempt %d): %s", connectionId, attempts, error);
        return Optional.empty();
    }

    /** The last upload's failure while the connection's template is not published as rendered now; empty otherwise. */
    public Optional<Failure> failure(UUID connectionId) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT failed_attempts, last_error, next_attempt_at FROM published_templates
                WHERE connection_id = ?1 AND failed_sha256 IS NOT NULL""").setParameter(1, connectionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Failure(((Number) row[0]).intValue(), (String) row[1], Timestamps.toInstant(row[2])));
    }

    /** Connections whose failed upload is due for a retry now. */
    List<UUID> dueForRetry() {
        return entityManager.createNativeQuery("""
                SELECT p.connection_id FROM published_templates p JOIN connections c ON c.id = p.connection_id
                WHERE p.next_attempt_at <= ?1 AND c.status <> 'REVOKED' ORDER BY p.next_attempt_at LIMIT 100""", UUID.class)
                .setParameter(1, Timestamps.of(clock.instant())).getResultList().stream().map(UUID.class::cast).toList();
    }

    private record Row(String objectKey, String publishedSha256, String failedSha256, int failedAttempts, Instant nextAttemptAt) {
    }

    /**
     * The connection's row, created with a new random object name on first use. Page views read it; only the first
     * one writes (two first views at once both insert, and the later one's insert does nothing).
     */
    private Row row(UUID connectionId) {
        return find(connectionId).orElseGet(() -> {
            entityManager.createNativeQuery("""
                    INSERT INTO published_templates (connection_id, object_key) VALUES (?1, ?2) ON CONFLICT (connection_id) DO NOTHING""")
                    .setParameter(1, connectionId).setParameter(2, objectName()).executeUpdate();
            return find(connectionId).orElseThrow();
        });
    }

    private Optional<Row> find(UUID connectionId) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT object_key, published_sha256, failed_sha256, failed_attempts, next_attempt_at
                FROM published_templates WHERE connection_id = ?1""").setParameter(1, connectionId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new Row((String) row[0], (String) row[1],
                (String) row[2], ((Number) row[3]).intValue(), Timestamps.toInstant(row[4])));
    }

    /** 160 random bits: nobody finds a template without being given its link. */
    private static String objectName() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + ".yaml";
    }

    private static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
