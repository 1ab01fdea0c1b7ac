package io.rolegate.connection;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the connection pages; Japanese in {@code messages/conn_ja.properties}. */
@MessageBundle(value = "conn", locale = "en")
public interface ConnectionMessages {

    @Message("Connections")
    String list_title();

    @Message("No connections yet. A connection lets us read the S3 data you choose through an IAM role in your AWS account.")
    String list_empty();

    @Message("New connection")
    String list_new();

    @Message("Label")
    String column_label();

    @Message("AWS account")
    String column_account();

    @Message("Status")
    String column_status();

    @Message("Last check")
    String column_last_check();

    @Message("Created")
    String column_created();

    @Message("Never")
    String never();

    @Message("Pending")
    String status_PENDING();

    @Message("Active")
    String status_ACTIVE();

    @Message("Failing")
    String status_FAILING();

    @Message("Revoked")
    String status_REVOKED();

    @Message("New connection")
    String new_title();

    @Message("Tell us which AWS account and which S3 data to connect. You will then create an IAM role in that account with the policies we give you.")
    String new_intro();

    @Message("Label")
    String field_label();

    @Message("A name you recognise, up to 100 characters.")
    String field_label_hint();

    @Message("AWS account ID")
    String field_accountId();

    @Message("The 12-digit ID of the account that owns the buckets.")
    String field_accountId_hint();

    @Message("Partition")
    String field_partition();

    @Message("Home region")
    String field_region();

    @Message("For example us-east-1 or ap-northeast-1.")
    String field_region_hint();

    @Message("S3 buckets")
    String field_buckets();

    @Message("One per line, as bucket or bucket/prefix. At most 20.")
    String field_buckets_hint();

    @Message("KMS key ARNs (optional)")
    String field_kmsKeyArns();

    @Message("For objects encrypted with SSE-KMS: one key ARN per line, not an alias.")
    String field_kmsKeyArns_hint();

    @Message("AWS (commercial)")
    String partition_aws();

    @Message("AWS China")
    String partition_aws_cn();

    @Message("AWS GovCloud (US)")
    String partition_aws_us_gov();

    @Message("Create connection")
    String create_submit();

    @Message("Some fields need attention. Each problem is shown next to its field.")
    String form_has_errors();

    @Message("This field cannot contain control characters (such as NUL, or a line break in a one-line field). Remove them and send the form again.")
    String input_control();

    @Message("This field was sent more than once. Send the form again from this page.")
    String input_repeated();

    @Message("Enter a label.")
    String error_label_required();

    @Message("The label can have at most {max} characters.")
    String error_label_tooLong(Object max);

    @Message("The label cannot contain control characters.")
    String error_label_controlCharacters();

    @Message("Enter the 12-digit AWS account ID.")
    String error_accountId_required();

    @Message("An AWS account ID is exactly 12 digits, like 123456789012.")
    String error_accountId_format();

    @Message("Choose a partition.")
    String error_partition_required();

    @Message("{value} is not a partition. Choose aws, aws-cn or aws-us-gov.")
    String error_partition_unknown(Object value);

    @Message("Connections in the {value} partition are not available yet: this service is not set up for it. Choose one of the partitions listed.")
    String error_partition_unavailable(Object value);

    @Message("Enter the home region.")
    String error_region_required();

    @Message("{value} is not an AWS region.")
    String error_region_unknown(Object value);

    @Message("{region} belongs to the {home} partition, not {chosen}.")
    String error_region_otherPartition(Object region, Object home, Object chosen);

    @Message("Enter at least one bucket.")
    String error_buckets_required();

    @Message("The bucket list is too long (at most {max} characters).")
    String error_buckets_inputTooLong(Object max);

    @Message("At most {max} buckets per connection; you entered {count}.")
    String error_buckets_tooMany(Object max, Object count);

    @Message("Line {line} ({excerpt}) repeats line {first}.")
    String error_buckets_duplicate(Object line, Object excerpt, Object first);

    @Message("Line {line} ({excerpt}): enter the bucket name, not an s3:// address, URL or ARN.")
    String error_buckets_uri(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): a bucket name has {min} to {max} characters.")
    String error_buckets_name_length(Object line, Object excerpt, Object min, Object max);

    @Message("Line {line} ({excerpt}): a bucket name has only lowercase letters, digits, dots and hyphens.")
    String error_buckets_name_characters(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): bucket names are lowercase.")
    String error_buckets_name_uppercase(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): a bucket name starts and ends with a letter or digit.")
    String error_buckets_name_edges(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): a bucket name cannot contain two dots in a row.")
    String error_buckets_name_consecutiveDots(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): a bucket name cannot look like an IP address.")
    String error_buckets_name_ipAddress(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): AWS reserves bucket names starting with {reserved}.")
    String error_buckets_name_reservedPrefix(Object line, Object excerpt, Object reserved);

    @Message("Line {line} ({excerpt}): AWS reserves bucket names ending with {reserved}.")
    String error_buckets_name_reservedSuffix(Object line, Object excerpt, Object reserved);

    @Message("Line {line} ({excerpt}): a prefix has at most {max} bytes.")
    String error_buckets_prefix_tooLong(Object line, Object excerpt, Object max);

    @Message("Line {line} ({excerpt}): write the prefix without a leading slash (bucket/reports, not bucket//reports).")
    String error_buckets_prefix_leadingSlash(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): the prefix cannot contain control characters.")
    String error_buckets_prefix_controlCharacters(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): the prefix cannot contain * or ?, which IAM would read as wildcards.")
    String error_buckets_prefix_wildcard(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): the prefix cannot contain $\\{, which IAM would read as a policy variable.")
    String error_buckets_prefix_policyVariable(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): IAM accepts only characters up to U+00FF in policy documents, and the CloudFormation and Terraform artifacts cannot carry {character} in any other form. Grant {suggestion} instead (the line up to that character, which also covers everything else under it), or rename the folder.")
    String error_buckets_prefix_beyondIam(Object line, Object excerpt, Object character, Object suggestion);

    @Message("These buckets would make a permission policy of {size} characters; IAM allows {max}. Use fewer buckets or split them over two connections.")
    String error_buckets_policyTooLarge(Object size, Object max);

    @Message("The key list is too long (at most {max} characters).")
    String error_kmsKeyArns_inputTooLong(Object max);

    @Message("At most {max} KMS keys per connection; you entered {count}.")
    String error_kmsKeyArns_tooMany(Object max, Object count);

    @Message("Line {line} ({excerpt}) repeats line {first}.")
    String error_kmsKeyArns_duplicate(Object line, Object excerpt, Object first);

    @Message("Line {line} ({excerpt}): this is an alias. kms:Decrypt must name the key itself: use the key ARN (arn:…:kms:region:account:key/…).")
    String error_kmsKeyArns_alias(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): enter the full key ARN, not only the key ID.")
    String error_kmsKeyArns_bareKeyId(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): a KMS key ARN looks like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab.")
    String error_kmsKeyArns_format(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): the key ID must be a key UUID or a multi-Region key ID (mrk-…).")
    String error_kmsKeyArns_keyId(Object line, Object excerpt);

    @Message("Line {line} ({excerpt}): this key is in the {keyPartition} partition, the connection in {partition}.")
    String error_kmsKeyArns_partition(Object line, Object excerpt, Object keyPartition, Object partition);

    @Message("Line {line} ({excerpt}): {region} is not a region of {partition}.")
    String error_kmsKeyArns_region(Object line, Object excerpt, Object region, Object partition);

    @Message("Paste the ARN of the role you created.")
    String error_roleArn_required();

    @Message("A role ARN has {min} to {max} characters.")
    String error_roleArn_length(Object min, Object max);

    @Message("This is not an ARN. A role ARN looks like arn:aws:iam::123456789012:role/rolegate-read.")
    String error_roleArn_malformed();

    @Message("This ARN does not name an IAM role. Copy the role's ARN from the IAM console or the stack output RoleArn.")
    String error_roleArn_notRole();

    @Message("This is the ARN of an IAM user, not of a role. Paste the ARN of the role you created (…:role/…).")
    String error_roleArn_userArn();

    @Message("This is an assumed-role session ARN (as printed by aws sts get-caller-identity). Paste the role's own ARN: arn:…:iam::account:role/name.")
    String error_roleArn_assumedRoleArn();

    @Message("The role name in this ARN is not valid: 1 to 64 letters, digits or +=,.@_-.")
    String error_roleArn_name();

    @Message("The role path in this ARN is not valid.")
    String error_roleArn_path();

    @Message("This role is in the {arnPartition} partition, but the connection is for {partition}.")
    String error_roleArn_partitionMismatch(Object arnPartition, Object partition);

    @Message("This role is in account {arnAccount}, but the connection is for account {account}. Create the role in {account}, or create a new connection for {arnAccount}.")
    String error_roleArn_accountMismatch(Object arnAccount, Object account);

    @Message("This is a role name, not a role ARN. Did you mean {suggestion}?")
    String error_roleArn_bareName(Object suggestion);

    @Message("This is the address of the role's page in the IAM console, not the role's ARN. Did you mean {suggestion}? If the role has a path, copy the ARN from the role's summary instead.")
    String error_roleArn_consoleUrl(Object suggestion);

    @Message("This connection is revoked")
    String revoked_title();

    @Message("We no longer assume this role and never will: every check and every use of it is refused. Delete the role in your AWS account; to connect again, create a new connection, which gets a new external ID.")
    String revoked_text();

    @Message("Revoked")
    String revoked_when();

    @Message("Revoked by")
    String revoked_by();

    @Message("Reason")
    String revoked_reason();

    @Message("an administrator of your service provider")
    String vendor_admin();

    @Message("an administrator of {vendor}")
    String vendor_admin_named(String vendor);

    @Message("a support engineer of your service provider")
    String vendor_support();

    @Message("a support engineer of {vendor}")
    String vendor_support_named(String vendor);

    @Message("Latest check")
    String latest_check_title();

    @Message("A check is running.")
    String latest_check_running();

    @Message("Follow it")
    String latest_check_follow();

    @Message("Open the check")
    String latest_check_open();

    @Message("What to fix")
    String latest_check_fix();

    @Message("Ways to create the role")
    String artifact_tabs();

    @Message("Connection details")
    String details_title();

    @Message("Your external ID")
    String external_id_title();

    @Message("Our requests to assume your role always carry this ID, and your trust policy must require it. It protects you from the confused-deputy problem: nobody else can make us use your role. We generated it for this connection; it never changes unless it is rotated.")
    String external_id_text();

    @Message("A rotation is in progress: the policies accept both the new ID (shown above) and the previous one until a check passes with the new ID.")
    String external_id_rotating();

    @Message("Previous external ID, still accepted until the rotation completes:")
    String external_id_previous();

    @Message("Your trust policy does not accept the new external ID yet: the last check passed only with the previous one. Update the role (commands below), then run the check again.")
    String rotation_pending();

    @Message("Cancel the rotation")
    String rotation_cancel_title();

    @Message("If you cannot update the role now: the new external ID is retired for good and the previous one stays the only one. Your role keeps working if it still accepts the previous ID.")
    String rotation_cancel_text();

    @Message("Cancel rotation")
    String rotation_cancel_submit();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    @Message("Download")
    String download();

    @Message("Create the role in your AWS account")
    String step1_title();

    @Message("Use any one of these: they create the same role with the same two policies. The trust policy lets only us assume the role, and only with your external ID; the permission policy grants read access to the buckets you listed, nothing more.")
    String step1_text();

    @Message("Update the role in your AWS account")
    String step1_update_title();

    @Message("Your role {roleName} exists. Apply these policies to it with the tool you created it with: update its CloudFormation stack with the template, run terraform apply with the configuration, or run the AWS CLI commands, which change the role in place. None of them creates the role again.")
    String step1_update_text(String roleName);


    @Message("CloudFormation template")
    String artifact_cloudformation_yaml();

    @Message("Terraform")
    String artifact_main_tf();

    @Message("AWS CLI")
    String artifact_create_role_sh();

    @Message("Trust policy (JSON)")
    String artifact_trust_policy_json();

    @Message("Permission policy (JSON)")
    String artifact_permission_policy_json();

    @Message("No policy can be shown: this connection grants {line}, and IAM accepts only characters up to U+00FF in policy documents. With Edit connection, grant {suggestion} (the line up to the first such character) or the whole bucket instead, or rename the folder.")
    String artifacts_prefix_beyondIam(Object line, Object suggestion);

    @Message("The policies for this connection are not ready yet. We have been told; please come back later.")
    String vendor_not_ready();

    @Message("No policy can be rendered: the vendor AWS account is unknown. Set rolegate.vendor.account-id (or ROLEGATE_VENDOR_ACCOUNT_ID), or give the app vendor credentials through the AWS SDK default provider chain so that it can read the account with GetCallerIdentity.")
    String vendor_admin_vendor_unconfigured();

    @Message("No policy can be rendered: rolegate.vendor.account-id is not a 12-digit AWS account ID.")
    String vendor_admin_vendor_accountId_malformed();

    @Message("No policy can be rendered: rolegate.vendor.principal-arn is not an IAM role or user ARN.")
    String vendor_admin_vendor_principalArn_malformed();

    @Message("No policy can be rendered for this partition: rolegate.vendor.principal-arn belongs to another partition, and a trust policy cannot name a principal of another partition.")
    String vendor_admin_vendor_principalArn_partition();

    @Message("The vendor has no identity in the {partition} partition, so no policy is rendered and Rolegate sends nothing to AWS for this connection (checks end with RG-PARTITION-UNAVAILABLE, the credential broker answers 409). To offer {partition}, set {keys} (the vendor account there, the AWS SDK profile holding its credentials, the region of its STS endpoint; as environment variables: {variables}) and restart Rolegate.")
    String vendor_admin_partition_unavailable(Object partition, Object keys, Object variables);

    @Message("Connections in {partition} are not available yet: this service is not set up for that partition, so no policy can be shown and no check can reach AWS. Nothing needs to change in your AWS account; please ask your vendor when {partition} will be available.")
    String vendor_partition_not_available(Object partition);

    @Message("Paste the role ARN")
    String step2_title();

    @Message("Current role:")
    String role_current();

    @Message("Role ARN")
    String field_roleArn();

    @Message("The ARN of the role you created, for example the stack output RoleArn: arn:aws:iam::123456789012:role/rolegate-....")
    String field_roleArn_hint();

    @Message("Filled in with the ARN of the role the options above create. Save it once that role exists; change it if you gave the role another name or path.")
    String field_roleArn_prefilled();

    @Message("Suggested role ARN:")
    String role_suggestion();

    @Message("Save this role ARN")
    String role_suggestion_accept();

    @Message("Save role ARN")
    String role_submit();

    @Message("Earlier role ARNs")
    String role_history();

    @Message("Run the check")
    String step3_title();

    @Message("We assume the role the way we will in production, make sure it cannot be assumed without your external ID, and read one byte from each bucket. We never write anything.")
    String step3_text();

    @Message("Run the check")
    String check_run();

    @Message("Save the role ARN first.")
    String check_needs_role();

    @Message("Edit connection")
    String edit_link();

    @Message("Edit connection")
    String edit_title();

    @Message("Back to the connection")
    String edit_back();

    @Message("Change the label, the buckets and the KMS keys. The AWS account, the partition, the home region and the external ID stay as they are. The same rules apply as when the connection was created. After saving, apply the updated policies to your role and run the check: until then the role grants what it granted before, and the connection keeps its status.")
    String edit_intro();

    @Message("Save changes")
    String edit_submit();

    @Message("This connection is revoked: its label and resources can no longer be changed. To connect again, create a new connection.")
    String edit_revoked();

    @Message("Your resources changed: update the role")
    String resources_changed_title();

    @Message("The documents below grant the buckets and KMS keys you saved, but your role {roleName} still has its earlier policies. Apply them with the tool you created it with: run the AWS CLI commands (aws iam put-role-policy replaces the permission policy in place), update the CloudFormation stack with the template, or run terraform apply with the configuration. Then run the check. The connection keeps its status until a check decides.")
    String resources_changed_update(String roleName);

    @Message("The documents below grant the buckets and KMS keys you saved. Create the role with them; if you already created it from the earlier documents, apply these instead (aws iam put-role-policy replaces the permission policy in place). Then save the role ARN and run the check.")
    String resources_changed_create();

    @Message("Run the check now")
    String resources_changed_check();

    @Message("Rotate the external ID")
    String rotate_title();

    @Message("A new external ID is issued. Update your role's trust policy with the new documents (they accept both IDs), then run the check: once it passes with the new ID, the old one is retired.")
    String rotate_text();

    @Message("Issue a new external ID")
    String rotate_submit();

    @Message("I will update my role's trust policy with the new documents.")
    String rotate_confirm();

    @Message("Tick the box to confirm the rotation.")
    String error_rotation_confirm_required();

    @Message("Revoke this connection")
    String revoke_title();

    @Message("Revocation is immediate and final: from now on we refuse every check and every use of this role, without calling AWS. The customer is told to delete the role. Reconnecting takes a new connection with a new external ID.")
    String revoke_text();

    @Message("Reason (shown to the customer and in the audit trail)")
    String revoke_reason();

    @Message("I understand that this cannot be undone.")
    String revoke_confirm();

    @Message("Revoke now")
    String revoke_submit();

    @Message("Give a reason for the revocation.")
    String error_revoke_reason_required();

    @Message("The reason has at most {max} characters and no control characters.")
    String error_revoke_reason_invalid(Object max);

    @Message("Tick the box to confirm the revocation.")
    String error_revoke_confirm_required();

    @Message("History")
    String audit_title();

    @Message("When")
    String audit_when();

    @Message("Who")
    String audit_who();

    @Message("What")
    String audit_what();

    @Message("Detail")
    String audit_detail();

    @Message("Check timeline (staff)")
    String timeline_title();

    @Message("Check")
    String timeline_check();

    @Message("Step")
    String timeline_step();

    @Message("Diagnosis code")
    String timeline_code();

    @Message("AWS error code")
    String timeline_aws_error();

    @Message("AWS request ID")
    String timeline_request_id();

    @Message("Duration")
    String timeline_duration();

    @Message("{ms} ms")
    String duration_ms(Long ms);
}
