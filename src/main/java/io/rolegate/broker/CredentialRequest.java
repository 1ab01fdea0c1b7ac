package io.rolegate.broker;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a vendor service asks for: credentials of a connection, for a purpose that names the session in the
 * customer's CloudTrail, valid for 900 to 3600 seconds.
 */
public record CredentialRequest(UUID connectionId, String purpose, Duration duration) {

    public static final String DEFAULT_PURPOSE = "default";
    public static final int DEFAULT_SECONDS = 900;
    public static final int MIN_SECONDS = 900;
    public static final int MAX_SECONDS = 3600;
    /** The purpose's form, as the API documents and validates it (AWS's RoleSessionName characters). */
    public static final String PURPOSE_REGEX = "[\\w+=,.@-]{1,32}";
    public static final Pattern PURPOSE = Pattern.compile(PURPOSE_REGEX);

    /** Why the input cannot be a request, or empty when it can. */
    public static Optional<String> problem(String purpose, Integer durationSeconds) {
        if (purpose != null && !PURPOSE.matcher(purpose).matches()) {
            return Optional.of("purpose must be 1 to 32 characters of letters, digits and +=,.@_-");
        }
        if (durationSeconds != null && (durationSeconds < MIN_SECONDS || durationSeconds > MAX_SECONDS)) {
            return Optional.of("durationSeconds must be between " + MIN_SECONDS + " and " + MAX_SECONDS);
        }
        return Optional.empty();
    }

    public static CredentialRequest of(UUID connectionId, String purpose, Integer durationSeconds) {
        return new CredentialRequest(connectionId, purpose == null ? DEFAULT_PURPOSE : purpose,
                Duration.ofSeconds(durationSeconds == null ? DEFAULT_SECONDS : durationSeconds));
    }

    /**
     * RoleSessionName {@code rolegate-{connection}-{purpose}}: the connection as the first 8 hex digits of its
     * id (as in the checks' session names), so the name stays within AWS's 64 characters (at most 50 here)
     * and the customer can still match it to the connection in Rolegate.
     */
    public String sessionName() {
        return "rolegate-" + connectionId.toString().substring(0, 8) + "-" + purpose;
    }
}
