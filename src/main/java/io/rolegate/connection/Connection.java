package io.rolegate.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rolegate.organisation.Organisation;

/** One customer AWS account, one IAM role and the resources it grants (PRODUCT §2). */
@Entity
@Table(name = "connections")
public class Connection extends PanacheEntityBase {

    // Both collections are indexed lists (position), so fetching them together is allowed; rows = buckets × keys.
    private static final String WITH_RESOURCES = "select c from Connection c left join fetch c.buckets"
            + " left join fetch c.kmsKeyArns";

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    public String label;

    public String accountId;

    public String partition;

    public String region;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "connection_buckets", joinColumns = @JoinColumn(name = "connection_id"))
    @OrderColumn(name = "position")
    public List<GrantedBucket> buckets = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "connection_kms_keys", joinColumns = @JoinColumn(name = "connection_id"))
    @OrderColumn(name = "position")
    @Column(name = "key_arn")
    public List<String> kmsKeyArns = new ArrayList<>();

    public String roleArn;

    public Instant roleSubmittedAt;

    @Enumerated(EnumType.STRING)
    public ConnectionStatus status;

    public Instant statusChangedAt;

    public Instant failingSince;

    public UUID lastCheckId;

    public String lastCheckOutcome;

    public Instant lastCheckedAt;

    public Instant revokedAt;

    public UUID revokedBy;

    public String revokeReason;

    /** When an edit last changed the buckets or KMS keys (PRODUCT §13); null if none ever did. */
    public Instant resourcesChangedAt;

    /*
     * When the connection is due for a scheduled re-check, and which instance holds it: written only by plain
     * statements (the sweeper's claim and release, a check's end, a revocation), never by an entity flush, so a
     * page action that loaded the row before a claim cannot write the claim back as it was.
     */
    @Column(insertable = false, updatable = false)
    public Instant nextCheckAt;

    @Column(insertable = false, updatable = false)
    public String claimedBy;

    @Column(insertable = false, updatable = false)
    public Instant claimedUntil;

    public UUID createdBy;

    public Instant createdAt;

    @Version
    public long version;

    /**
     * A connection of the given organisation, its buckets and KMS keys read in the same statement; empty for another
     * organisation's, so callers answer 404.
     */
    public static Optional<Connection> findOwned(UUID id, UUID organisationId) {
        return find(WITH_RESOURCES + " where c.id = ?1 and c.organisation.id = ?2", id, organisationId)
                .singleResultOptional();
    }

    /** The connection with its buckets and KMS keys, read in one statement (by id, they would take three). */
    public static Optional<Connection> findWithResources(UUID id) {
        return find(WITH_RESOURCES + " where c.id = ?1", id).singleResultOptional();
    }

    public static List<Connection> listForOrganisation(UUID organisationId) {
        return list("organisation.id = ?1 order by createdAt desc", organisationId);
    }

    public boolean isRevoked() {
        return status == ConnectionStatus.REVOKED;
    }

    /**
     * Whether the role may still carry the policies from before the last edit of the buckets or KMS keys: no check
     * has finished since (PRODUCT §13).
     */
    public boolean awaitsCheckAfterEdit() {
        return resourcesChangedAt != null && !isRevoked()
                && (lastCheckedAt == null || lastCheckedAt.isBefore(resourcesChangedAt));
    }

    /**
     * The external IDs the trust policy must accept now: the current one first, then the previous during a rotation.
     * (The states are two parameters, not one list: Hibernate translates a query with a list parameter again on
     * every call, see docs/benchmarks.md "Setup page".)
     */
    public List<IssuedExternalId> liveExternalIds() {
        return IssuedExternalId.list("connection = ?1 and state in (?2, ?3) order by issuedAt desc",
                this, IssuedExternalId.State.CURRENT, IssuedExternalId.State.PREVIOUS);
    }

    public IssuedExternalId currentExternalId() {
        return IssuedExternalId.<IssuedExternalId>find("connection = ?1 and state = ?2", this,
                IssuedExternalId.State.CURRENT).singleResult();
    }
}
