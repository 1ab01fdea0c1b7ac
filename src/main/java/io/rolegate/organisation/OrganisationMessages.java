package io.rolegate.organisation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the organisations page; Japanese in {@code messages/org_ja.properties}. */
@MessageBundle(value = "org", locale = "en")
public interface OrganisationMessages {

    @Message("Organisations")
    String list_title();

    @Message("No customer organisations yet. Create the first one below.")
    String list_empty();

    @Message("Name")
    String column_name();

    @Message("Created")
    String column_created();

    @Message("Users")
    String column_users();

    @Message("New organisation")
    String create_title();

    @Message("Creating an organisation also creates a single-use invite link for its first customer, valid for 7 days. It is shown after creation and under Users, Open invites; when e-mail is set up, Rolegate also e-mails it to the customer.")
    String create_intro();

    @Message("Organisation name")
    String field_name();

    @Message("Email of the first customer")
    String field_email();

    @Message("Create organisation and invite")
    String create_submit();

    @Message("The organisation was not created. Correct the fields marked below.")
    String form_invalid();

    @Message("Enter the organisation's name.")
    String name_required();

    @Message("Use at most 100 characters for the name.")
    String name_too_long();

    @Message("The name cannot contain control characters or line breaks.")
    String name_control();

    @Message("This field cannot contain control characters (such as NUL, or a line break in a one-line field). Remove them and send the form again.")
    String input_control();

    @Message("This field was sent more than once. Send the form again from this page.")
    String input_repeated();

    @Message("An organisation with this name already exists.")
    String name_taken();

    @Message("Enter the first customer's email address.")
    String email_required();

    @Message("Use at most 254 characters for the email address.")
    String email_too_long();

    @Message("Enter a valid email address, like name@example.com.")
    String email_invalid();

    @Message("A user with this email address already exists.")
    String email_taken();
}
