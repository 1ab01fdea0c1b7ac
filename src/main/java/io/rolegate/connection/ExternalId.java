package io.rolegate.connection;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The value the vendor sends with every AssumeRole and the customer's trust policy requires. It is
 * generated here, never chosen by the customer, and unique per connection (confused-deputy defence).
 */
public record ExternalId(String value) {

    public static final String PREFIX = "rg-";

    private static final Pattern AWS_PATTERN = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public ExternalId {
        if (!matchesAwsPattern(value)) {
            throw new IllegalArgumentException("Not an external ID AWS accepts");
        }
    }

    /** 160 random bits as 32 lower-case base32 characters: {@code rg-} plus 32 characters. */
    public static ExternalId generate() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(PREFIX.length() + 32).append(PREFIX);
        for (int group = 0; group < 4; group++) {
            long bits = 0;
            for (int i = 0; i < 5; i++) {
                bits = (bits << 8) | (bytes[group * 5 + i] & 0xFF);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                id.append(BASE32[(int) (bits >>> shift) & 0x1F]);
            }
        }
        return new ExternalId(id.toString());
    }

    /** AWS's rule for {@code ExternalId}: 2–1224 characters of {@code [\w+=,.@:/-]}. */
    public static boolean matchesAwsPattern(String value) {
        return value != null && value.length() >= 2 && value.length() <= 1224 && AWS_PATTERN.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
