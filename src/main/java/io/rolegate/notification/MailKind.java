package io.rolegate.notification;

import io.rolegate.connection.ConnectionNotice;

/** What an e-mail is about; stored in {@code mail_outbox.kind} and {@code notification_quiet.kind}. */
public enum MailKind {
    INVITE, FAILING, INSECURE, REVOKED, REGISTRATION_REJECTED;

    static MailKind of(ConnectionNotice.Kind kind) {
        return switch (kind) {
            case FAILING -> FAILING;
            case INSECURE -> INSECURE;
            case REVOKED -> REVOKED;
        };
    }

    /** Whether the organisation's customers are told: all connection notices but a rejected registration. */
    boolean toCustomers() {
        return this == FAILING || this == INSECURE || this == REVOKED;
    }

    /** Whether the staff address is told: an insecure role and a rejected registration. */
    boolean toStaff() {
        return this == INSECURE || this == REGISTRATION_REJECTED;
    }
}
