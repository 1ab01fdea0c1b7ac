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

    /** One step; {@code code} is null when the step has nothing to diagnose. */
    public record StepView(CheckStep step, DiagnosisCode code) {

        public String nameKey() {
            return StepSlot.nameKey(step.name);
        }

        public String statusKey() {
            return "status_" + step.status.name();
        }

        /** Whether the step asks the reader to do something (a fix worth showing). */
        public boolean needsAttention() {
            return code != null && (step.status == StepStatus.FAIL || step.status == StepStatus.WARN);
        }
    }

    static CheckView of(Check check) {
        return new CheckView(check, CheckStep.of(check.id).stream()
                .map(step -> new StepView(step, step.diagnosis())).toList());
    }
}
