package io.rolegate.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A message shown once on the page a POST redirects to. It travels in a short-lived cookie,
 * encrypted and authenticated so that it can carry a one-time link and cannot be forged.
 */
public record Flash(Kind kind, String key, List<String> arguments) {

    public static final String COOKIE = "rolegate-flash";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char SEPARATOR = '\u001f';

    public enum Kind { SUCCESS, ERROR }

    public static Flash success(String key, String... arguments) {
        return new Flash(Kind.SUCCESS, key, List.of(arguments));
    }

    public static Flash error(String key, String... arguments) {
        return new Flash(Kind.ERROR, key, List.of(arguments));
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }

    public String argument(int index) {
        return index < arguments.size() ? arguments.get(index) : "";
    }

    String seal(byte[] key) {
        StringBuilder plain = new StringBuilder(kind.name()).append(SEPARATOR).append(this.key);
        arguments.forEach(argument -> plain.append(SEPARATOR).append(argument));
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Flash> open(String value, byte[] key) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, bytes, 0, 12));
            String plain = new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>(List.of(plain.split(String.valueOf(SEPARATOR), -1)));
            Kind kind = Kind.valueOf(parts.remove(0));
            String messageKey = parts.remove(0);
            return Optional.of(new Flash(kind, messageKey, List.copyOf(parts)));
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
