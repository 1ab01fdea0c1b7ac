package io.rolegate.aws;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why an AWS call did not succeed, in terms the check can act on. {@code detail} is technical text
 * for staff (the AWS message, sanitised); it never carries credentials. {@code deniedBy} and
 * {@code kmsKeyArn} are what AWS's answer says about a denial: the kind of policy that refused it, and
 * the KMS key involved (docs/aws-answers.md).
 */
public record AwsFailure(Kind kind, String errorCode, String requestId, int httpStatus, String detail,
        Optional<String> bucketRegion, Service service, DeniedBy deniedBy, Optional<String> kmsKeyArn) {

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
        REVOKED,
        /** Rolegate has no vendor identity in the connection's partition: nothing was sent to AWS. */
        PARTITION_UNAVAILABLE;

        /** Whether AWS gave a definite answer about the customer's setup (otherwise the check is inconclusive). */
        public boolean isConclusive() {
            return this == ACCESS_DENIED || this == KMS_DENIED || this == REGION_DISABLED
                    || this == NO_SUCH_BUCKET || this == REDIRECT;
        }
    }

    /** The service that answered; {@code OTHER} when no service answered (timeouts, network failures). */
    public enum Service { STS, S3, OTHER }

    /**
     * The kind of policy an AccessDenied names, in the format of the IAM User Guide's "Access denied error
     * messages" (troubleshoot_access-denied): "… because no TYPE allows the ACTION action" (implicit) or
     * "… with an explicit deny in a TYPE" (explicit). The caller's policies are the identity-based ones; a
     * bucket policy or a KMS key policy is the resource-based one.
     */
    public enum DeniedBy {
        /** No identity-based policy of the caller allows the action. */
        IDENTITY_POLICY,
        /** A Deny in an identity-based policy of the caller. */
        IDENTITY_POLICY_DENY,
        /** No resource-based policy (bucket policy, key policy) allows it: required across accounts. */
        RESOURCE_POLICY,
        /** A Deny in the resource-based policy (bucket policy, key policy). */
        RESOURCE_POLICY_DENY,
        /** An AWS Organizations service control policy of the caller's account. */
        SERVICE_CONTROL_POLICY,
        /** An AWS Organizations resource control policy of the resource's account. */
        RESOURCE_CONTROL_POLICY,
        /** The caller's permissions boundary. */
        PERMISSIONS_BOUNDARY,
        /** The policy of a VPC endpoint the request passed through: on the caller's network path. */
        VPC_ENDPOINT_POLICY,
        /** AWS did not say (a plain "Access Denied", or a message without the policy type). */
        NOT_STATED;

        /**
         * Whether the refusing policy is the caller's own (its identity policies, permissions boundary, organization
         * or network path) rather than the resource's: for AssumeRole, Rolegate's side, not the customer's role.
         */
        public boolean isCallers() {
            return this == IDENTITY_POLICY || this == IDENTITY_POLICY_DENY || this == PERMISSIONS_BOUNDARY
                    || this == SERVICE_CONTROL_POLICY || this == VPC_ENDPOINT_POLICY;
        }
    }

    public AwsFailure {
        detail = sanitise(detail);
        deniedBy = deniedBy == null ? DeniedBy.NOT_STATED : deniedBy;
        kmsKeyArn = kmsKeyArn == null ? Optional.empty() : kmsKeyArn;
        service = service == null ? Service.OTHER : service;
    }

    /** A failure without a denial's details. */
    public AwsFailure(Kind kind, String errorCode, String requestId, int httpStatus, String detail,
            Optional<String> bucketRegion) {
        this(kind, errorCode, requestId, httpStatus, detail, bucketRegion, Service.OTHER, DeniedBy.NOT_STATED,
                Optional.empty());
    }

    static String sanitise(String text) {
        if (text == null) {
            return null;
        }
        String clean = ACCESS_KEY_ID.matcher(text).replaceAll("$1****************");
        return clean.length() > MAX_DETAIL ? clean.substring(0, MAX_DETAIL) + "…" : clean;
    }
}
