package io.rolegate.connection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read access to one S3 bucket, or to the keys under one prefix of it. Written one per line as
 * {@code bucket} or {@code bucket/prefix}; the prefix is a key prefix, not a folder, so
 * {@code reports} also covers {@code reports-old/…} and {@code reports/} covers only the folder.
 */
public record BucketGrant(String bucket, String prefix) {

    public static final int MAX_PREFIX_BYTES = 1024;
    /**
     * The last character IAM accepts in a policy document (CreateRole, PutRolePolicy: tab, line feed,
     * carriage return and U+0020–U+00FF); see docs/artifacts.md for why no artifact writes others.
     */
    public static final int MAX_IAM_CHARACTER = 0x00FF;

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    public BucketGrant {
        Optional<FieldError> problem = problem(bucket, prefix);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().key());
        }
        if (prefix != null && prefix.isEmpty()) {
            prefix = null;
        }
    }

    /**
     * Reads one line as a person types it (already read as an identifier). Besides the rules every
     * grant follows, a prefix must be one the policies can name: every character up to U+00FF.
     */
    public static Parsed<BucketGrant> parse(String entry) {
        if (entry.startsWith("s3://") || entry.startsWith("arn:") || entry.startsWith("https://")) {
            return Parsed.invalid("buckets.uri");
        }
        int slash = entry.indexOf('/');
        String bucket = slash < 0 ? entry : entry.substring(0, slash);
        String prefix = slash < 0 || slash == entry.length() - 1 ? null : entry.substring(slash + 1);
        Optional<FieldError> problem = problem(bucket, prefix);
        if (problem.isPresent()) {
            return new Parsed.Invalid<>(problem.get());
        }
        BucketGrant grant = new BucketGrant(bucket, prefix);
        int beyond = grant.firstCharacterBeyondIam();
        if (beyond >= 0) {
            int character = grant.prefix().codePointAt(beyond);
            return Parsed.invalid("buckets.prefix.beyondIam", String.format("%s (U+%04X)", Character.toString(character), character),
                    grant.withinIam().line());
        }
        return Parsed.valid(grant);
    }

    /**
     * The index in the prefix of its first character that IAM policy documents cannot hold (above
     * {@link #MAX_IAM_CHARACTER}), or -1. The form refuses such prefixes; connections stored before
     * it did render no policy, so nothing IAM would refuse is ever shown.
     */
    public int firstCharacterBeyondIam() {
        if (prefix == null) {
            return -1;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) > MAX_IAM_CHARACTER) {
                return i;
            }
        }
        return -1;
    }

    /** The widest grant the policies can name: the prefix up to its first character beyond IAM's, or the whole bucket. */
    public BucketGrant withinIam() {
        int beyond = firstCharacterBeyondIam();
        return beyond < 0 ? this : new BucketGrant(bucket, prefix.substring(0, beyond));
    }

    /** The line this grant is written as, which {@link #parse} reads back. */
    public String line() {
        return prefix == null ? bucket : bucket + "/" + prefix;
    }

    private static Optional<FieldError> problem(String bucket, String prefix) {
        Optional<FieldError> problem = bucketProblem(bucket);
        return problem.isPresent() || prefix == null ? problem : prefixProblem(prefix);
    }

    private static Optional<FieldError> bucketProblem(String name) {
        if (name == null || name.length() < 3 || name.length() > 63) {
            return error("buckets.name.length", 3, 63);
        }
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (!(isLowerOrDigit(c) || c == '.' || c == '-')) {
                return error("buckets.name.characters");
            }
        }
        if (upper) {
            return error("buckets.name.uppercase");
        }
        if (!isLowerOrDigit(name.charAt(0)) || !isLowerOrDigit(name.charAt(name.length() - 1))) {
            return error("buckets.name.edges");
        }
        if (name.contains("..")) {
            return error("buckets.name.consecutiveDots");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return error("buckets.name.ipAddress");
        }
        for (String reserved : RESERVED_PREFIXES) {
            if (name.startsWith(reserved)) {
                return error("buckets.name.reservedPrefix", reserved);
            }
        }
        for (String reserved : RESERVED_SUFFIXES) {
            if (name.endsWith(reserved)) {
                return error("buckets.name.reservedSuffix", reserved);
            }
        }
        return Optional.empty();
    }

    private static Optional<FieldError> prefixProblem(String prefix) {
        if (prefix.length() > MAX_PREFIX_BYTES || prefix.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES) {
            return error("buckets.prefix.tooLong", MAX_PREFIX_BYTES);
        }
        if (prefix.startsWith("/")) {
            return error("buckets.prefix.leadingSlash");
        }
        if (Characters.hasControl(prefix)) {
            return error("buckets.prefix.controlCharacters");
        }
        if (prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0) {
            return error("buckets.prefix.wildcard");
        }
        // IAM reads ${…} in a Resource or condition value as a policy variable such as ${aws:username}.
        if (prefix.contains("${")) {
            return error("buckets.prefix.policyVariable");
        }
        return Optional.empty();
    }

    private static boolean isLowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static Optional<FieldError> error(String key, Object... args) {
        return Optional.of(FieldError.of(key, args));
    }
}
