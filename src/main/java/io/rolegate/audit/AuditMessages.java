package io.rolegate.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the audit trail page; Japanese in {@code messages/audit_ja.properties}. */
@MessageBundle(value = "audit", locale = "en")
public interface AuditMessages {

    @Message("Audit trail")
    String title();

    @Message("Actor (email)")
    String filter_actor();

    @Message("Organisation ID")
    String filter_organisation();

    @Message("Connection ID")
    String filter_connection();

    @Message("Action")
    String filter_action();

    @Message("From (UTC day)")
    String filter_from();

    @Message("To (UTC day)")
    String filter_to();

    @Message("Show")
    String filter_apply();

    @Message("When")
    String column_when();

    @Message("Who")
    String column_actor();

    @Message("Action")
    String column_action();

    @Message("Subject")
    String column_subject();

    @Message("Detail")
    String column_detail();

    @Message("No event matches these filters.")
    String empty();

    @Message("Pages")
    String pages_label();

    @Message("Newer")
    String page_previous();

    @Message("Older")
    String page_next();
}
