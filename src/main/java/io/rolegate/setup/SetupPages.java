package io.rolegate.setup;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.audit.AuditEvent;
import io.rolegate.aws.VendorIdentity;
import io.rolegate.broker.CredentialUses;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionRequest;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.connection.KmsKeyArn;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.connection.RoleArn;
import io.rolegate.connection.RoleSubmission;
import io.rolegate.policy.Artifacts;
import io.rolegate.policy.PolicyModel;
import io.rolegate.policy.VendorPrincipal;
import io.rolegate.registration.TemplateRegistration;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckProgress;
import io.rolegate.verification.CheckService;
import io.rolegate.web.FormErrors;

/** Renders a connection's artifacts from its stored state, and assembles its setup page. */
@ApplicationScoped
public class SetupPages {

    /** Checks whose steps the staff timeline shows in full. */
    static final int TIMELINE_CHECKS = 10;

    private final VendorIdentity vendor;
    private final CheckService checks;
    private final CheckProgress progress;
    private final TemplateRegistration registration;
    private final TemplatePublisher publisher;
    private final CredentialUses credentialUses;
    private final CaffeineCache artifactsCache;

    SetupPages(VendorIdentity vendor, CheckService checks, CheckProgress progress, TemplateRegistration registration,
            TemplatePublisher publisher, CredentialUses credentialUses, @CacheName("artifacts") Cache artifactsCache) {
        this.vendor = vendor;
        this.checks = checks;
        this.progress = progress;
        this.registration = registration;
        this.publisher = publisher;
        this.credentialUses = credentialUses;
        this.artifactsCache = artifactsCache.as(CaffeineCache.class);
    }

    public SetupPage of(Connection connection, Role viewer, String roleArnInput, FormErrors errors) {
        List<IssuedExternalId> externalIds = connection.liveExternalIds();
        Parsed<Artifacts> artifacts = connection.isRevoked() ? Parsed.invalid("revoked") : artifacts(connection, externalIds);
        List<Check> history = checks.history(connection.id);
        List<AuditEvent> events = AuditEvent.recentForConnection(connection.id, 50);
        SetupPage.LifecycleView lifecycle = new SetupPage.LifecycleView(rotationPending(externalIds, history),
                viewer.isStaff() ? revokedBy(connection) : null,
                viewer.isStaff() ? Map.of() : staffAuthors(events, history));
        return new SetupPage(connection, externalIds, artifacts,
                RoleSubmission.history(connection.id), history,
                viewer.isStaff() ? checks.timeline(connection.id, TIMELINE_CHECKS) : List.of(), events, viewer == Role.CUSTOMER, viewer.isStaff(),
                viewer == Role.ADMIN, roleArnInput, errors, "", lifecycle,
                history.isEmpty() ? null : progress.view(history.get(0), connection), credentialUses.recent(connection.id));
    }

    /**
     * PRODUCT §7: the latest finished check passed only with the previous external ID of the rotation in progress
     * (its assume-role step says RG-ROTATION-PENDING).
     */
    private boolean rotationPending(List<IssuedExternalId> externalIds, List<Check> history) {
        Optional<IssuedExternalId> previous = externalIds.stream()
                .filter(id -> id.state == IssuedExternalId.State.PREVIOUS).findFirst();
        Optional<Check> latest = history.stream().filter(check -> !check.isRunning()).findFirst();
        return previous.isPresent() && latest.isPresent() && previous.get().id.equals(latest.get().externalIdId)
                && checks.passedOnlyWithPreviousExternalId(latest.get());
    }

    private static String revokedBy(Connection connection) {
        return connection.revokedBy == null ? null
                : Account.<Account>findByIdOptional(connection.revokedBy).map(admin -> admin.email).orElse(null);
    }

    /**
     * The staff among the authors of these events and the people who started these checks, with their roles:
     * customers see them named by role (PRODUCT §6).
     */
    private static Map<UUID, Role> staffAuthors(List<AuditEvent> events, List<Check> checks) {
        Set<UUID> authors = Stream.concat(events.stream().map(event -> event.actorId),
                checks.stream().map(check -> check.triggeredBy)).filter(Objects::nonNull).collect(Collectors.toSet());
        return Account.staffRoles(authors);
    }

    /** The partitions a new connection may be in: those where the vendor has an identity (PRODUCT §2), in form order. */
    public List<Partition> offeredPartitions() {
        return Arrays.stream(Partition.values()).filter(partition -> vendor.offers(partition.id())).toList();
    }

    /** The artifacts of a connection, or why none can be rendered (the vendor account is unknown). */
    public Parsed<Artifacts> artifacts(Connection connection) {
        return artifacts(connection, connection.liveExternalIds());
    }

    /**
     * The artifacts, or why there are none: a partition in which the vendor has no identity (PRODUCT §2), a prefix
     * stored before the form refused characters beyond IAM's (with the grant that would replace it), or a vendor
     * principal that is not configured.
     */
    private Parsed<Artifacts> artifacts(Connection connection, List<IssuedExternalId> externalIds) {
        Partition partition = Partition.fromId(connection.partition).orElseThrow();
        if (!vendor.offers(partition.id())) {
            List<String> keys = vendor.missingKeys(partition.id());
            return Parsed.invalid("partition.unavailable", partition.id(), String.join(", ", keys),
                    keys.stream().map(VendorIdentity::environmentVariable).collect(Collectors.joining(", ")));
        }
        Optional<BucketGrant> beyondIam = grants(connection).stream().filter(grant -> grant.firstCharacterBeyondIam() >= 0).findFirst();
        if (beyondIam.isPresent()) {
            return Parsed.invalid("prefix.beyondIam", beyondIam.get().line(), beyondIam.get().withinIam().line());
        }
        Parsed<VendorPrincipal> principal = vendor.principal(partition);
        return principal.map(resolved -> {
            PolicyModel model = model(connection, partition, externalIds, resolved);
            Artifacts artifacts = rendered(model);
            return publisher.publish(connection.id, partition.id(), artifacts.cloudFormation().content())
                    .map(url -> artifacts.withPublishedTemplate(model, url)).orElse(artifacts);
        });
    }

    /**
     * The artifacts of a model, rendered once per distinct model: a page view, a download or a check of an unchanged
     * connection reuses them. The model is the whole input of the rendering, so an edit, a rotation or a role ARN
     * makes a new key. Cache {@code artifacts}, bounded in application.properties.
     *
     * <p>Read directly rather than through {@code @CacheResult}, whose interceptor wrapped every hit in a Uni with
     * context propagation: 2% of a setup page view's CPU (docs/benchmarks.md, "Latin-1 pages"). Two requests that miss
     * at once both render; the result is the same.
     */
    private Artifacts rendered(PolicyModel model) {
        CompletableFuture<Artifacts> hit = artifactsCache.getIfPresent(model);
        if (hit != null) {
            return hit.join();
        }
        Artifacts artifacts = Artifacts.render(model, Optional.empty());
        artifactsCache.put(model, CompletableFuture.completedFuture(artifacts));
        return artifacts;
    }

    private PolicyModel model(Connection connection, Partition partition, List<IssuedExternalId> externalIds,
            VendorPrincipal principal) {
        ConnectionRequest request = new ConnectionRequest(connection.label, new AccountId(connection.accountId), partition,
                connection.region, grants(connection),
                connection.kmsKeyArns.stream().map(key -> KmsKeyArn.parse(key, partition).orThrow()).toList());
        PolicyModel plain = PolicyModel.of(connection.id.toString(), request,
                externalIds.stream().map(id -> new ExternalId(id.value)).toList(), principal);
        PolicyModel model = externalIds.stream().filter(id -> id.state == IssuedExternalId.State.CURRENT).findFirst()
                .flatMap(current -> registration.of(partition.id(), connection.region, current))
                .map(plain::withRegistration).orElse(plain);
        Parsed<RoleArn> role = connection.roleArn == null ? Parsed.invalid("roleArn.required")
                : RoleArn.parse(connection.roleArn, request.accountId(), partition);
        return role instanceof Parsed.Valid<RoleArn> known ? model.withExistingRole(known.value()) : model;
    }

    private static List<BucketGrant> grants(Connection connection) {
        return connection.buckets.stream().map(bucket -> new BucketGrant(bucket.bucket, bucket.prefix)).toList();
    }
}
