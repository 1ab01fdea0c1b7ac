package io.rolegate.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registration tokens of PRODUCT §12: the template's {@code Custom::RolegateRegistration} resource sends one, and
 * a registration is accepted only with the token of a live external ID of the connection. Each external ID carries 160
 * random bits (its salt); its token is HMAC-SHA256 of the salt under a key derived from {@code rolegate.secret}. The
 * database thus holds no token and nothing a token can be computed from without the secret, while every rendering of
 * the template (page, download, published copy) names the same token. A rotation issues a new external ID, and so a
 * new token; a retired ID's token is refused.
 */
@ApplicationScoped
public class RegistrationTokens {

    /** Tokens start with this, so a customer who sees one in the template can tell it from the external ID. */
    public static final String PREFIX = "rgr-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    RegistrationTokens(@ConfigProperty(name = "rolegate.secrets.registration") String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** A new salt: 160 random bits as 40 hexadecimal digits. */
    static String newSalt() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token of an external ID with this salt: {@code rgr-} and 64 hexadecimal digits (256 bits). */
    public String of(String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(salt.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code presented} is the token of the ID with this salt, compared in constant time. */
    public boolean matches(String presented, String salt) {
        return presented != null && salt != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), of(salt).getBytes(StandardCharsets.UTF_8));
    }
}
