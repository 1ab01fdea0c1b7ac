package io.rolegate.registration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionService;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.connection.RegistrationTokens;
import io.rolegate.connection.RoleArn;
import io.rolegate.database.Timestamps;

/**
 * Decides what one custom resource request of {@code Custom::RolegateRegistration} does (PRODUCT §12) and records
 * it, once per {@code RequestId}: the request's row and its effects (the role recorded, the deletion or the refusal
 * audited) commit together, so a duplicate delivery, on this instance or another, finds the row and starts nothing.
 *
 * <p>Checks, in order: the {@code ResponseURL} may be answered at all (else nothing is sent anywhere), the
 * properties are there, the connection exists and is not revoked, the token is that of a live external ID of the
 * connection, the stack's partition and account are the connection's, and the role ARN is a role of that account.
 * A Delete is always answered SUCCESS, so a customer's stack deletion never hangs; it is recorded only when it
 * passes the same checks.
 */
@ApplicationScoped
class Registrations {

    /** What handling a request came to. */
    sealed interface Handled {

        /**
         * Answer CloudFormation with {@code response} at {@code url}; then start a check of {@code checkConnection}
         * (when present) and tell observers about {@code rejected} (when present).
         */
        record Answer(URI url, CustomResourceResponse response, Optional<UUID> checkConnection,
                Optional<RegistrationRejected> rejected, String result) implements Handled {
        }

        /** Handled before: the answer was sent already; the message is only deleted. */
        record Duplicate() implements Handled {
        }

        /** Another delivery was decided moments ago and its answer may be on its way: look again later. */
        record InProgress() implements Handled {
        }

        /** The {@code ResponseURL} is not one Rolegate may request: nothing is sent, the message is dropped. */
        record ResponseUrlRefused(Optional<RegistrationRejected> rejected) implements Handled {
        }
    }

    /** How long the delivery that decided a request has to send its answer before another delivery sends it again. */
    static final Duration ANSWER_GRACE = Duration.ofSeconds(5);

    /** The physical ID of a refused Create: its rollback's Delete is answered without recording anything. */
    static final String REJECTED_PREFIX = "rolegate-rejected-";

    private static final String CLAIM = """
            INSERT INTO registration_requests (request_id, connection_id, request_type, stack_id, received_at,
                response_status, response_reason, physical_resource_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT (request_id) DO NOTHING""";

    private final ConnectionService connections;
    private final RegistrationTokens tokens;
    private final ResponseUrls responseUrls;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final Clock clock;

    Registrations(ConnectionService connections, RegistrationTokens tokens, ResponseUrls responseUrls, AuditTrail audit,
            EntityManager entityManager, Clock clock) {
        this.connections = connections;
        this.tokens = tokens;
        this.responseUrls = responseUrls;
        this.audit = audit;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Decides and records the request in one transaction of its own. */
    Handled handle(CustomResourceRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> decide(request));
    }

    /** Marks a request's answer as sent: a later delivery of it is then only deleted. */
    void answered(String requestId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE registration_requests SET answered_at = ?1 WHERE request_id = ?2 AND answered_at IS NULL")
                .setParameter(1, Timestamps.of(clock.instant())).setParameter(2, requestId).executeUpdate());
    }

    private Handled decide(CustomResourceRequest request) {
        Partition stackPartition = Partition.fromId(request.stackPartition()).orElseThrow();
        Optional<URI> url = responseUrls.allowed(request.responseUrl(), stackPartition);
        Optional<UUID> connectionId = uuid(request.properties().connectionId());
        Connection connection = connectionId.map(id -> Connection.<Connection>findById(id)).orElse(null);
        if (url.isEmpty()) {
            return new Handled.ResponseUrlRefused(Optional.of(new RegistrationRejected(
                    connection == null ? null : connection.id, "ResponseURL is not a pre-signed S3 URL of the stack's partition")));
        }
        Optional<Handled> earlier = earlier(request, url.get());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        RegistrationMessages texts = MessageBundles.get(RegistrationMessages.class);
        boolean delete = request.requestType() == CustomResourceRequest.RequestType.Delete;
        CustomResourceRequest.Properties properties = request.properties();
        String refusal = null;
        if (delete && request.physicalResourceId() != null && request.physicalResourceId().startsWith(REJECTED_PREFIX)) {
            return answer(request, url.get(), null, null, connection, "ignored");
        }
        if (connectionId.isEmpty() || properties.registrationToken() == null || properties.roleArn() == null) {
            refusal = texts.reason_properties();
        } else if (connection == null) {
            refusal = texts.reason_connection_unknown(properties.connectionId());
        } else if (connection.isRevoked()) {
            refusal = texts.reason_connection_revoked();
        } else if (!tokenMatches(connection, properties.registrationToken())) {
            refusal = texts.reason_token();
        } else if (!stackPartition.id().equals(connection.partition)) {
            refusal = texts.reason_partition(stackPartition.id(), connection.partition);
        } else if (!request.stackAccount().equals(connection.accountId)) {
            refusal = texts.reason_account(request.stackAccount(), connection.accountId);
        }
        Parsed<RoleArn> role = refusal == null
                ? RoleArn.parse(properties.roleArn(), new AccountId(connection.accountId), stackPartition)
                : Parsed.invalid("unchecked");
        if (refusal == null && !role.isValid()) {
            refusal = texts.reason_role(properties.roleArn(), connection.accountId, connection.partition);
        }
        if (refusal != null) {
            return delete ? answer(request, url.get(), null, null, connection, "ignored")
                    : answer(request, url.get(), refusal, null, connection, "rejected");
        }
        if (delete) {
            Handled handled = answer(request, url.get(), null, connection.roleArn == null ? null : connection.id, connection, "deleted");
            if (handled instanceof Handled.Answer) {
                connections.recordStackDeleted(connection.id, properties.roleArn(), request.stackName());
            }
            return handled;
        }
        Handled handled = answer(request, url.get(), null, connection.id, connection, "registered");
        if (handled instanceof Handled.Answer) {
            connections.registerStackRole(connection.id, role.orThrow(), request.stackName());
        }
        return handled;
    }

    /** A request handled before: its answer again if it was never sent, else nothing. */
    private Optional<Handled> earlier(CustomResourceRequest request, URI url) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT response_status, response_reason, physical_resource_id, connection_id, answered_at, received_at
                FROM registration_requests WHERE request_id = ?1""").setParameter(1, request.requestId()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (row[4] != null) {
            return Optional.of(new Handled.Duplicate());
        }
        if (Timestamps.toInstant(row[5]).isAfter(clock.instant().minus(ANSWER_GRACE))) {
            return Optional.of(new Handled.InProgress());
        }
        UUID connectionId = (UUID) row[3];
        return Optional.of(new Handled.Answer(url, response(request, (String) row[0], (String) row[1], (String) row[2], connectionId),
                Optional.empty(), Optional.empty(), "resent"));
    }

    /**
     * Records the request with its answer before any of its effects, and audits a refusal. The row's insert is the
     * claim: a concurrent delivery's insert waits for this transaction and then finds the row, so only one applies the
     * effects that follow.
     */
    private Handled answer(CustomResourceRequest request, URI url, String refusal, UUID check, Connection connection,
            String result) {
        String status = refusal == null ? CustomResourceResponse.SUCCESS : CustomResourceResponse.FAILED;
        String physicalId = physicalId(request, refusal, connection);
        UUID connectionId = connection == null ? null : connection.id;
        int claimed = entityManager.createNativeQuery(CLAIM)
                .setParameter(1, request.requestId())
                .setParameter(2, connectionId)
                .setParameter(3, request.requestType().name())
                .setParameter(4, request.stackId())
                .setParameter(5, Timestamps.of(clock.instant()))
                .setParameter(6, status)
                .setParameter(7, refusal)
                .setParameter(8, physicalId)
                .executeUpdate();
        if (claimed == 0) {
            return new Handled.Duplicate();
        }
        Optional<RegistrationRejected> rejected = Optional.empty();
        if (refusal != null) {
            rejected = Optional.of(new RegistrationRejected(connectionId, refusal));
            if (connection != null) {
                audit.record(ConnectionService.stack(request.stackName()), AuditAction.REGISTRATION_REJECTED, connection.organisation.id,
                        connection.id, connection.label, refusal);
            }
        }
        return new Handled.Answer(url, response(request, status, refusal, physicalId, connectionId), Optional.ofNullable(check),
                rejected, result);
    }

    private static String physicalId(CustomResourceRequest request, String refusal, Connection connection) {
        if (request.physicalResourceId() != null) {
            return request.physicalResourceId();
        }
        return refusal == null && connection != null ? "rolegate-" + connection.id : REJECTED_PREFIX + request.requestId();
    }

    private static CustomResourceResponse response(CustomResourceRequest request, String status, String reason,
            String physicalId, UUID connectionId) {
        return new CustomResourceResponse(status, reason, physicalId, request.stackId(), request.requestId(),
                request.logicalResourceId(), connectionId == null || reason != null ? null : Map.of("ConnectionId", connectionId.toString()));
    }

    private boolean tokenMatches(Connection connection, String token) {
        return connection.liveExternalIds().stream().anyMatch(id -> tokens.matches(token, id.registrationSalt));
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
