package io.rolegate.broker;

import java.time.Instant;

/** How often a connection's role was used for one purpose, and when last. */
public record CredentialUse(String purpose, long count, Instant lastUsedAt) {
}
