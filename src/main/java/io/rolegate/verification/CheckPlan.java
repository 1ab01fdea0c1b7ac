package io.rolegate.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rolegate.connection.ConnectionRepository;
import io.rolegate.connection.GrantedBucket;

/**
 * What one check works on, taken in the transaction that creates the check; holds no secrets.
 * {@code externalId} is null only if the connection has no current external ID; {@code previousExternalId} and
 * its row id are set only during a rotation (PRODUCT §7).
 */
record CheckPlan(UUID checkId, UUID connectionId, String roleArn, String externalId, String previousExternalId,
        UUID previousExternalIdId, String accountId, String partition, String region, Instant roleSubmittedAt,
        List<GrantedBucket> buckets, String sessionName, Instant startedAt) {

    static CheckPlan of(Check check, ConnectionRepository.Locked target, ConnectionRepository.UnderWay ids,
            List<GrantedBucket> buckets) {
        return new CheckPlan(check.id, target.id(), check.roleArn, ids.externalId(),
                ids.previousExternalId(), ids.previousExternalIdId(), target.accountId(), target.partition(),
                target.region(), target.roleSubmittedAt(), buckets, check.sessionName, check.startedAt);
    }
}
