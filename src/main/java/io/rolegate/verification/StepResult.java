package io.rolegate.verification;

import io.rolegate.aws.AwsFailure;

/**
 * How one step ended, as it is recorded. {@code note} is shown to the customer (a region, an object key);
 * {@code deniedBy} and {@code kmsKeyArn} are what AWS said about a denial, for the fix text.
 */
record StepResult(StepStatus status, DiagnosisCode code, String messageKey, String note, String awsErrorCode,
        String requestId, String detail, AwsFailure.DeniedBy deniedBy, String kmsKeyArn) {

    StepResult(StepStatus status, DiagnosisCode code, String messageKey, String note, String awsErrorCode,
            String requestId, String detail) {
        this(status, code, messageKey, note, awsErrorCode, requestId, detail, null, null);
    }

    static StepResult pass(String messageKey, String note, String requestId) {
        return new StepResult(StepStatus.PASS, null, messageKey, note, null, requestId, null);
    }

    static StepResult of(StepStatus status, DiagnosisCode code, String note) {
        return new StepResult(status, code, code.titleKey(), note, null, null, null);
    }

    static StepResult of(StepStatus status, DiagnosisCode code, String note, AwsFailure failure) {
        return new StepResult(status, code, code.titleKey(), note, failure.errorCode(), failure.requestId(),
                failure.detail(), failure.deniedBy() == AwsFailure.DeniedBy.NOT_STATED ? null : failure.deniedBy(),
                failure.kmsKeyArn().orElse(null));
    }

    /**
     * A denial of an S3 call that fails the check: when a VPC endpoint on Rolegate's own network path refused
     * it, nothing in the customer's account did, so the check is inconclusive instead.
     */
    static StepResult denied(DiagnosisCode code, String note, AwsFailure failure) {
        if (failure.deniedBy() == AwsFailure.DeniedBy.VPC_ENDPOINT_POLICY) {
            return of(StepStatus.WARN, DiagnosisCode.S3_VPC_ENDPOINT_DENIED, note, failure);
        }
        return of(StepStatus.FAIL, code, note, failure);
    }

    /** The connection was revoked before or while the step ran: it was stopped, and AWS's answer (if any) dropped. */
    static StepResult stopped() {
        return of(StepStatus.WARN, DiagnosisCode.CONNECTION_REVOKED, null);
    }

    /** A refusal that is about AWS or Rolegate, not the customer's setup: the check is inconclusive. */
    static StepResult inconclusive(AwsFailure failure) {
        if (failure.kind() == AwsFailure.Kind.REVOKED) {
            return stopped();
        }
        DiagnosisCode code = switch (failure.kind()) {
            case THROTTLED -> failure.service() == AwsFailure.Service.S3 ? DiagnosisCode.S3_THROTTLED
                    : DiagnosisCode.AWS_THROTTLED;
            case UNAVAILABLE -> DiagnosisCode.AWS_UNAVAILABLE;
            case TIMEOUT -> DiagnosisCode.AWS_TIMEOUT;
            case VENDOR_CREDENTIALS -> DiagnosisCode.VENDOR_CREDENTIALS;
            case PARTITION_UNAVAILABLE -> DiagnosisCode.PARTITION_UNAVAILABLE;
            default -> DiagnosisCode.AWS_UNEXPECTED;
        };
        return of(StepStatus.WARN, code, null, failure);
    }

    StepResult withCode(DiagnosisCode newCode) {
        return new StepResult(status, newCode, newCode.titleKey(), note, awsErrorCode, requestId, detail, deniedBy,
                kmsKeyArn);
    }

    /** The same result naming the KMS key S3 told in another answer. */
    StepResult withKmsKey(String keyArn) {
        return new StepResult(status, code, messageKey, note, awsErrorCode, requestId, detail, deniedBy, keyArn);
    }
}
