package io.rolegate.verification;

/** How a check ended (PRODUCT §5); RUNNING until it has. Worse outcomes win when steps disagree. */
public enum CheckOutcome {
    RUNNING, PASSED, INCONCLUSIVE, FAILED, INSECURE;

    /** The more serious of two outcomes: INSECURE > FAILED > INCONCLUSIVE > PASSED. */
    public CheckOutcome worst(CheckOutcome other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    public boolean isConclusive() {
        return this == PASSED || this == FAILED || this == INSECURE;
    }

    public String id() {
        return name().toLowerCase();
    }
}
