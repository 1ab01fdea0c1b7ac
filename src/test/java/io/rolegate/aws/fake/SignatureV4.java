package io.rolegate.aws.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 the way the services do, re-deriving the signature from the secret.
 * Covers what SDK 2.40.2 sends over plain HTTP: a hex payload hash (STS), {@code UNSIGNED-PAYLOAD} (S3 reads)
 * and {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]} aws-chunked bodies with chained chunk signatures
 * (S3 PutObject, which signs payloads when there is no TLS).
 */
final class SignatureV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
    private static final String EMPTY_SHA256 = hex(sha256(new byte[0]));

    /** The parsed {@code Authorization} header. */
    record Credential(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
            String signature) {

        String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    /** What the verification needs from an HTTP request; header names are lower case. */
    record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** Thrown when the signature or the body framing does not check out; the caller maps it to the service's error. */
    static final class Mismatch extends Exception {
        private final String canonicalRequest;
        private final String stringToSign;

        Mismatch(String message, String canonicalRequest, String stringToSign) {
            super(message);
            this.canonicalRequest = canonicalRequest;
            this.stringToSign = stringToSign;
        }

        String canonicalRequest() {
            return canonicalRequest;
        }

        String stringToSign() {
            return stringToSign;
        }
    }

    private SignatureV4() {
    }

    /** Returns null when the header is not a SigV4 authorization at all. */
    static Credential parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher matcher = AUTHORIZATION.matcher(authorization.trim());
        if (!matcher.matches()) {
            return null;
        }
        return new Credential(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
                List.of(matcher.group(5).split(";")), matcher.group(6));
    }

    /**
     * Verifies the request signed with {@code secret} and returns the payload (aws-chunked bodies decoded).
     * S3 signs the path as sent; other services encode it once more.
     */
    static byte[] verify(SignedRequest request, Credential credential, String secret) throws Mismatch {
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || !amzDate.startsWith(credential.date())) {
            throw new Mismatch("X-Amz-Date is missing or does not match the credential scope date", "", "");
        }
        for (String required : List.of("host", "x-amz-date")) {
            if (!credential.signedHeaders().contains(required)) {
                throw new Mismatch("Signed headers must include " + required, "", "");
            }
        }
        String contentSha256 = request.header("x-amz-content-sha256");
        boolean s3 = credential.service().equals("s3");
        String payloadHash = payloadHash(request, contentSha256, s3);
        String canonicalRequest = request.method() + "\n"
                + (s3 ? request.rawPath() : encode(percentDecode(request.rawPath()), false)) + "\n"
                + canonicalQuery(request.rawQuery()) + "\n"
                + canonicalHeaders(request, credential.signedHeaders()) + "\n"
                + String.join(";", credential.signedHeaders()) + "\n"
                + payloadHash;
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credential.scope() + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(secret, credential);
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credential.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new Mismatch("signature", canonicalRequest, stringToSign);
        }
        if (payloadHash.startsWith("STREAMING-")) {
            boolean signedChunks = !payloadHash.equals(STREAMING_UNSIGNED_TRAILER);
            return new ChunkedPayload(request.body(), key, amzDate, credential, signedChunks).decode();
        }
        return request.body();
    }

    private static String payloadHash(SignedRequest request, String contentSha256, boolean s3) throws Mismatch {
        String actual = hex(sha256(request.body()));
        if (contentSha256 == null) {
            if (s3) {
                throw new Mismatch("S3 requires x-amz-content-sha256", "", "");
            }
            return actual;
        }
        if (s3 && (contentSha256.equals(UNSIGNED_PAYLOAD) || contentSha256.equals(STREAMING_SIGNED)
                || contentSha256.equals(STREAMING_SIGNED_TRAILER) || contentSha256.equals(STREAMING_UNSIGNED_TRAILER))) {
            return contentSha256;
        }
        if (!contentSha256.equals(actual)) {
            throw new Mismatch("The provided 'x-amz-content-sha256' header does not match what was computed.", "", "");
        }
        return actual;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(new String[] {encode(percentDecode(name), true), encode(percentDecode(value), true)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static String canonicalHeaders(SignedRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            canonical.append(name).append(':')
                    .append(values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return canonical.toString();
    }

    static byte[] signingKey(String secret, Credential credential) {
        byte[] date = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), credential.date());
        byte[] region = hmac(date, credential.region());
        byte[] service = hmac(region, credential.service());
        return hmac(service, "aws4_request");
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes (the SigV4 rule). */
    static String encode(String value, boolean encodeSlash) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    /** Unlike URLDecoder, a '+' stays a '+': AWS clients encode spaces as %20. */
    static String percentDecode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** aws-chunked framing: {@code size[;chunk-signature=sig]\r\ndata\r\n} ... {@code 0...\r\n[trailers]\r\n}. */
    private static final class ChunkedPayload {
        private final byte[] body;
        private final byte[] key;
        private final String amzDate;
        private final Credential credential;
        private final boolean signedChunks;
        private int position;

        ChunkedPayload(byte[] body, byte[] key, String amzDate, Credential credential, boolean signedChunks) {
            this.body = body;
            this.key = key;
            this.amzDate = amzDate;
            this.credential = credential;
            this.signedChunks = signedChunks;
        }

        byte[] decode() throws Mismatch {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            String previousSignature = credential.signature();
            while (true) {
                String header = line();
                String[] parts = header.split(";chunk-signature=", 2);
                int size = Integer.parseInt(parts[0].trim(), 16);
                if (position + size > body.length) {
                    throw new Mismatch("aws-chunked body is truncated", "", "");
                }
                byte[] data = Arrays.copyOfRange(body, position, position + size);
                position += size;
                if (signedChunks) {
                    String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + credential.scope() + "\n"
                            + previousSignature + "\n" + EMPTY_SHA256 + "\n" + hex(sha256(data));
                    String expected = hex(hmac(key, stringToSign));
                    if (parts.length < 2 || !expected.equals(parts[1].trim())) {
                        throw new Mismatch("chunk signature", "", stringToSign);
                    }
                    previousSignature = expected;
                }
                if (size == 0) {
                    verifyTrailers(previousSignature);
                    return payload.toByteArray();
                }
                payload.write(data, 0, size);
                line();
            }
        }

        private void verifyTrailers(String previousSignature) throws Mismatch {
            StringBuilder trailers = new StringBuilder();
            String trailerSignature = null;
            for (String line = line(); !line.isEmpty(); line = position < body.length ? line() : "") {
                if (line.startsWith("x-amz-trailer-signature:")) {
                    trailerSignature = line.substring("x-amz-trailer-signature:".length()).trim();
                } else {
                    trailers.append(line).append('\n');
                }
            }
            if (signedChunks && trailers.length() > 0) {
                String stringToSign = "AWS4-HMAC-SHA256-TRAILER\n" + amzDate + "\n" + credential.scope() + "\n"
                        + previousSignature + "\n" + hex(sha256(trailers.toString().getBytes(StandardCharsets.UTF_8)));
                if (!hex(hmac(key, stringToSign)).equals(trailerSignature)) {
                    throw new Mismatch("trailer signature", "", stringToSign);
                }
            }
        }

        private String line() throws Mismatch {
            for (int i = position; i + 1 < body.length; i++) {
                if (body[i] == '\r' && body[i + 1] == '\n') {
                    String line = new String(body, position, i - position, StandardCharsets.UTF_8);
                    position = i + 2;
                    return line;
                }
            }
            throw new Mismatch("aws-chunked body is not framed with CRLF", "", "");
        }
    }
}
