package io.rolegate.verification;

/** The state of one step of a check. */
public enum StepStatus {
    RUNNING, PASS, WARN, FAIL, SKIP;

    public String id() {
        return name().toLowerCase();
    }
}
