package io.rolegate.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rolegate.connection.GrantedBucket;

/** What one check works on, read from the database when it starts running; holds no secrets. */
record CheckPlan(UUID checkId, UUID connectionId, String roleArn, String externalId, String accountId,
        String partition, String region, Instant roleSubmittedAt, List<GrantedBucket> buckets, String sessionName,
        Instant startedAt) {
}
