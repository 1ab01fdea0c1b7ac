package io.rolegate.api;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the API token page and the credential-use table; Japanese in {@code messages/api_ja.properties}. */
@MessageBundle(value = "api", locale = "en")
public interface ApiMessages {

    @Message("API tokens")
    String tokens_title();

    @Message("The vendor's own services use connections through the API at /api/v1 with these tokens. A token is shown once, when it is created; only a hash of it is kept. The API is described at /q/openapi.")
    String tokens_intro();

    @Message("No API tokens yet.")
    String tokens_empty();

    @Message("Name")
    String column_name();

    @Message("Scopes")
    String column_scopes();

    @Message("Created")
    String column_created();

    @Message("Last used")
    String column_last_used();

    @Message("Status")
    String column_status();

    @Message("Actions")
    String column_actions();

    @Message("Never")
    String never();

    @Message("Active")
    String status_active();

    @Message("Revoked")
    String status_revoked();

    @Message("Revoke")
    String revoke();

    @Message("New API token")
    String new_title();

    @Message("Name")
    String field_name();

    @Message("Which service uses it, up to 100 characters.")
    String field_name_hint();

    @Message("Scopes")
    String field_scopes();

    @Message("read: connections and their checks; start checks")
    String scope_read();

    @Message("credentials: short-lived AWS credentials of active connections")
    String scope_credentials();

    @Message("manage: create organisations with a first invite")
    String scope_manage();

    @Message("Create token")
    String create();

    @Message("The form has errors; see the fields marked below.")
    String form_has_errors();

    @Message("Enter a name.")
    String error_name_required();

    @Message("The name can have at most {max} characters.")
    String error_name_length(Object max);

    @Message("Choose at least one scope.")
    String error_scopes_required();

    @Message("This field cannot contain control characters (such as NUL, or a line break in a one-line field). Remove them and send the form again.")
    String input_control();

    @Message("This field was sent more than once. Send the form again from this page.")
    String input_repeated();

    @Message("Your new token")
    String new_token_title();

    @Message("Copy it now and store it in your service's secret store: it will not be shown again. If it is lost, revoke it and create another.")
    String new_token_text();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    @Message("Recent use of the role")
    String uses_title();

    @Message("How often Rolegate has obtained temporary credentials from this role for the vendor's services, by purpose. Each use appears in your CloudTrail as session rolegate-...-purpose.")
    String uses_intro();

    @Message("The role has not been used yet.")
    String uses_empty();

    @Message("Purpose")
    String uses_purpose();

    @Message("Uses")
    String uses_count();

    @Message("Last used")
    String uses_last();
}
