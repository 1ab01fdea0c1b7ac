package io.rolegate.verification;

import io.rolegate.aws.AwsFailure;

/** How one step ended, as it is recorded. {@code note} is shown to the customer (a region, an object key). */
record StepResult(StepStatus status, DiagnosisCode code, String messageKey, String note, String awsErrorCode,
        String requestId, String detail) {

    static StepResult pass(String messageKey, String note, String requestId) {
        return new StepResult(StepStatus.PASS, null, messageKey, note, null, requestId, null);
    }

    static StepResult of(StepStatus status, DiagnosisCode code, String note) {
        return new StepResult(status, code, code.titleKey(), note, null, null, null);
    }

    static StepResult of(StepStatus status, DiagnosisCode code, String note, AwsFailure failure) {
        return new StepResult(status, code, code.titleKey(), note, failure.errorCode(), failure.requestId(),
                failure.detail());
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
            case THROTTLED -> DiagnosisCode.AWS_THROTTLED;
            case UNAVAILABLE -> DiagnosisCode.AWS_UNAVAILABLE;
            case TIMEOUT -> DiagnosisCode.AWS_TIMEOUT;
            case VENDOR_CREDENTIALS -> DiagnosisCode.VENDOR_CREDENTIALS;
            default -> DiagnosisCode.AWS_UNEXPECTED;
        };
        return of(StepStatus.WARN, code, null, failure);
    }

    StepResult withCode(DiagnosisCode newCode) {
        return new StepResult(status, newCode, newCode.titleKey(), note, awsErrorCode, requestId, detail);
    }
}
