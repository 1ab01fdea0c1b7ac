package io.rolegate.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * What an edit may change on a connection (PRODUCT §13): its label, its buckets as lines ({@code bucket} or
 * {@code bucket/prefix}) and its KMS key ARNs, each in its order.
 */
public record ConnectionResources(String label, List<String> buckets, List<String> kmsKeyArns) {

    public ConnectionResources {
        buckets = List.copyOf(buckets);
        kmsKeyArns = List.copyOf(kmsKeyArns);
    }

    /** As the connection stores them now. */
    public static ConnectionResources of(Connection connection) {
        return new ConnectionResources(connection.label,
                connection.buckets.stream().map(GrantedBucket::display).toList(), connection.kmsKeyArns);
    }

    /** As a validated form asks for them. */
    public static ConnectionResources of(ConnectionRequest request) {
        return new ConnectionResources(request.label(), request.buckets().stream().map(BucketGrant::line).toList(),
                request.kmsKeyArns().stream().map(KmsKeyArn::value).toList());
    }

    /** Whether the policies differ: buckets or keys changed (the label appears in no policy). */
    public boolean grantsDifferFrom(ConnectionResources other) {
        return !buckets.equals(other.buckets) || !kmsKeyArns.equals(other.kmsKeyArns);
    }

    /**
     * For the audit trail: each part that differs as three parameters, its name ({@code label}, {@code buckets},
     * {@code kms}), before and after, e.g. {@code buckets, ["acme"], ["acme", "acme-raw/2026/"]}; values are quoted as
     * JSON strings, so a comma or a quote in a prefix cannot blur where one ends. Resources hold no secret.
     */
    public String[] changesTo(ConnectionResources after) {
        List<String> parts = new ArrayList<>();
        if (!label.equals(after.label)) {
            parts.addAll(List.of("label", quoted(label), quoted(after.label)));
        }
        if (!buckets.equals(after.buckets)) {
            parts.addAll(List.of("buckets", quoted(buckets), quoted(after.buckets)));
        }
        if (!kmsKeyArns.equals(after.kmsKeyArns)) {
            parts.addAll(List.of("kms", quoted(kmsKeyArns), quoted(after.kmsKeyArns)));
        }
        return parts.toArray(String[]::new);
    }

    private static String quoted(List<String> values) {
        return "[" + String.join(", ", values.stream().map(ConnectionResources::quoted).toList()) + "]";
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
