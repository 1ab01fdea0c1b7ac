package io.rolegate.account;

/** Whether an invite link can still be used, and if not, what its visitor is told and with which status. */
public enum InviteState {
    OPEN(200, ""),
    UNKNOWN(404, "invite_unknown"),
    EXPIRED(410, "invite_expired"),
    USED(410, "invite_used"),
    CANCELLED(410, "invite_cancelled"),
    EMAIL_TAKEN(409, "invite_email_taken");

    private final int status;
    private final String messageKey;

    InviteState(int status, String messageKey) {
        this.status = status;
        this.messageKey = messageKey;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }
}
