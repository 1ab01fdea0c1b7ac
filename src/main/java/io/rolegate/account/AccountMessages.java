package io.rolegate.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of signing in and accepting invites; Japanese in {@code messages/account_ja.properties}. */
@MessageBundle(value = "account", locale = "en")
public interface AccountMessages {

    @Message("Sign in")
    String login_title();

    @Message("Email")
    String login_email();

    @Message("Password")
    String login_password();

    @Message("Sign in")
    String login_submit();

    @Message("The email or password is not right. Check both and try again.")
    String login_failed();

    @Message("Too many failed sign-ins for this email. Sign-in is paused for up to 15 minutes; try again later.")
    String login_throttled();

    @Message("Welcome to Rolegate")
    String invite_title();

    @Message("You were invited as {email}. Choose the name others will see and a password to finish.")
    String invite_intro(String email);

    @Message("Your name")
    String invite_name();

    @Message("Password")
    String invite_password();

    @Message("At least 12 and at most 128 characters. A few unrelated words make a strong, memorable password.")
    String invite_password_hint();

    @Message("Repeat the password")
    String invite_confirmation();

    @Message("Create my account")
    String invite_submit();

    @Message("The account was not created. Correct the fields marked below.")
    String form_invalid();

    @Message("Enter your name.")
    String name_required();

    @Message("Use at most 100 characters for the name.")
    String name_too_long();

    @Message("The name cannot contain control characters or line breaks.")
    String name_control();

    @Message("This field cannot contain control characters (such as NUL, or a line break in a one-line field). Remove them and send the form again.")
    String input_control();

    @Message("This field was sent more than once. Send the form again from this page.")
    String input_repeated();

    @Message("Choose a password of at least 12 and at most 128 characters.")
    String password_length();

    @Message("The two passwords are not the same. Type the same password twice.")
    String confirmation_mismatch();

    @Message("Invite link not usable")
    String invite_unusable_title();

    @Message("This invite link is not valid. Check that you copied the whole link, or ask for a new invite.")
    String invite_unknown();

    @Message("This invite link has expired: links work for 7 days. Ask the person who invited you for a new one.")
    String invite_expired();

    @Message("This invite link has already been used. If it was you, sign in; otherwise ask for a new invite.")
    String invite_used();

    @Message("An account with this invite's email address already exists. Sign in with it, or ask for help if you cannot.")
    String invite_email_taken();

    @Message("Go to sign-in")
    String invite_to_login();

    @Message("Users")
    String users_title();

    @Message("Email")
    String column_email();

    @Message("Name")
    String column_name();

    @Message("Role")
    String column_role();

    @Message("Organisation")
    String column_organisation();

    @Message("Status")
    String column_status();

    @Message("Expires")
    String column_expires();

    @Message("Action")
    String column_action();

    @Message("Active")
    String status_active();

    @Message("Deactivated")
    String status_inactive();

    @Message("Deactivate")
    String deactivate_submit();

    @Message("Deactivate {email}")
    String deactivate_label(String email);

    @Message("You cannot deactivate your own account. Ask another administrator.")
    String deactivate_self();

    @Message("Open invites")
    String invites_title();

    @Message("No open invites.")
    String invites_empty();

    @Message("Invite someone")
    String invite_form_title();

    @Message("After creation the link is shown here, and again under Open invites; send it to the person. It works once, for 7 days.")
    String invite_form_intro();

    @Message("Rolegate e-mails the link to the person and shows it here, and again under Open invites. It works once, for 7 days.")
    String invite_form_intro_mailed();

    @Message("This invite was cancelled. Ask the person who invited you for a new one.")
    String invite_cancelled();

    @Message("Copy link")
    String link_copy();

    @Message("Copied")
    String link_copied();

    @Message("Show link")
    String invite_show();

    @Message("Re-send")
    String invite_resend();

    @Message("Cancel invite")
    String invite_cancel();

    @Message("for {email}")
    String invite_for(String email);

    @Message("Invite for {email}")
    String invite_page_title(String email);

    @Message("Invite link")
    String invite_link_title();

    @Message("Send this link to the person. It works once, until the expiry date above.")
    String invite_link_intro();

    @Message("This invite's link cannot be shown again: it was issued before links could be, or the server's secret changed since. Re-send the invite for a new link.")
    String invite_link_unavailable();

    @Message("Re-send or cancel")
    String invite_actions_title();

    @Message("Re-sending issues a new link, valid for 7 days; the current link stops working. Cancelling stops it for good.")
    String invite_resend_intro();

    @Message("Re-sending issues a new link, valid for 7 days, and e-mails it; the current link stops working. Cancelling stops it for good.")
    String invite_resend_intro_mailed();

    @Message("Back to users")
    String invite_back();

    @Message("Email")
    String field_email();

    @Message("Role")
    String field_role();

    @Message("Organisation (customers only)")
    String field_organisation();

    @Message("Choose an organisation")
    String field_organisation_none();

    @Message("Create invite")
    String invite_form_submit();

    @Message("The invite was not created. Correct the fields marked below.")
    String invite_form_invalid();

    @Message("Enter an email address.")
    String email_required();

    @Message("Use at most 254 characters for the email address.")
    String email_too_long();

    @Message("Enter a valid email address, like name@example.com.")
    String email_invalid();

    @Message("A user with this email address already exists.")
    String email_taken();

    @Message("Choose a role: customer, support or administrator.")
    String role_invalid();

    @Message("Customers belong to an organisation: choose one.")
    String organisation_required();

    @Message("Customer")
    String role_customer();

    @Message("Support")
    String role_support();

    @Message("Administrator")
    String role_admin();

    @Message("None (staff)")
    String organisation_none();
}
