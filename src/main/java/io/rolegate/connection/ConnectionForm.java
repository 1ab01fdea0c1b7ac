package io.rolegate.connection;

/**
 * The connection form exactly as submitted; any field may be null, empty or hostile. The names are
 * the form's field names, which are also the keys of the error map.
 */
public record ConnectionForm(String label, String accountId, String partition, String region, String buckets, String kmsKeyArns) {
}
