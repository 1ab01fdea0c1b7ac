package io.rolegate.connection;

import java.util.List;

/** A connection form that passed every rule: safe to store and to render policies from. */
public record ConnectionRequest(String label, AccountId accountId, Partition partition, String region,
                                List<BucketGrant> buckets, List<KmsKeyArn> kmsKeyArns) {

    public ConnectionRequest {
        buckets = List.copyOf(buckets);
        kmsKeyArns = List.copyOf(kmsKeyArns);
    }
}
