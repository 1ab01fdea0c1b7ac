package io.rolegate.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} on the API's POSTs (docs/api.md). The first successful answer of a key is kept for
 * {@link #LIFETIME} and replayed (status, headers, body) to a retry with the same key and the same request; the
 * same key with another request is a 422, and a retry while the first request still runs a 409. An error answer
 * is not kept: nothing was created, so a retry runs again.
 *
 * <p>Keys belong to the token that sent them. The table holds a hash of the key, never the key, and the answer
 * encrypted with AES-256-GCM under a second hash of the key: an answer may hold a once-shown invite link or
 * temporary AWS credentials, and neither may be readable from the database. A key must therefore be hard to
 * guess: 16 to 255 visible ASCII characters (a random UUID is fine).
 */
@ApplicationScoped
public class Idempotency {

    /** The header a client sends; an answer replayed from a key says so in {@link #REPLAYED}. */
    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final Duration LIFETIME = Duration.ofHours(24);
    static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{16,255}");
    private static final List<String> KEPT_HEADERS = List.of("Location", "Content-Type");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    Idempotency(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** An answer as kept: status, the headers that matter to a client, and the JSON body. */
    record Kept(int status, Map<String, String> headers, String body) {
    }

    /**
     * Runs {@code operation} once per key: without a key it simply runs; with one it runs unless an answer is
     * kept for the key, which is replayed instead. {@code request} identifies what was asked (method, path and
     * the parsed body), so a key reused for another request is recognised.
     */
    public Response once(UUID tokenId, String key, String request, Supplier<Response> operation) {
        if (key == null) {
            return operation.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badField(HEADER, "invalid_idempotency_key",
                    HEADER + " must be 16 to 255 visible ASCII characters, such as a random UUID.");
        }
        String keyHash = hex(sha256("lookup", tokenId, key));
        String requestHash = hex(sha256("request", tokenId, request));
        Instant now = clock.instant();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                INSERT INTO idempotency_keys (token_id, key_hash, request_hash, created_at, expires_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (token_id, key_hash) DO UPDATE
                SET request_hash = excluded.request_hash, status = NULL, response = NULL,
                    created_at = excluded.created_at, expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at <= excluded.created_at""")
                .setParameter(1, tokenId)
                .setParameter(2, keyHash)
                .setParameter(3, requestHash)
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, Timestamp.from(now.plus(LIFETIME)))
                .executeUpdate() == 1);
        if (!claimed) {
            return replay(tokenId, key, keyHash, requestHash);
        }
        Response response;
        try {
            response = operation.get();
        } catch (RuntimeException e) {
            release(tokenId, keyHash);
            throw e;
        }
        if (response.getStatus() >= 300) {
            release(tokenId, keyHash);
            return response;
        }
        Kept kept = keep(response);
        byte[] sealed = seal(sha256("encrypt", tokenId, key), write(kept));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE idempotency_keys SET status = ?3, response = ?4 WHERE token_id = ?1 AND key_hash = ?2")
                .setParameter(1, tokenId)
                .setParameter(2, keyHash)
                .setParameter(3, kept.status())
                .setParameter(4, sealed)
                .executeUpdate());
        return rebuild(kept, false);
    }

    private Response replay(UUID tokenId, String key, String keyHash, String requestHash) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT request_hash, status, response FROM idempotency_keys WHERE token_id = ?1 AND key_hash = ?2")
                .setParameter(1, tokenId)
                .setParameter(2, keyHash)
                .getResultList());
        if (rows.isEmpty()) {
            throw new ApiException(409, "idempotency_key_in_use",
                    "A request with this " + HEADER + " has just ended without an answer to keep; send it again.", 1);
        }
        Object[] row = (Object[]) rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw new ApiException(422, "idempotency_key_reused",
                    "This " + HEADER + " was used for a different request in the last 24 hours; use a new key.");
        }
        if (row[1] == null) {
            throw new ApiException(409, "idempotency_key_in_use",
                    "A request with this " + HEADER + " is still running; retry once it has answered.", 1);
        }
        return rebuild(read(open(sha256("encrypt", tokenId, key), (byte[]) row[2])), true);
    }

    private void release(UUID tokenId, String keyHash) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "DELETE FROM idempotency_keys WHERE token_id = ?1 AND key_hash = ?2 AND status IS NULL")
                .setParameter(1, tokenId)
                .setParameter(2, keyHash)
                .executeUpdate());
    }

    /** Keys older than {@link #LIFETIME} are forgotten: their answers can no longer be replayed. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void expire() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM idempotency_keys WHERE expires_at <= ?1")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate());
    }

    private Kept keep(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            Object value = response.getHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value.toString());
            }
        }
        try {
            return new Kept(response.getStatus(), headers, json.writeValueAsString(response.getEntity()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An API answer could not be written as JSON", e);
        }
    }

    private static Response rebuild(Kept kept, boolean replayed) {
        Response.ResponseBuilder response = Response.status(kept.status()).entity(kept.body())
                .type("application/json");
        kept.headers().forEach(response::header);
        return response.header(REPLAYED, String.valueOf(replayed)).build();
    }

    private byte[] write(Kept kept) {
        try {
            return json.writeValueAsBytes(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Kept read(byte[] kept) {
        try {
            return json.readValue(kept, Kept.class);
        } catch (IOException e) {
            throw new IllegalStateException("A kept API answer could not be read", e);
        }
    }

    /** AES-256-GCM: a random 12-byte nonce, then the ciphertext with its tag. */
    private static byte[] seal(byte[] key, byte[] plain) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] result = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, result, 0, nonce.length);
            System.arraycopy(sealed, 0, result, nonce.length, sealed.length);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] open(byte[] key, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            return cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A kept API answer could not be decrypted", e);
        }
    }

    /** SHA-256 of a purpose, the token and a value, each separated, so the three uses never share a hash. */
    private static byte[] sha256(String purpose, UUID tokenId, String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((purpose + "\n" + tokenId + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
