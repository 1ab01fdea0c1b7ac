package io.rolegate.verification;

import java.util.Locale;

import io.rolegate.connection.Partition;

/**
 * What the fix of one step names, so that it points at the exact resource (PRODUCT §5): the connection's
 * account, partition and home region, the role the check assumed, the bucket and prefix of the step, and what
 * AWS's answer named (the object, the KMS key). {@code roleAccount} and {@code rolePartition} are those of the
 * submitted role ARN; {@code action} and {@code resourceArn} are the request AWS refused, {@code condition} the
 * policy condition it needs (language-neutral policy syntax, or empty).
 * Values a check did not learn are null; {@link #PLACEHOLDERS} stands in for all of them on the help page.
 */
public record FixFacts(String partition, String account, String region, String role, String roleAccount,
        String rolePartition, String sessionName, String vendorPrincipal, String externalId, String bucket,
        String prefix, String bucketRegion, String objectKey, String action, String resourceArn, String condition,
        String keyArn, String service, String serviceRegion) {

    /** The help page's stand-ins, in the capitals the texts use for values to fill in. */
    static final FixFacts PLACEHOLDERS = new FixFacts("PARTITION", "ACCOUNT", "REGION",
            "arn:PARTITION:iam::ACCOUNT:role/NAME", "ROLE-ACCOUNT", "ROLE-PARTITION", "rolegate-CONNECTION-CHECK",
            null, "EXTERNAL-ID", "BUCKET", "PREFIX", "BUCKET-REGION", "OBJECT-KEY", "ACTION", "RESOURCE-ARN", "",
            "arn:PARTITION:kms:REGION:KEY-ACCOUNT:key/KEY-ID", "AWS", "REGION");

    /** The part of an ARN at {@code index} (1 partition, 3 region, 4 account), or the whole text when it has none. */
    static String arnPart(String arn, int index) {
        String[] parts = arnParts(arn);
        return parts.length == 6 && !parts[index].isEmpty() ? parts[index] : arn;
    }

    /** The partition as environment variable names spell it: {@code aws-us-gov} → {@code AWS_US_GOV}. */
    public String partitionVariable() {
        return partition.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code arn:PARTITION:s3:::BUCKET}. */
    public String bucketArn() {
        return "arn:" + partition + ":s3:::" + bucket;
    }

    /** The objects the permission policy grants: {@code arn:PARTITION:s3:::BUCKET/PREFIX*}. */
    public String objectsArn() {
        return bucketArn() + "/" + (prefix == null ? "" : prefix) + "*";
    }

    /** The bucket as the connection names it: {@code BUCKET} or {@code BUCKET/PREFIX}. */
    public String bucketDisplay() {
        return prefix == null ? bucket : bucket + "/" + prefix;
    }

    /** The account that owns the KMS key, from its ARN {@code arn:PARTITION:kms:REGION:ACCOUNT:key/ID}. */
    public String keyAccount() {
        return arnPart(keyArn, 4);
    }

    /**
     * The {@code kms:ViaService} value under which S3 asks KMS for this key: S3 in the key's region (an SSE-KMS
     * key is in its bucket's region), as the permission policy on the setup page names it.
     */
    public String viaService() {
        String keyRegion = arnParts(keyArn).length == 6 ? arnPart(keyArn, 3) : bucketRegion;
        String dnsSuffix = Partition.fromId(partition).map(Partition::dnsSuffix).orElse(Partition.AWS.dnsSuffix());
        return "s3." + keyRegion + "." + dnsSuffix;
    }

    private static String[] arnParts(String arn) {
        return arn == null || !arn.startsWith("arn:") ? new String[0] : arn.split(":", 6);
    }
}
