package io.rolegate.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts every page shares: the layout, error pages and flash messages (looked up by key after a
 * redirect). English here; Japanese in {@code messages/msg_ja.properties}. Each feature keeps its
 * own bundle beside its code.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message("Rolegate")
    String app_name();

    @Message("Skip to content")
    String layout_skip();

    @Message("Main")
    String layout_nav();

    @Message("Language")
    String layout_language();

    @Message("Sign out")
    String layout_sign_out();

    @Message("Times are shown in {zone}.")
    String layout_time_zone(String zone);

    @Message("English")
    String language_en();

    @Message("Connections")
    String nav_connections();

    @Message("All connections")
    String nav_staff_connections();

    @Message("Audit trail")
    String nav_audit();

    @Message("Organisations")
    String nav_organisations();

    @Message("Users")
    String nav_users();

    @Message("Diagnosis codes")
    String nav_help();

    @Message("API tokens")
    String nav_api_tokens();

    @Message("Back to the start page")
    String error_home();

    @Message("The request could not be processed")
    String error_400_title();

    @Message("Something in the request was not right. Go back and try again.")
    String error_400_text();

    @Message("Not allowed")
    String error_403_title();

    @Message("Your account may not open this page. If you think it should, ask an administrator.")
    String error_403_text();

    @Message("Page not found")
    String error_404_title();

    @Message("There is nothing here, or it is not yours to see. Check the address.")
    String error_404_text();

    @Message("Method not allowed")
    String error_405_title();

    @Message("This address does not accept this kind of request.")
    String error_405_text();

    @Message("The request is too large")
    String error_413_title();

    @Message("This request is larger than Rolegate accepts, so nothing was saved. Go back and send less text: each field says how much it takes.")
    String error_413_text();

    @Message("Something went wrong on our side")
    String error_500_title();

    @Message("The problem has been logged. Try again in a moment; if it persists, contact support.")
    String error_500_text();

    @Message("You are signed out.")
    String flash_signed_out();

    @Message("Connection created. Follow the three steps below.")
    String flash_connection_created();

    @Message("Role ARN saved. Now run the check.")
    String flash_role_submitted();

    @Message("Changes saved. Update your role with the new policies below, then run the check.")
    String flash_connection_edited();

    @Message("Label saved. The policies did not change, so your role needs no update.")
    String flash_connection_label_saved();

    @Message("Nothing to save: the connection already has this label and these resources.")
    String flash_connection_unchanged();

    @Message("This connection is revoked; it no longer accepts changes.")
    String flash_connection_revoked();

    @Message("The connection is revoked. Every use of its role is now refused.")
    String flash_connection_revoked_now();

    @Message("A new external ID was issued. Update the trust policy, then run the check.")
    String flash_rotation_started();

    @Message("The rotation is cancelled: the new external ID is retired and the previous one is the only one again.")
    String flash_rotation_cancelled();

    @Message("No rotation is in progress, so there is nothing to cancel.")
    String flash_rotation_nothing_to_cancel();

    // The link argument of these four is shown under the message as a link with a copy button (account/UserResource).
    @Message("Organisation {name} was created. Send the invite link below to its first customer; it works once, for 7 days.")
    String flash_organisation_created(String name, String link);

    @Message("Organisation {name} was created, and an e-mail with the invite link below is on its way to its first customer. The link works once, for 7 days.")
    String flash_organisation_mailed(String name, String link);

    @Message("Invite for {email} created. Send the link below; it works once, for 7 days.")
    String flash_invite_created(String email, String link);

    @Message("Invite for {email} created, and an e-mail with the link below is on its way. The link works once, for 7 days.")
    String flash_invite_mailed(String email, String link);

    @Message("The new link for {email} is below; the previous link no longer works.")
    String flash_invite_resent(String email);

    @Message("The new link for {email} is below and on its way by e-mail; the previous link no longer works.")
    String flash_invite_resent_mailed(String email);

    @Message("The invite for {email} is cancelled; its link no longer works.")
    String flash_invite_cancelled(String email);

    @Message("{email} is deactivated and signed out.")
    String flash_user_deactivated(String email);

    @Message("Your account is ready. Sign in with {email} and your new password.")
    String flash_invite_accepted(String email);


    @Message("You have started several checks in the last minute. Wait a minute, then start the check again.")
    String flash_check_rate_limited();

    @Message("This connection is revoked: Rolegate no longer checks or uses its role.")
    String flash_check_revoked();

    @Message("A check of this connection was already running; this is its progress.")
    String flash_check_joined();


    @Message("API token {name} created.")
    String flash_api_token_created(String name, String token);

    @Message("The API token is revoked: requests with it are refused from now on.")
    String flash_api_token_revoked();
}
