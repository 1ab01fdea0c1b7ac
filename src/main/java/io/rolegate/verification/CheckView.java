package io.rolegate.verification;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A check with its steps, as the check page shows it. */
public record CheckView(Check check, List<StepView> steps) {

    /** Codes of an AssumeRole that AWS denied, or allowed too readily: the role's trust policy is in question. */
    private static final Set<DiagnosisCode> TRUST_CODES = Set.of(DiagnosisCode.TRUST_DENIED,
            DiagnosisCode.TRUST_PROPAGATING, DiagnosisCode.TRUST_NO_EXTERNAL_ID, DiagnosisCode.TRUST_EXTERNAL_ID_WILDCARD,
            DiagnosisCode.ROTATION_PENDING);

    public boolean isRunning() {
        return check.isRunning();
    }

    /**
     * Whether the finished check's AssumeRole was denied (or the role proved insecure, or accepted only the previous
     * external ID): the page then offers the trust policy diagnosis (docs/trust-diagnosis.md).
     */
    public boolean trustPolicyInQuestion() {
        return !isRunning() && steps.stream().anyMatch(step -> step.code() != null && TRUST_CODES.contains(step.code()));
    }

    public String outcomeTextKey() {
        return "outcome_" + check.outcome.name() + "_text";
    }

    /**
     * One step; {@code code} is null when the step has nothing to diagnose, {@code fix} when it asks the reader
     * to do nothing (or another step already says what). A {@code planned} step of a running check has not begun
     * (it is not recorded yet); {@code retrySeconds} is how much longer AssumeRole is retried for IAM propagation
     * while the step waits for it, and -1 otherwise (see {@link CheckProgress}).
     */
    public record StepView(CheckStep step, DiagnosisCode code, StepFix fix, boolean planned, long retrySeconds) {

        /** A recorded step that is not waiting for IAM propagation. */
        public StepView(CheckStep step, DiagnosisCode code, StepFix fix) {
            this(step, code, fix, false, -1);
        }

        public String nameKey() {
            return StepSlot.nameKey(step.name);
        }

        public String statusKey() {
            return planned ? "status_PENDING" : "status_" + step.status.name();
        }

        /** The status as in the JSON, e.g. {@code FAIL}, or {@code PENDING} for a planned step. */
        public String statusName() {
            return planned ? "PENDING" : step.status.name();
        }

        /** The status as a CSS token, e.g. {@code fail}, or {@code pending} for a planned step. */
        public String statusId() {
            return statusName().toLowerCase(Locale.ROOT);
        }

        /** Whether AssumeRole is being retried because AWS denied it while the role may still be propagating. */
        public boolean waitingForPropagation() {
            return retrySeconds >= 0;
        }

        /** Whether the step asks the reader to do something (a fix worth showing). */
        public boolean needsAttention() {
            return fix != null;
        }

        /** A step that never ran: it has no duration to show. */
        public boolean isSkipped() {
            return !planned && step.status == StepStatus.SKIP;
        }
    }

    /** The first step that asks the reader to do something (it carries the fix), or null when none does. */
    public StepView firstProblem() {
        return steps.stream().filter(StepView::needsAttention).findFirst().orElse(null);
    }

    /** The check without fixes, for the staff timeline, which lists codes only. */
    public static CheckView of(Check check) {
        return new CheckView(check, CheckStep.of(check.id).stream()
                .map(step -> new StepView(step, step.diagnosis(), null)).toList());
    }
}
