package io.rolegate.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.rolegate.broker.CredentialRequest;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.verification.CheckOutcome;

/** The JSON shapes of the API. Field names are part of the API contract (documented at /q/openapi). */
public final class ApiViews {

    private ApiViews() {
    }

    public record OrganisationRef(UUID id, String name) {
    }

    public record LastCheck(UUID id, CheckOutcome outcome, Instant checkedAt, String url) {
        static LastCheck of(Connection connection) {
            return connection.lastCheckId == null ? null : new LastCheck(connection.lastCheckId,
                    connection.lastCheckOutcome == null ? null : CheckOutcome.valueOf(connection.lastCheckOutcome),
                    connection.lastCheckedAt,
                    "/api/v1/connections/" + connection.id + "/checks/" + connection.lastCheckId);
        }
    }

    public record ConnectionSummary(UUID id, String label, ConnectionStatus status, OrganisationRef organisation,
            String accountId, String partition, String region, String roleArn, LastCheck lastCheck,
            Instant createdAt) {
        static ConnectionSummary of(Connection c) {
            return new ConnectionSummary(c.id, c.label, c.status, new OrganisationRef(c.organisation.id,
                    c.organisation.name), c.accountId, c.partition, c.region, c.roleArn, LastCheck.of(c), c.createdAt);
        }
    }

    /** One page; {@code next} and {@code prev} are the relative URLs of the neighbouring pages, null at the ends. */
    public record ConnectionList(List<ConnectionSummary> items, int page, int size, long total, String next,
            String prev) {
    }

    public record ExternalIdView(String value, IssuedExternalId.State state, Instant issuedAt) {
    }

    public record BucketView(String bucket, String prefix) {
    }

    public record Resources(List<BucketView> buckets, List<String> kmsKeyArns) {
    }

    public record ConnectionDetail(UUID id, String label, ConnectionStatus status, Instant statusChangedAt,
            OrganisationRef organisation, String accountId, String partition, String region, String roleArn,
            List<ExternalIdView> externalIds, Resources resources, LastCheck lastCheck, Instant createdAt,
            Instant revokedAt) {
        static ConnectionDetail of(Connection c) {
            return new ConnectionDetail(c.id, c.label, c.status, c.statusChangedAt,
                    new OrganisationRef(c.organisation.id, c.organisation.name), c.accountId, c.partition, c.region,
                    c.roleArn,
                    c.liveExternalIds().stream().map(x -> new ExternalIdView(x.value, x.state, x.issuedAt)).toList(),
                    new Resources(c.buckets.stream().map(b -> new BucketView(b.bucket, b.prefix)).toList(),
                            List.copyOf(c.kmsKeyArns)),
                    LastCheck.of(c), c.createdAt, c.revokedAt);
        }
    }

    public record CheckStarted(UUID checkId, UUID connectionId, String url, boolean joined) {
    }

    public record OrganisationCreated(UUID id, String name, String inviteEmail, String inviteUrl,
            Instant inviteExpiresAt) {
    }

    /**
     * What the credentials endpoint accepts; every member is optional. The constraints are the ones the endpoint
     * enforces (and the document shows); {@code refresh} asks for a new AssumeRole instead of the cached set.
     */
    public record CredentialsRequest(
            @Min(CredentialRequest.MIN_SECONDS) @Max(CredentialRequest.MAX_SECONDS) Integer durationSeconds,
            @Pattern(regexp = CredentialRequest.PURPOSE_REGEX) String purpose,
            Boolean refresh) {

        boolean fresh() {
            return Boolean.TRUE.equals(refresh);
        }
    }

    public record CredentialsResponse(String accessKeyId, String secretAccessKey, String sessionToken,
            Instant expiration, String region, String roleArn) {
        @Override
        public String toString() {
            return "CredentialsResponse[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
        }
    }
}
