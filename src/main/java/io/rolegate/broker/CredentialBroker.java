package io.rolegate.broker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.aws.AwsFailure;
import io.rolegate.aws.AwsResult;
import io.rolegate.aws.ConnectionScope;
import io.rolegate.aws.ConnectionScopes;
import io.rolegate.aws.RoleSessions;
import io.rolegate.aws.SessionCredentials;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.connection.ConnectionRepository.AssumeTarget;
import io.rolegate.web.Admission;

/**
 * Short-lived credentials of ACTIVE connections for the vendor's services (PRODUCT §11).
 *
 * <p>Every request reads the connection's status, role ARN and live external IDs from the database, so a
 * revocation or rotation made by any instance takes effect on the next request: a connection that is not
 * ACTIVE gets a refusal without any call to AWS, and so does one in a partition where the vendor has no identity
 * ({@link AwsFailure.Kind#PARTITION_UNAVAILABLE}, PRODUCT §2). During a rotation the current ID is tried first and the previous
 * one when AWS denies it (PRODUCT §7). The cache is keyed by the current ID, so a new rotation tries the new ID at
 * the next request; each cached set also remembers the ID AWS accepted and is handed out only while that ID is
 * current or previous, so credentials obtained with a retired ID are never served after its retirement.
 *
 * <p>A revocation on this instance abandons an AssumeRole in flight for the connection: the requests waiting for
 * it are refused as for any revoked connection and nothing is cached.
 *
 * <p>Credentials are cached in memory only, per (connection, role, current external ID, purpose, duration), and are
 * never handed out with less than {@link BrokerConfig#minimumRemaining()} left; a set closer to expiry is
 * replaced by a new AssumeRole. Concurrent requests for one key share one AssumeRole (single flight).
 *
 * <p>Audit: one event per STS session and token ("who asked"), not per request; every hand-out is counted in
 * {@code credential_uses}. Neither ever contains the credentials.
 */
@ApplicationScoped
public class CredentialBroker {

    private final ConnectionRepository connections;
    private final RoleSessions sessions;
    private final ConnectionScopes scopes;
    private final CredentialUses uses;
    private final AuditTrail audit;
    private final BrokerConfig config;
    private final Clock clock;
    private final Map<Key, Lease> cache = new ConcurrentHashMap<>();

    CredentialBroker(ConnectionRepository connections, RoleSessions sessions, ConnectionScopes scopes,
            CredentialUses uses, AuditTrail audit, BrokerConfig config, Clock clock) {
        this.connections = connections;
        this.sessions = sessions;
        this.scopes = scopes;
        this.uses = uses;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** {@code externalId} is the connection's current one when the set was obtained: a new rotation misses the cache. */
    private record Key(UUID connectionId, String roleArn, String externalId, String purpose, Duration duration) {
        @Override
        public String toString() {
            return "Key[" + connectionId + ", " + purpose + ", " + duration + "]";
        }
    }

    /**
     * One AssumeRole, shared by every request for its key; remembers the external ID AWS accepted and which tokens
     * were audited for it.
     */
    private static final class Lease {
        final CompletableFuture<AwsResult<SessionCredentials>> result = new CompletableFuture<>();
        final Set<UUID> auditedTokens = ConcurrentHashMap.newKeySet();
        volatile String externalId;

        /** In flight, or obtained with an ID that is still current or previous and far enough from expiry. */
        boolean servable(Instant now, Duration minimumRemaining, AssumeTarget target) {
            if (!result.isDone()) {
                return true;
            }
            AwsResult<SessionCredentials> done = result.getNow(null);
            return done instanceof AwsResult.Ok<SessionCredentials> ok && accepts(target, externalId)
                    && !ok.value().expiration().isBefore(now.plus(minimumRemaining));
        }

        boolean expired(Instant now) {
            return result.isDone() && !(result.getNow(null) instanceof AwsResult.Ok<SessionCredentials> ok
                    && ok.value().expiration().isAfter(now));
        }
    }

    /** Who asked, for the audit trail: the token's id and how the trail names it. */
    public record Requester(UUID tokenId, AuditTrail.Actor actor) {
    }

    public Grant obtain(CredentialRequest request, Requester requester) {
        return obtain(request, requester, false);
    }

    /**
     * As {@link #obtain(CredentialRequest, Requester)}; with {@code fresh} a cached set is not handed out but
     * replaced by a new AssumeRole (a client whose credentials stopped working, e.g. after the customer re-created
     * the role). An AssumeRole already in flight for the same key is shared: it is fresh already.
     */
    public Grant obtain(CredentialRequest request, Requester requester, boolean fresh) {
        Optional<AssumeTarget> found = QuarkusTransaction.requiringNew()
                .call(() -> connections.assumeTarget(request.connectionId()));
        if (found.isEmpty()) {
            return new Grant.Unknown();
        }
        AssumeTarget target = found.get();
        if (target.status() != ConnectionStatus.ACTIVE || target.roleArn() == null) {
            forget(request.connectionId());
            return new Grant.Refused(target.status());
        }
        Key key = new Key(request.connectionId(), target.roleArn(), target.externalId(), request.purpose(),
                request.duration());
        Lease lease = lease(key, target, request, fresh);
        // Another request's AssumeRole for the same key is waited for outside admission, as this one's own is.
        AwsResult<SessionCredentials> result = lease.result.isDone() ? lease.result.join()
                : Admission.outside(lease.result::join);
        if (scopes.isRevoked(request.connectionId())) {
            forget(request.connectionId());
            return new Grant.Refused(ConnectionStatus.REVOKED);
        }
        if (result instanceof AwsResult.Failed<SessionCredentials> failed) {
            return new Grant.Failed(failed.failure());
        }
        SessionCredentials credentials = ((AwsResult.Ok<SessionCredentials>) result).value();
        boolean firstForToken = lease.auditedTokens.add(requester.tokenId());
        QuarkusTransaction.requiringNew().run(() -> {
            uses.record(request.connectionId(), request.purpose(), clock.instant());
            if (firstForToken) {
                audit.record(requester.actor(), AuditAction.CREDENTIALS_ISSUED, target.organisationId(), request.connectionId(),
                        request.purpose(), request.sessionName(), String.valueOf(credentials.expiration()));
            }
        });
        return new Grant.Granted(credentials, target.region(), target.roleArn());
    }

    private Lease lease(Key key, AssumeTarget target, CredentialRequest request, boolean fresh) {
        Instant now = clock.instant();
        Lease[] created = new Lease[1];
        Lease lease = cache.compute(key, (k, cached) -> {
            if (cached != null && cached.servable(now, config.minimumRemaining(), target)
                    && !(fresh && cached.result.isDone())) {
                return cached;
            }
            created[0] = new Lease();
            return created[0];
        });
        if (lease == created[0]) {
            AwsResult<SessionCredentials> result;
            try (ConnectionScope scope = scopes.open(key.connectionId())) {
                result = Admission.outside(() -> assume(scope, target, request, lease));
            } catch (RuntimeException e) {
                cache.remove(key, lease);
                lease.result.completeExceptionally(e);
                throw e;
            }
            if (result instanceof AwsResult.Failed<SessionCredentials>) {
                cache.remove(key, lease);
            }
            lease.result.complete(result);
        }
        return lease;
    }

    /**
     * PRODUCT §7: the current external ID first and, during a rotation, the previous one when AWS denies the
     * current one, so a rotation never takes a working connection down. The lease remembers the ID accepted.
     */
    private AwsResult<SessionCredentials> assume(ConnectionScope scope, AssumeTarget target, CredentialRequest request,
            Lease lease) {
        AwsResult<SessionCredentials> result = sessions.open(scope, target.partition(), target.region(), target.roleArn(),
                target.externalId(), request.sessionName(), request.duration());
        lease.externalId = target.externalId();
        if (target.previousExternalId() != null && result instanceof AwsResult.Failed<SessionCredentials> failed
                && failed.failure().kind() == AwsFailure.Kind.ACCESS_DENIED) {
            AwsResult<SessionCredentials> previous = sessions.open(scope, target.partition(), target.region(), target.roleArn(),
                    target.previousExternalId(), request.sessionName(), request.duration());
            if (previous instanceof AwsResult.Ok<SessionCredentials>) {
                lease.externalId = target.previousExternalId();
                return previous;
            }
        }
        return result;
    }

    /** Whether credentials obtained with this external ID may still be handed out: it is current, or previous. */
    private static boolean accepts(AssumeTarget target, String usedExternalId) {
        return usedExternalId.equals(target.externalId()) || usedExternalId.equals(target.previousExternalId());
    }

    /** Drops every cached set of a connection that may no longer be used. */
    private void forget(UUID connectionId) {
        cache.keySet().removeIf(key -> key.connectionId().equals(connectionId));
    }

    /** Expired and failed entries leave the cache, so it holds only what could still be served. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        cache.values().removeIf(lease -> lease.expired(now));
    }

    int cached() {
        return cache.size();
    }
}
