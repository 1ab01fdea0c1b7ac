package io.rolegate.connection;

import java.util.regex.Pattern;

/** The ARN of a KMS key that encrypts objects in a granted bucket (SSE-KMS). */
public record KmsKeyArn(Partition partition, String region, AccountId account, String keyId) {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    private static final int MAX_LENGTH = 2048;

    public KmsKeyArn {
        if (partition == null || !partition.hasRegion(region) || account == null || keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("Not a KMS key ARN");
        }
    }

    /** Reads one line as a person types it (already trimmed); the key must live in the connection's partition. */
    public static Parsed<KmsKeyArn> parse(String entry, Partition connectionPartition) {
        if (entry.length() > MAX_LENGTH) {
            return Parsed.invalid("kmsKeyArns.format");
        }
        if (KEY_ID.matcher(entry).matches()) {
            return Parsed.invalid("kmsKeyArns.bareKeyId");
        }
        if (entry.startsWith("alias/")) {
            return Parsed.invalid("kmsKeyArns.alias");
        }
        String[] parts = entry.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("kms")) {
            return Parsed.invalid("kmsKeyArns.format");
        }
        // kms:Decrypt is authorised against the key itself; a policy naming an alias never matches.
        if (parts[5].startsWith("alias/")) {
            return Parsed.invalid("kmsKeyArns.alias");
        }
        Partition partition = Partition.fromId(parts[1]).orElse(null);
        if (partition == null) {
            return Parsed.invalid("kmsKeyArns.format");
        }
        if (partition != connectionPartition) {
            return Parsed.invalid("kmsKeyArns.partition", partition.id(), connectionPartition.id());
        }
        if (!partition.hasRegion(parts[3])) {
            return Parsed.invalid("kmsKeyArns.region", Characters.excerpt(parts[3]), partition.id());
        }
        if (!Characters.isAsciiDigits(parts[4], 12) || !parts[5].startsWith("key/")) {
            return Parsed.invalid("kmsKeyArns.format");
        }
        String keyId = parts[5].substring("key/".length());
        if (!KEY_ID.matcher(keyId).matches()) {
            return Parsed.invalid("kmsKeyArns.keyId");
        }
        return Parsed.valid(new KmsKeyArn(partition, parts[3], new AccountId(parts[4]), keyId));
    }

    public String value() {
        return "arn:" + partition.id() + ":kms:" + region + ":" + account.value() + ":key/" + keyId;
    }

    @Override
    public String toString() {
        return value();
    }
}
