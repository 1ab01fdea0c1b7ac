package io.rolegate.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret an API client presents: {@code rgt_} and 256 random bits in base64url. Only its SHA-256
 * hash is stored; a fast hash is right here because the secret has full entropy (nothing to guess).
 * {@link #toString()} never shows the value.
 */
public record ApiTokenSecret(String value) {

    static final String PREFIX = "rgt_";
    private static final Pattern FORMAT = Pattern.compile("rgt_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiTokenSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiTokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether a presented value could be a token at all, so garbage never reaches the database. */
    static boolean wellFormed(String presented) {
        return presented != null && FORMAT.matcher(presented).matches();
    }

    String hash() {
        return hash(value);
    }

    static String hash(String presented) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ApiTokenSecret[****]";
    }
}
