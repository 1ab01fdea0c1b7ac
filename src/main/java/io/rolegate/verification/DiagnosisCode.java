package io.rolegate.verification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Stable identifiers of what a check found (PRODUCT §5). The identifier is what customers, support
 * and documentation quote, so it never changes once published; each has a cause and a fix on
 * {@code /help/codes#ID}. {@code verdict} is the outcome the code forces on the check, or null when
 * it only informs.
 */
public enum DiagnosisCode {
    ARN_INVALID(CheckOutcome.FAILED),
    ARN_NOT_ROLE(CheckOutcome.FAILED),
    ARN_ACCOUNT_MISMATCH(CheckOutcome.FAILED),
    ARN_PARTITION_MISMATCH(CheckOutcome.FAILED),
    ROLE_NOT_SUBMITTED(CheckOutcome.FAILED),
    TRUST_DENIED(CheckOutcome.FAILED),
    TRUST_PROPAGATING(CheckOutcome.INCONCLUSIVE),
    TRUST_NO_EXTERNAL_ID(CheckOutcome.INSECURE),
    TRUST_EXTERNAL_ID_WILDCARD(CheckOutcome.INSECURE),
    STS_REGION_DISABLED(CheckOutcome.FAILED),
    IDENTITY_MISMATCH(CheckOutcome.FAILED),
    S3_NO_SUCH_BUCKET(CheckOutcome.FAILED),
    S3_LOCATION_DENIED(null),
    S3_REGION_REDIRECT(null),
    S3_LIST_DENIED(CheckOutcome.FAILED),
    S3_READ_DENIED(CheckOutcome.FAILED),
    KMS_DECRYPT_DENIED(CheckOutcome.FAILED),
    S3_NOTHING_TO_READ(null),
    AWS_UNAVAILABLE(CheckOutcome.INCONCLUSIVE),
    AWS_THROTTLED(CheckOutcome.INCONCLUSIVE),
    AWS_TIMEOUT(CheckOutcome.INCONCLUSIVE),
    AWS_UNEXPECTED(CheckOutcome.INCONCLUSIVE),
    VENDOR_CREDENTIALS(CheckOutcome.INCONCLUSIVE),
    CHECK_INTERRUPTED(CheckOutcome.INCONCLUSIVE),
    CONNECTION_REVOKED(CheckOutcome.INCONCLUSIVE),
    /** PRODUCT §7: only the previous external ID of a rotation was accepted; the connection keeps working. */
    ROTATION_PENDING(null),
    /** S3 answered SlowDown: its request rate limit per prefix of the bucket, shared by all of its clients. */
    S3_THROTTLED(CheckOutcome.INCONCLUSIVE),
    /** A VPC endpoint on Rolegate's own network path to S3 refused the request. */
    S3_VPC_ENDPOINT_DENIED(CheckOutcome.INCONCLUSIVE),
    /** STS refused AssumeRole because of a policy on Rolegate's side (its own identity, organization, network). */
    VENDOR_ASSUME_DENIED(CheckOutcome.INCONCLUSIVE),
    /** The vendor has no identity in the connection's partition (PRODUCT §2): nothing was sent to AWS. */
    PARTITION_UNAVAILABLE(CheckOutcome.INCONCLUSIVE);

    /** Where a code's problem lies, as the help page groups them. */
    public enum Group {
        /** The role ARN, the trust policy and the role's identity. */
        TRUST,
        /** The buckets, their objects and S3's answers. */
        S3,
        /** The KMS keys of encrypted objects. */
        KMS,
        /** AWS as a service: reachability, throttling, regions, unexpected answers. */
        AWS,
        /** Rolegate's own side: the vendor's credentials and configuration, and its own decisions. */
        VENDOR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Bundle key (in {@code check}) of the group's heading, e.g. {@code codes_group_TRUST}. */
        public String titleKey() {
            return "codes_group_" + name();
        }

        public static Optional<Group> fromId(String id) {
            return Arrays.stream(values()).filter(group -> group.id().equals(id)).findFirst();
        }
    }

    private final CheckOutcome verdict;

    DiagnosisCode(CheckOutcome verdict) {
        this.verdict = verdict;
    }

    /** The published identifier, e.g. {@code RG-TRUST-DENIED}. */
    public String id() {
        return "RG-" + name().replace('_', '-');
    }

    public CheckOutcome verdict() {
        return verdict;
    }

    /**
     * Whether the problem lies with Rolegate or AWS, not with the customer's account. S3's request rate limit
     * is shared by every client of the bucket, the customer's own workloads included, so it is not counted; nor is
     * IAM propagation (it passes by itself) or a revocation (an administrator's decision).
     */
    public boolean isOperatorProblem() {
        return verdict == CheckOutcome.INCONCLUSIVE && this != S3_THROTTLED && this != TRUST_PROPAGATING
                && this != CONNECTION_REVOKED;
    }

    /** The group the help page lists the code under. */
    public Group group() {
        return switch (this) {
            case ARN_INVALID, ARN_NOT_ROLE, ARN_ACCOUNT_MISMATCH, ARN_PARTITION_MISMATCH, ROLE_NOT_SUBMITTED, TRUST_DENIED,
                    TRUST_PROPAGATING, TRUST_NO_EXTERNAL_ID, TRUST_EXTERNAL_ID_WILDCARD, IDENTITY_MISMATCH,
                    ROTATION_PENDING -> Group.TRUST;
            case S3_NO_SUCH_BUCKET, S3_LOCATION_DENIED, S3_REGION_REDIRECT, S3_LIST_DENIED, S3_READ_DENIED,
                    S3_NOTHING_TO_READ, S3_THROTTLED, S3_VPC_ENDPOINT_DENIED -> Group.S3;
            case KMS_DECRYPT_DENIED -> Group.KMS;
            case STS_REGION_DISABLED, AWS_UNAVAILABLE, AWS_THROTTLED, AWS_TIMEOUT, AWS_UNEXPECTED -> Group.AWS;
            case VENDOR_CREDENTIALS, VENDOR_ASSUME_DENIED, PARTITION_UNAVAILABLE, CHECK_INTERRUPTED,
                    CONNECTION_REVOKED -> Group.VENDOR;
        };
    }

    public String titleKey() {
        return "code_" + name() + "_title";
    }

    public String causeKey() {
        return "code_" + name() + "_cause";
    }

    public String fixKey() {
        return "code_" + name() + "_fix";
    }

    public static Optional<DiagnosisCode> fromId(String id) {
        return Arrays.stream(values()).filter(code -> code.id().equals(id)).findFirst();
    }
}
