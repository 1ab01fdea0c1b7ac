package io.rolegate.verification;

import java.util.Arrays;
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
