package io.rolegate.connection;

/**
 * The connection form exactly as submitted; any field may be null, empty or hostile. The names are
 * the form's field names, which are also the keys of the error map.
 */
public record ConnectionForm(String label, String accountId, String partition, String region, String buckets, String kmsKeyArns) {

    /**
     * The edit form (PRODUCT §13) as {@link ConnectionValidator} reads it: label, buckets and KMS keys as submitted;
     * account, partition and region as stored, because an edit never changes them and key ARNs are judged against the
     * connection's own partition.
     */
    public static ConnectionForm editing(Connection connection, String label, String buckets, String kmsKeyArns) {
        return new ConnectionForm(label, connection.accountId, connection.partition, connection.region, buckets,
                kmsKeyArns);
    }
}
