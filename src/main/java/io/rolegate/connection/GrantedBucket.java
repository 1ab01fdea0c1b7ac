package io.rolegate.connection;

import jakarta.persistence.Embeddable;

/** A bucket a connection grants, optionally narrowed to a key prefix. */
@Embeddable
public class GrantedBucket {

    public String bucket;

    public String prefix;

    protected GrantedBucket() {
    }

    public GrantedBucket(String bucket, String prefix) {
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** As the customer typed it: {@code bucket} or {@code bucket/prefix}. */
    public String display() {
        return prefix == null ? bucket : bucket + "/" + prefix;
    }
}
