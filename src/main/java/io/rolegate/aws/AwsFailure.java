package io.rolegate.aws;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why an AWS call did not succeed, in terms the check can act on. {@code detail} is technical text
 * for staff (the AWS message, sanitised); it never carries credentials.
 */
public record AwsFailure(Kind kind, String errorCode, String requestId, int httpStatus, String detail,
        Optional<String> bucketRegion) {

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final int MAX_DETAIL = 1000;

    public enum Kind {
        /** 403 AccessDenied: a policy does not allow it (or, for AssumeRole, the role does not exist). */
        ACCESS_DENIED,
        /** AccessDenied from S3 because KMS refused to decrypt the object for the caller. */
        KMS_DENIED,
        /** STS is not activated in this region for the account that owns the role. */
        REGION_DISABLED,
        NO_SUCH_BUCKET,
        /** 301: the bucket lives in {@link #bucketRegion()}. */
        REDIRECT,
        THROTTLED,
        /** 5xx, network failures: AWS could not answer. */
        UNAVAILABLE,
        /** No answer within the time limits. */
        TIMEOUT,
        /** The vendor's own credentials are missing, invalid or expired: an operator problem. */
        VENDOR_CREDENTIALS,
        /** Any other refusal; not blamed on the customer. */
        UNEXPECTED,
        /** The connection was revoked while the call was under way: it was abandoned, its answer dropped. */
        REVOKED;

        /** Whether AWS gave a definite answer about the customer's setup (otherwise the check is inconclusive). */
        public boolean isConclusive() {
            return this == ACCESS_DENIED || this == KMS_DENIED || this == REGION_DISABLED
                    || this == NO_SUCH_BUCKET || this == REDIRECT;
        }
    }

    public AwsFailure {
        detail = sanitise(detail);
    }

    static String sanitise(String text) {
        if (text == null) {
            return null;
        }
        String clean = ACCESS_KEY_ID.matcher(text).replaceAll("$1****************");
        return clean.length() > MAX_DETAIL ? clean.substring(0, MAX_DETAIL) + "…" : clean;
    }
}
