package io.rolegate.verification;

import io.rolegate.connection.ConnectionStatus;

/** How a check ended (PRODUCT §5); RUNNING until it has. Worse outcomes win when steps disagree. */
public enum CheckOutcome {
    RUNNING, PASSED, INCONCLUSIVE, FAILED, INSECURE;

    /** The more serious of two outcomes: INSECURE > FAILED > INCONCLUSIVE > PASSED. */
    public CheckOutcome worst(CheckOutcome other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    /** The outcome as the connection's status machine reads it (a check that never ended counts as inconclusive). */
    public ConnectionStatus.CheckVerdict verdict() {
        return switch (this) {
            case PASSED -> ConnectionStatus.CheckVerdict.PASSED;
            case FAILED -> ConnectionStatus.CheckVerdict.FAILED;
            case INSECURE -> ConnectionStatus.CheckVerdict.INSECURE;
            case RUNNING, INCONCLUSIVE -> ConnectionStatus.CheckVerdict.INCONCLUSIVE;
        };
    }

    public boolean isConclusive() {
        return this == PASSED || this == FAILED || this == INSECURE;
    }

    public String id() {
        return name().toLowerCase();
    }
}
