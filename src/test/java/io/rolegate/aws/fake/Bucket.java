package io.rolegate.aws.fake;

import java.time.Instant;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A bucket with its region and owner; keys are kept in S3's listing order (UTF-8 binary, here: String order). */
final class Bucket {

    /** One stored object; {@code kmsKeyArn} is null for SSE-S3, {@code contentType} null when none was given. */
    record StoredObject(String key, byte[] content, String kmsKeyArn, String etag, Instant lastModified,
            String contentType) {
    }

    final String name;
    final String region;
    final String ownerAccountId;
    final ConcurrentNavigableMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    /** The bucket policy, or null for none. */
    volatile Policy policy;
    /** Denials carry S3's bare "Access Denied", as for requests from outside the owner's organization. */
    volatile boolean plainDenials;

    Bucket(String name, String region, String ownerAccountId) {
        this.name = name;
        this.region = region;
        this.ownerAccountId = ownerAccountId;
    }
}
