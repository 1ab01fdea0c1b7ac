package io.rolegate.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rolegate.web.Forms;

/**
 * Checks a submitted connection form against AWS's naming rules and Rolegate's limits. Every
 * input, however large or strange, ends in a {@link ConnectionValidation}; nothing is thrown.
 */
public final class ConnectionValidator {

    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_BUCKETS = 20;
    public static final int MAX_KMS_KEYS = 20;
    /** Room for 20 lines of a 63-character bucket and a 1024-byte prefix. */
    public static final int MAX_BUCKETS_TEXT = 32_768;
    public static final int MAX_KMS_KEYS_TEXT = 8_192;
    /** IAM's limit on a role's inline policies, counted without white space. */
    public static final int MAX_PERMISSION_POLICY_CHARACTERS = 10_240;

    private ConnectionValidator() {
    }

    /** Validates a form whose every partition is acceptable. */
    public static ConnectionValidation validate(ConnectionForm form) {
        return validate(form, EnumSet.allOf(Partition.class));
    }

    /**
     * Validates a form for a new connection: its partition must be one of {@code offered}, those in which the
     * vendor has an identity (PRODUCT §2); another one is refused with {@code partition.unavailable}.
     */
    public static ConnectionValidation validate(ConnectionForm form, Set<Partition> offered) {
        Map<String, List<FieldError>> errors = new LinkedHashMap<>();
        String label = label(form.label(), errors);
        AccountId accountId = value(AccountId.parse(form.accountId()), "accountId", errors);
        Partition partition = partition(form.partition(), offered, errors);
        String region = region(form.region(), partition, errors);
        List<BucketGrant> buckets = buckets(form.buckets(), errors);
        List<KmsKeyArn> keys = kmsKeys(form.kmsKeyArns(), partition, errors);
        if (errors.isEmpty()) {
            int estimate = permissionPolicyEstimate(partition, buckets, keys);
            if (estimate > MAX_PERMISSION_POLICY_CHARACTERS) {
                add(errors, "buckets", FieldError.of("buckets.policyTooLarge", estimate, MAX_PERMISSION_POLICY_CHARACTERS));
            }
        }
        if (!errors.isEmpty()) {
            return new ConnectionValidation.Invalid(Collections.unmodifiableMap(errors));
        }
        return new ConnectionValidation.Valid(new ConnectionRequest(label, accountId, partition, region, buckets, keys));
    }

    private static String label(String text, Map<String, List<FieldError>> errors) {
        String label = Forms.strip(text);
        if (label.isEmpty()) {
            add(errors, "label", FieldError.of("label.required"));
        } else if (label.length() > 2 * MAX_LABEL_LENGTH || label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
            add(errors, "label", FieldError.of("label.tooLong", MAX_LABEL_LENGTH));
        } else if (Characters.hasControl(label)) {
            add(errors, "label", FieldError.of("label.controlCharacters"));
        }
        return label;
    }

    private static Partition partition(String text, Set<Partition> offered, Map<String, List<FieldError>> errors) {
        String id = Forms.identifier(text);
        if (id.isEmpty()) {
            add(errors, "partition", FieldError.of("partition.required"));
            return null;
        }
        Optional<Partition> partition = Partition.fromId(id);
        if (partition.isEmpty()) {
            add(errors, "partition", FieldError.of("partition.unknown", Characters.excerpt(id)));
        } else if (!offered.contains(partition.get())) {
            add(errors, "partition", FieldError.of("partition.unavailable", id));
        }
        return partition.orElse(null);
    }

    private static String region(String text, Partition partition, Map<String, List<FieldError>> errors) {
        String region = Forms.identifier(text);
        Optional<Partition> home = Partition.ofRegion(region);
        if (region.isEmpty()) {
            add(errors, "region", FieldError.of("region.required"));
        } else if (home.isEmpty()) {
            add(errors, "region", FieldError.of("region.unknown", Characters.excerpt(region)));
        } else if (partition != null && home.get() != partition) {
            add(errors, "region", FieldError.of("region.otherPartition", region, home.get().id(), partition.id()));
        }
        return region;
    }

    private static List<BucketGrant> buckets(String text, Map<String, List<FieldError>> errors) {
        String field = "buckets";
        if (text != null && text.length() > MAX_BUCKETS_TEXT) {
            add(errors, field, FieldError.of("buckets.inputTooLong", MAX_BUCKETS_TEXT));
            return List.of();
        }
        List<Line> lines = lines(text);
        if (lines.isEmpty()) {
            add(errors, field, FieldError.of("buckets.required"));
            return List.of();
        }
        if (lines.size() > MAX_BUCKETS) {
            add(errors, field, FieldError.of("buckets.tooMany", MAX_BUCKETS, lines.size()));
            return List.of();
        }
        List<BucketGrant> grants = new ArrayList<>();
        Map<BucketGrant, Integer> firstLines = new HashMap<>();
        for (Line line : lines) {
            Parsed<BucketGrant> parsed = BucketGrant.parse(line.text());
            if (parsed instanceof Parsed.Invalid<BucketGrant> invalid) {
                add(errors, field, line.error(invalid.error()));
            } else {
                BucketGrant grant = parsed.orThrow();
                Integer first = firstLines.putIfAbsent(grant, line.number());
                if (first != null) {
                    add(errors, field, line.error(FieldError.of("buckets.duplicate", first)));
                } else {
                    grants.add(grant);
                }
            }
        }
        return grants;
    }

    private static List<KmsKeyArn> kmsKeys(String text, Partition partition, Map<String, List<FieldError>> errors) {
        String field = "kmsKeyArns";
        if (text != null && text.length() > MAX_KMS_KEYS_TEXT) {
            add(errors, field, FieldError.of("kmsKeyArns.inputTooLong", MAX_KMS_KEYS_TEXT));
            return List.of();
        }
        List<Line> lines = lines(text);
        if (lines.size() > MAX_KMS_KEYS) {
            add(errors, field, FieldError.of("kmsKeyArns.tooMany", MAX_KMS_KEYS, lines.size()));
            return List.of();
        }
        if (partition == null) {
            // Key ARNs are judged against the connection's partition; that error is already reported.
            return List.of();
        }
        List<KmsKeyArn> keys = new ArrayList<>();
        Map<KmsKeyArn, Integer> firstLines = new HashMap<>();
        for (Line line : lines) {
            Parsed<KmsKeyArn> parsed = KmsKeyArn.parse(line.text(), partition);
            if (parsed instanceof Parsed.Invalid<KmsKeyArn> invalid) {
                add(errors, field, line.error(invalid.error()));
            } else {
                KmsKeyArn key = parsed.orThrow();
                Integer first = firstLines.putIfAbsent(key, line.number());
                if (first != null) {
                    add(errors, field, line.error(FieldError.of("kmsKeyArns.duplicate", first)));
                } else {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /**
     * An upper bound of the permission policy's length as IAM counts it, so a connection that IAM
     * would refuse is refused here, with a reason, before anything is stored.
     */
    static int permissionPolicyEstimate(Partition partition, List<BucketGrant> buckets, List<KmsKeyArn> keys) {
        int arnBase = "\"arn::s3:::\",".length() + partition.id().length();
        int total = 600;
        for (BucketGrant grant : buckets) {
            total += 3 * (arnBase + grant.bucket().length() + 2);
            if (grant.prefix() != null) {
                total += 300 + 2 * jsonLength(grant.prefix());
            }
        }
        for (KmsKeyArn key : keys) {
            total += 250 + key.value().length();
        }
        return total;
    }

    /** Characters the text takes in a policy document: quotes and backslashes are escaped, everything beyond ASCII takes six. */
    private static int jsonLength(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                length++;
            } else if (c > '\u007E') {
                length += 5;
            }
        }
        return length;
    }

    private static <T> T value(Parsed<T> parsed, String field, Map<String, List<FieldError>> errors) {
        if (parsed instanceof Parsed.Invalid<T> invalid) {
            add(errors, field, invalid.error());
            return null;
        }
        return parsed.orThrow();
    }

    private static void add(Map<String, List<FieldError>> errors, String field, FieldError error) {
        errors.computeIfAbsent(field, name -> new ArrayList<>()).add(error);
    }

    /** Non-blank lines, each read as a pasted identifier, with their 1-based line numbers as the user sees them. */
    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = Forms.identifier(raw[i]);
            if (!line.isEmpty()) {
                lines.add(new Line(i + 1, line));
            }
        }
        return lines;
    }

    private record Line(int number, String text) {

        /** Line-level errors carry the line number and an excerpt of the line first. */
        FieldError error(FieldError cause) {
            List<Object> args = new ArrayList<>();
            args.add(number);
            args.add(Characters.excerpt(text));
            args.addAll(cause.args());
            return new FieldError(cause.key(), args);
        }
    }
}
