package io.rolegate.aws;

import java.time.Instant;

/**
 * Temporary credentials of an assumed role, handed to the vendor's services by the credential broker.
 * {@link #toString()} hides the secret and the session token, so logging the record cannot leak them.
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    @Override
    public String toString() {
        return "SessionCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
