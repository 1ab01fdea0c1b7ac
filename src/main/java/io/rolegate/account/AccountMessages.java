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
}
