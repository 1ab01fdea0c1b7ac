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

    @Message("From (day)")
    String filter_from();

    @Message("To (day)")
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

    @Message("Check started")
    String action_CHECK_STARTED();

    @Message("Check finished")
    String action_CHECK_FINISHED();

    @Message("Status changed")
    String action_CONNECTION_STATUS_CHANGED();

    @Message("Connection created")
    String action_CONNECTION_CREATED();

    @Message("Role ARN submitted")
    String action_CONNECTION_ROLE_SUBMITTED();

    @Message("Connection edited")
    String action_CONNECTION_EDITED();

    @Message("Connection revoked")
    String action_CONNECTION_REVOKED();

    @Message("External ID rotation started")
    String action_CONNECTION_ROTATION_STARTED();

    @Message("External ID rotation cancelled")
    String action_CONNECTION_ROTATION_CANCELLED();

    @Message("External ID retired")
    String action_EXTERNAL_ID_RETIRED();

    @Message("Invite created")
    String action_INVITE_CREATED();

    @Message("Invite accepted")
    String action_INVITE_ACCEPTED();

    @Message("Invite re-sent")
    String action_INVITE_RESENT();

    @Message("Invite cancelled")
    String action_INVITE_CANCELLED();

    @Message("First administrator created")
    String action_USER_BOOTSTRAP_ADMIN();

    @Message("User deactivated")
    String action_USER_DEACTIVATED();

    @Message("Organisation created")
    String action_ORGANISATION_CREATED();

    @Message("API token created")
    String action_API_TOKEN_CREATED();

    @Message("API token revoked")
    String action_API_TOKEN_REVOKED();

    @Message("Temporary credentials issued")
    String action_CREDENTIALS_ISSUED();

    @Message("Role registered by its CloudFormation stack")
    String action_CONNECTION_ROLE_REGISTERED();

    @Message("CloudFormation stack deleted")
    String action_CONNECTION_STACK_DELETED();

    @Message("Registration refused")
    String action_REGISTRATION_REJECTED();

    @Message("CloudFormation stack {name}")
    String actor_stack(String name);

    @Message("Trust policy diagnosed")
    String action_CONNECTION_TRUST_DIAGNOSED();

    @Message("Other event")
    String action_unknown();

    @Message("Rolegate (automatic)")
    String actor_system();

    @Message("Any action")
    String any_action();

    @Message("Started from a page")
    String detail_started_USER();

    @Message("Scheduled re-check")
    String detail_started_SCHEDULE();

    @Message("Started through the API")
    String detail_started_API();

    @Message("Started by a CloudFormation stack's registration")
    String detail_started_STACK();

    @Message("AWS account {account}")
    String detail_created(String account);

    @Message("Revoked while {status}. Reason: {reason}")
    String detail_revoked(String status, String reason);

    @Message("New external ID issued; the previous one is still accepted.")
    String detail_rotation_started();

    @Message("New external ID retired; the previous one is current again.")
    String detail_rotation_cancelled();

    @Message("Retired because a new rotation started")
    String detail_retired_ROTATION();

    @Message("Retired because the rotation was cancelled")
    String detail_retired_CANCELLED();

    @Message("Retired because a check passed with the new external ID")
    String detail_retired_CHECK();

    @Message("Role: {role}")
    String detail_role(String role);

    @Message("Scopes: {scopes}")
    String detail_scopes(String scopes);

    @Message("Findings: {codes}")
    String detail_findings(String codes);

    @Message("Session {session}, expires {expires}")
    String detail_credentials(String session, String expires);

    @Message("Label")
    String edited_label();

    @Message("Buckets")
    String edited_buckets();

    @Message("KMS keys")
    String edited_kms();
    @Message("API token {name}")
    String actor_api(String name);

    @Message("the vendor's service (API)")
    String actor_vendor_api();
}
