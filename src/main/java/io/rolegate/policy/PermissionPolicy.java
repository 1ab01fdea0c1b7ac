package io.rolegate.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.KmsKeyArn;
import io.rolegate.connection.Partition;

/**
 * The role's inline policy: read-only access to the granted buckets and prefixes, and decryption
 * with the granted KMS keys only when S3 asks for it. Grants and keys are sorted, so the same
 * connection always renders the same document whatever order the customer typed it in.
 */
public final class PermissionPolicy {

    private static final Comparator<BucketGrant> GRANT_ORDER = Comparator.comparing(BucketGrant::bucket)
            .thenComparing(grant -> grant.prefix() == null ? "" : grant.prefix());

    private PermissionPolicy() {
    }

    public static IamPolicy build(PolicyModel model) {
        Partition partition = model.partition();
        List<BucketGrant> grants = effectiveGrants(model.buckets());
        IamPolicy.Builder policy = IamPolicy.builder().version("2012-10-17");

        List<String> wholeBuckets = grants.stream().filter(grant -> grant.prefix() == null).map(grant -> bucketArn(partition, grant)).toList();
        if (!wholeBuckets.isEmpty()) {
            policy.addStatement(list("ListBuckets", wholeBuckets).build());
        }
        int number = 0;
        for (BucketGrant grant : grants) {
            if (grant.prefix() != null) {
                // s3:prefix is the prefix parameter of the ListObjects(V2)/ListObjectVersions request. "prefix*"
                // admits the configured prefix itself ("*" also matches nothing) and anything longer, as a
                // client walking the tree with a delimiter asks; a request without a prefix, or for a sibling,
                // carries no matching value and is denied, so the rest of the bucket stays unlisted.
                policy.addStatement(list("ListPrefix" + ++number, List.of(bucketArn(partition, grant)))
                        .addCondition(IamConditionOperator.STRING_LIKE, "s3:prefix", grant.prefix() + "*")
                        .build());
            }
        }
        policy.addStatement(IamStatement.builder()
                .sid("ReadObjects")
                .effect(IamEffect.ALLOW)
                .addAction("s3:GetObject")
                .addAction("s3:GetObjectVersion")
                .resourceIds(grants.stream().map(grant -> objectArn(partition, grant)).toList())
                .build());
        policy.addStatement(IamStatement.builder()
                .sid("LocateBuckets")
                .effect(IamEffect.ALLOW)
                .addAction("s3:GetBucketLocation")
                .resourceIds(grants.stream().map(grant -> bucketArn(partition, grant)).distinct().toList())
                .build());
        keysByRegion(model.kmsKeys()).forEach((region, keys) -> policy.addStatement(IamStatement.builder()
                .sid("DecryptViaS3" + sidPart(region))
                .effect(IamEffect.ALLOW)
                .addAction("kms:Decrypt")
                .resourceIds(keys)
                // S3 calls KMS in the bucket's region, which is the key's region (SSE-KMS keys must share it).
                .addCondition(IamConditionOperator.STRING_EQUALS, "kms:ViaService", "s3." + region + "." + model.partition().dnsSuffix())
                .build()));
        return policy.build();
    }

    /** The document as downloaded (see {@link PolicyJson}), ending in a line break like any text file. */
    public static String json(PolicyModel model) {
        return PolicyJson.write(build(model));
    }

    /** Sorted grants without those another grant already covers (a whole bucket, or a shorter prefix). */
    static List<BucketGrant> effectiveGrants(List<BucketGrant> buckets) {
        List<BucketGrant> sorted = buckets.stream().sorted(GRANT_ORDER).distinct().toList();
        List<BucketGrant> effective = new ArrayList<>();
        for (BucketGrant grant : sorted) {
            boolean covered = sorted.stream().anyMatch(other -> !other.equals(grant) && other.bucket().equals(grant.bucket())
                    && (other.prefix() == null || (grant.prefix() != null && grant.prefix().startsWith(other.prefix()))));
            if (!covered) {
                effective.add(grant);
            }
        }
        return effective;
    }

    private static IamStatement.Builder list(String sid, List<String> bucketArns) {
        return IamStatement.builder()
                .sid(sid)
                .effect(IamEffect.ALLOW)
                .addAction("s3:ListBucket")
                .addAction("s3:ListBucketVersions")
                .resourceIds(bucketArns);
    }

    private static Map<String, List<String>> keysByRegion(List<KmsKeyArn> keys) {
        Map<String, List<String>> byRegion = new TreeMap<>();
        keys.stream().distinct().sorted(Comparator.comparing(KmsKeyArn::value)).forEach(key ->
                byRegion.computeIfAbsent(key.region(), region -> new ArrayList<>()).add(key.value()));
        return byRegion;
    }

    /** {@code eu-west-1} → {@code EuWest1}: Sids allow letters and digits only. */
    private static String sidPart(String region) {
        StringBuilder part = new StringBuilder();
        for (String word : region.split("-")) {
            part.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return part.toString();
    }

    static String bucketArn(Partition partition, BucketGrant grant) {
        return "arn:" + partition.id() + ":s3:::" + grant.bucket();
    }

    static String objectArn(Partition partition, BucketGrant grant) {
        return bucketArn(partition, grant) + "/" + (grant.prefix() == null ? "" : grant.prefix()) + "*";
    }
}
