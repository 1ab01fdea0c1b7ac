package io.rolegate.account;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret part of an invite link, of which only a SHA-256 hash is stored. New tokens are
 * HMAC-SHA256(invite key, invite id and a 256-bit random nonce): the server can derive the same link again from the
 * stored nonce, the database alone cannot (docs/invites.md).
 */
public record InviteToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A token of 256 random bits that cannot be derived again (invites written before derived links). */
    public static InviteToken generate() {
        return new InviteToken(BASE64URL.encodeToString(randomBytes()));
    }

    /** A fresh nonce of 256 random bits, base64url (43 characters). */
    public static String nonce() {
        return BASE64URL.encodeToString(randomBytes());
    }

    /** The token of invite {@code inviteId} with {@code nonce}, under {@code key} (rolegate.secrets.invites). */
    public static InviteToken derive(byte[] key, UUID inviteId, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] token = mac.doFinal((inviteId + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            return new InviteToken(BASE64URL.encodeToString(token));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
