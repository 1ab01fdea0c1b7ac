package io.rolegate.account;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secret part of an invite link: 256 random bits, of which only a SHA-256 hash is stored. */
public record InviteToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static InviteToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new InviteToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The link to send: where the new user sets a password, under {@code baseUri} (web/PublicUrl, never a Host header). */
    public String link(URI baseUri) {
        return baseUri.resolve("invite/" + value).toString();
    }

    public String hash() {
        return hash(value);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
