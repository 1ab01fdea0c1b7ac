package io.rolegate.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the e-mails Rolegate sends (docs/notifications.md); Japanese in {@code messages/mail_ja.properties}.
 * Subjects are single lines: what they quote (a label, a name) was validated free of control characters.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("yyyy-MM-dd HH:mm 'UTC'")
    String time_pattern();

    @Message("UTC")
    String time_zone();

    @Message("Hello,")
    String greeting();

    @Message("This e-mail was sent by Rolegate. Please do not reply to it.")
    String footer();

    @Message("Your invitation to Rolegate")
    String invite_subject();

    @Message("You are invited to Rolegate to connect the AWS accounts of {organisation}.")
    String invite_customer(String organisation);

    @Message("You are invited to Rolegate as a member of the vendor's staff.")
    String invite_staff();

    @Message("Open this link to choose your name and password. It works once, until {expires}:")
    String invite_action(String expires);

    @Message("If you did not expect this invitation, ignore this e-mail: nothing happens without the link.")
    String invite_ignore();

    @Message("Connection \"{label}\" is failing")
    String failing_subject(String label);

    @Message("The latest check of the connection \"{label}\" failed: Rolegate can no longer use the role as it was set up. The connection's page shows which step failed and how to fix it:")
    String failing_body(String label);

    @Message("Connection \"{label}\": the role can be assumed without the external ID")
    String insecure_subject(String label);

    @Message("The latest check of the connection \"{label}\" found that its role can be assumed without the external ID, so another AWS customer could use it through Rolegate. Rolegate does not use the role until its trust policy requires the external ID. The connection's page shows how to fix it:")
    String insecure_body(String label);

    @Message("{organisation}: the role of connection \"{label}\" can be assumed without the external ID")
    String staff_insecure_subject(String organisation, String label);

    @Message("A check of the connection \"{label}\" of {organisation} found that its role can be assumed without the external ID. The customers of the organisation were told. The connection:")
    String staff_insecure_body(String organisation, String label);

    @Message("Connection \"{label}\" was revoked")
    String revoked_subject(String label);

    @Message("The connection \"{label}\" was revoked: Rolegate no longer uses its role. You can now delete the role in your AWS account; the connection's page shows how.")
    String revoked_body(String label);

    @Message("Reason given: {reason}")
    String revoked_reason(String reason);

    @Message("A registration message was rejected")
    String registration_rejected_subject();

    @Message("Rolegate rejected a registration message of the CloudFormation stack of a connection. Reason: {reason}")
    String registration_rejected_body(String reason);

    @Message("The connection:")
    String registration_rejected_connection();
}
