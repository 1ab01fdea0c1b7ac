package io.rolegate.verification;

import java.util.List;

/** A check with its steps, as the check page shows it. */
public record CheckView(Check check, List<StepView> steps) {

    public boolean isRunning() {
        return check.isRunning();
    }

    public String outcomeTextKey() {
        return "outcome_" + check.outcome.name() + "_text";
    }

    /**
     * One step; {@code code} is null when the step has nothing to diagnose, {@code fix} when it asks the reader
     * to do nothing (or another step already says what).
     */
    public record StepView(CheckStep step, DiagnosisCode code, StepFix fix) {

        public String nameKey() {
            return StepSlot.nameKey(step.name);
        }

        public String statusKey() {
            return "status_" + step.status.name();
        }

        /** Whether the step asks the reader to do something (a fix worth showing). */
        public boolean needsAttention() {
            return fix != null;
        }

        /** A step that never ran: it has no duration to show. */
        public boolean isSkipped() {
            return step.status == StepStatus.SKIP;
        }
    }

    /** The check without fixes, for the staff timeline, which lists codes only. */
    public static CheckView of(Check check) {
        return new CheckView(check, CheckStep.of(check.id).stream()
                .map(step -> new StepView(step, step.diagnosis(), null)).toList());
    }
}
