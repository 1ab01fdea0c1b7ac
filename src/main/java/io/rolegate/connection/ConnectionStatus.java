package io.rolegate.connection;

/**
 * The life of a connection (PRODUCT §3), and the one place its transitions are decided: {@code PENDING} until the
 * first conclusive check passes, then {@code ACTIVE} ⇄ {@code FAILING}, and {@code REVOKED} for good.
 * Inconclusive checks never move it; an insecure role never makes it ACTIVE; a rotation (PRODUCT §7) and an edit
 * (PRODUCT §13) leave it as it is until the next conclusive check.
 */
public enum ConnectionStatus {
    PENDING, ACTIVE, FAILING, REVOKED;

    /** What a finished check tells about the connection, in the terms of PRODUCT §3. */
    public enum CheckVerdict {
        PASSED, FAILED, INSECURE,
        /** AWS or Rolegate could not tell (throttling, time-outs, vendor credentials, a revocation mid-check). */
        INCONCLUSIVE
    }

    public ConnectionStatus afterCheck(CheckVerdict verdict) {
        if (this == REVOKED) {
            return REVOKED;
        }
        return switch (verdict) {
            case PASSED -> ACTIVE;
            case INSECURE -> FAILING;
            case FAILED -> this == ACTIVE || this == FAILING ? FAILING : this;
            case INCONCLUSIVE -> this;
        };
    }

    /** PRODUCT §6: from any status; terminal. */
    public ConnectionStatus afterRevocation() {
        return REVOKED;
    }

    public boolean isRevoked() {
        return this == REVOKED;
    }

    public String id() {
        return name().toLowerCase();
    }
}
