package io.rolegate.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the staff console; Japanese in {@code messages/staff_ja.properties}. */
@MessageBundle(value = "staff", locale = "en")
public interface StaffMessages {

    @Message("All connections")
    String connections_title();

    @Message("No customer has created a connection yet.")
    String connections_empty();

    @Message("Organisation")
    String column_organisation();

    @Message("Label")
    String column_label();

    @Message("AWS account")
    String column_account();

    @Message("Status")
    String column_status();
}
