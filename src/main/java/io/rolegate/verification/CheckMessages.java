package io.rolegate.verification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the live check, its history and the diagnosis codes; Japanese in
 * {@code messages/check_ja.properties}. Codes are looked up by key ({@link DiagnosisCode#titleKey()}).
 */
@MessageBundle(value = "check", locale = "en")
public interface CheckMessages {

    @Message("Live check")
    String check_title();

    @Message("The check is running. This page updates itself every few seconds.")
    String check_running();

    @Message("Connection")
    String check_connection();

    @Message("Started")
    String check_started_at();

    @Message("Finished")
    String check_finished_at();

    @Message("Started by")
    String check_trigger();

    @Message("Outcome")
    String check_outcome();

    @Message("Session name (as shown in your CloudTrail)")
    String check_session();

    @Message("Role ARN")
    String check_role_arn();

    @Message("Back to the connection")
    String check_back();

    @Message("Run the check again")
    String check_run_again();

    @Message("Steps")
    String check_steps();

    @Message("Step")
    String column_step();

    @Message("Resource")
    String column_resource();

    @Message("Status")
    String column_status();

    @Message("Duration")
    String column_duration();

    @Message("Code")
    String column_code();

    @Message("Result")
    String column_result();

    @Message("What to do")
    String column_fix();

    @Message("AWS error code")
    String column_aws_error();

    @Message("AWS request ID")
    String column_request_id();

    @Message("Technical detail (staff only)")
    String column_detail();

    @Message("ms")
    String duration_ms();

    @Message("Running")
    String outcome_RUNNING();

    @Message("Passed")
    String outcome_PASSED();

    @Message("Failed")
    String outcome_FAILED();

    @Message("Insecure")
    String outcome_INSECURE();

    @Message("Inconclusive")
    String outcome_INCONCLUSIVE();

    @Message("The check is still running.")
    String outcome_RUNNING_text();

    @Message("Rolegate assumed the role with your external ID only, and read what you granted.")
    String outcome_PASSED_text();

    @Message("Something in the role or its policies needs fixing: see the steps marked Fail.")
    String outcome_FAILED_text();

    @Message("The role can be assumed without this connection's exact external ID. Fix the trust policy: the connection cannot become active like this.")
    String outcome_INSECURE_text();

    @Message("AWS or Rolegate could not complete the check. This says nothing about your setup; run it again later.")
    String outcome_INCONCLUSIVE_text();

    @Message("Running")
    String status_RUNNING();

    @Message("Pass")
    String status_PASS();

    @Message("Warning")
    String status_WARN();

    @Message("Fail")
    String status_FAIL();

    @Message("Skipped")
    String status_SKIP();

    @Message("a person")
    String trigger_USER();

    @Message("the schedule")
    String trigger_SCHEDULE();

    @Message("the API")
    String trigger_API();

    @Message("Role ARN (checked offline)")
    String step_role_arn();

    @Message("AssumeRole with the external ID")
    String step_assume_role();

    @Message("AssumeRole without an external ID must be denied")
    String step_probe_without_external_id();

    @Message("AssumeRole with a wrong external ID must be denied")
    String step_probe_wrong_external_id();

    @Message("Identity of the session (GetCallerIdentity)")
    String step_caller_identity();

    @Message("Bucket region (GetBucketLocation)")
    String step_bucket_location();

    @Message("List objects (ListObjectsV2)")
    String step_list_objects();

    @Message("Read one byte (GetObject)")
    String step_read_object();

    @Message("Running…")
    String result_running();

    @Message("The ARN is a valid role ARN of the declared account and partition.")
    String result_arn_valid();

    @Message("Rolegate assumed the role with this connection's external ID.")
    String result_assumed();

    @Message("AWS denied it, as it must.")
    String result_probe_denied();

    @Message("AWS identifies the session as the expected role and session.")
    String result_identity_matches();

    @Message("The bucket's region is known.")
    String result_bucket_region();

    @Message("Listed the objects under the granted prefix (count shown).")
    String result_listed();

    @Message("Read the first byte of an object: read access works.")
    String result_read();

    @Message("Not run: the role ARN is not valid.")
    String result_skipped_arn();

    @Message("Not run: AssumeRole did not succeed.")
    String result_skipped_assume();

    @Message("Not run: the connection was revoked, so Rolegate makes no further call to AWS for it.")
    String result_skipped_revoked();

    @Message("Not run: the bucket could not be reached.")
    String result_skipped_bucket();

    @Message("Not run: the listing did not succeed.")
    String result_skipped_list();

    @Message("Diagnosis codes")
    String codes_title();

    @Message("Every step of a live check reports one of these codes. Each says what AWS answered, what it means and how to fix it.")
    String codes_intro();

    @Message("Cause")
    String codes_cause();

    @Message("Fix")
    String codes_fix();

    @Message("A problem on Rolegate's or AWS's side, not in your account.")
    String codes_operator();

    @Message("Check history")
    String history_title();

    @Message("No check has run yet.")
    String history_empty();

    @Message("Started")
    String history_started();

    @Message("Outcome")
    String history_outcome();

    @Message("Started by")
    String history_trigger();

    @Message("Details")
    String history_details();

    @Message("Open the check of {started}")
    String history_open(String started);

    @Message("The role ARN is not valid")
    String code_ARN_INVALID_title();

    @Message("The submitted text is not an IAM role ARN of the form arn:PARTITION:iam::ACCOUNT:role/PATH/NAME, or the role name breaks AWS's naming rules. Rolegate found this without calling AWS.")
    String code_ARN_INVALID_cause();

    @Message("Copy the ARN from the role's summary page in the IAM console (or the RoleArn output of the CloudFormation stack) and submit it again.")
    String code_ARN_INVALID_fix();

    @Message("This ARN is not an IAM role")
    String code_ARN_NOT_ROLE_title();

    @Message("The ARN names a user, an assumed-role session (what aws sts get-caller-identity prints) or another resource. Rolegate can only assume an IAM role.")
    String code_ARN_NOT_ROLE_cause();

    @Message("Submit the ARN of the role itself, arn:PARTITION:iam::ACCOUNT:role/NAME, shown as ARN on the role's summary page in the IAM console.")
    String code_ARN_NOT_ROLE_fix();

    @Message("The role belongs to another AWS account")
    String code_ARN_ACCOUNT_MISMATCH_title();

    @Message("The account ID in the role ARN differs from the AWS account declared for this connection. Rolegate made no call to AWS.")
    String code_ARN_ACCOUNT_MISMATCH_cause();

    @Message("Create the role in the declared account and submit its ARN, or create a new connection for the account the role is in.")
    String code_ARN_ACCOUNT_MISMATCH_fix();

    @Message("The role is in another AWS partition")
    String code_ARN_PARTITION_MISMATCH_title();

    @Message("The ARN's partition (aws, aws-cn or aws-us-gov) differs from the connection's. Rolegate made no call to AWS.")
    String code_ARN_PARTITION_MISMATCH_cause();

    @Message("Create the role in the connection's partition, or create a new connection for the partition the role is in.")
    String code_ARN_PARTITION_MISMATCH_fix();

    @Message("No role ARN submitted yet")
    String code_ROLE_NOT_SUBMITTED_title();

    @Message("The connection has no role ARN, so there is nothing to assume.")
    String code_ROLE_NOT_SUBMITTED_cause();

    @Message("Create the role with the trust and permission policies from the setup page, then submit its ARN there.")
    String code_ROLE_NOT_SUBMITTED_fix();

    @Message("AWS denied AssumeRole")
    String code_TRUST_DENIED_title();

    @Message("AWS answered AccessDenied when Rolegate assumed the role with this connection's external ID. AWS gives this same answer when the role does not exist (wrong name, deleted, or in another account) and when its trust policy does not allow Rolegate; it does not say which.")
    String code_TRUST_DENIED_cause();

    @Message("First check that a role with exactly this ARN exists in the account. Then compare its trust policy with the one on the setup page: the principal must be Rolegate's account (or principal) and the condition StringEquals sts:ExternalId must carry this connection's external ID exactly. If in doubt, replace the trust policy with the one from the setup page, wait a minute, and run the check again.")
    String code_TRUST_DENIED_fix();

    @Message("Waiting for AWS to propagate the role")
    String code_TRUST_PROPAGATING_title();

    @Message("The role ARN was submitted less than a minute ago and AWS still answers AccessDenied. New and changed IAM roles take seconds, sometimes up to a minute, to become assumable.")
    String code_TRUST_PROPAGATING_cause();

    @Message("Nothing to do yet: Rolegate retries for a minute after the ARN is submitted. If the check ends with this code, run it again in a minute.")
    String code_TRUST_PROPAGATING_fix();

    @Message("The role can be assumed without the external ID")
    String code_TRUST_NO_EXTERNAL_ID_title();

    @Message("Rolegate asked to assume the role without any external ID and AWS allowed it. Anyone the trust policy trusts could then act on your data on someone else's behalf (the confused-deputy problem). Rolegate dropped those credentials unused; the connection cannot become active like this.")
    String code_TRUST_NO_EXTERNAL_ID_cause();

    @Message("Add the condition from the setup page to the statement that trusts Rolegate: StringEquals on sts:ExternalId with this connection's external ID. Remove any other statement that lets Rolegate's account assume the role without it, then run the check again.")
    String code_TRUST_NO_EXTERNAL_ID_fix();

    @Message("The role accepts a wrong external ID")
    String code_TRUST_EXTERNAL_ID_WILDCARD_title();

    @Message("Rolegate asked to assume the role with a random external ID that is not this connection's, and AWS allowed it: the trust policy matches the external ID against a pattern (for example StringLike with *) instead of comparing it exactly. Rolegate dropped those credentials unused.")
    String code_TRUST_EXTERNAL_ID_WILDCARD_cause();

    @Message("Use StringEquals with this connection's exact external ID, as in the trust policy on the setup page. Do not use StringLike, wildcards or ForAnyValue for sts:ExternalId. Then run the check again.")
    String code_TRUST_EXTERNAL_ID_WILDCARD_fix();

    @Message("STS is not active in this region for your account")
    String code_STS_REGION_DISABLED_title();

    @Message("AWS answered RegionDisabledException: the Security Token Service is deactivated in the connection's region for the account that owns the role.")
    String code_STS_REGION_DISABLED_cause();

    @Message("In the IAM console of the role's account, open Account settings, Security Token Service (STS), Endpoints, and activate the connection's region (shown on the step).")
    String code_STS_REGION_DISABLED_fix();

    @Message("AWS reports an unexpected identity")
    String code_IDENTITY_MISMATCH_title();

    @Message("GetCallerIdentity with the assumed credentials returned an ARN other than arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION for this role and session.")
    String code_IDENTITY_MISMATCH_cause();

    @Message("Check that the submitted ARN is the role you meant. If it is, contact support and quote the session name of the check.")
    String code_IDENTITY_MISMATCH_fix();

    @Message("The bucket does not exist")
    String code_S3_NO_SUCH_BUCKET_title();

    @Message("S3 answered NoSuchBucket: there is no bucket with this name.")
    String code_S3_NO_SUCH_BUCKET_cause();

    @Message("Correct the bucket name in the connection (bucket names are global and exact), or create the bucket.")
    String code_S3_NO_SUCH_BUCKET_fix();

    @Message("The bucket's region could not be read")
    String code_S3_LOCATION_DENIED_title();

    @Message("GetBucketLocation was denied, so Rolegate continued in the connection's home region. This is a warning: reading may still work.")
    String code_S3_LOCATION_DENIED_cause();

    @Message("Grant s3:GetBucketLocation on the bucket's ARN, as in the permission policy on the setup page.")
    String code_S3_LOCATION_DENIED_fix();

    @Message("The bucket is in another region")
    String code_S3_REGION_REDIRECT_title();

    @Message("S3 answered 301 PermanentRedirect: the bucket lives in a region other than the connection's home region. Rolegate followed the redirect; this is for your information.")
    String code_S3_REGION_REDIRECT_cause();

    @Message("Nothing to fix. The bucket's region is shown on the step.")
    String code_S3_REGION_REDIRECT_fix();

    @Message("Listing the bucket was denied")
    String code_S3_LIST_DENIED_title();

    @Message("ListObjectsV2 under the granted prefix answered AccessDenied: the role lacks s3:ListBucket on the bucket, its s3:prefix condition does not cover the granted prefix, or a bucket policy or SCP denies it.")
    String code_S3_LIST_DENIED_cause();

    @Message("Grant s3:ListBucket on the bucket's ARN with the s3:prefix condition from the permission policy on the setup page, and look for Deny statements in the bucket policy.")
    String code_S3_LIST_DENIED_fix();

    @Message("Reading an object was denied")
    String code_S3_READ_DENIED_title();

    @Message("GetObject of the first object under the granted prefix answered AccessDenied: the role lacks s3:GetObject on bucket/prefix*, or a bucket policy, ACL or SCP denies it.")
    String code_S3_READ_DENIED_cause();

    @Message("Grant s3:GetObject on the bucket and prefix exactly as in the permission policy on the setup page (the resource must cover the whole granted prefix), and look for Deny statements in the bucket policy.")
    String code_S3_READ_DENIED_fix();

    @Message("The object's KMS key refused to decrypt")
    String code_KMS_DECRYPT_DENIED_title();

    @Message("The object is encrypted with SSE-KMS and AWS denied kms:Decrypt on its key. S3 reports this as AccessDenied, which looks like a missing s3:GetObject; the AWS message names kms:Decrypt.")
    String code_KMS_DECRYPT_DENIED_cause();

    @Message("Add the key's ARN to the connection so that the permission policy grants kms:Decrypt on it with kms:ViaService s3.REGION.amazonaws.com, and make sure the key policy lets the role's account use the key.")
    String code_KMS_DECRYPT_DENIED_fix();

    @Message("Nothing to read yet")
    String code_S3_NOTHING_TO_READ_title();

    @Message("The listing under the granted prefix found no object with content (folder markers such as reports/ are zero bytes), so reading could not be tested.")
    String code_S3_NOTHING_TO_READ_cause();

    @Message("Nothing to fix now. Once data is written under the prefix, run the check again to prove read access.")
    String code_S3_NOTHING_TO_READ_fix();

    @Message("AWS could not be reached")
    String code_AWS_UNAVAILABLE_title();

    @Message("AWS answered with a server error (5xx), or the network failed, even after retries. This says nothing about your setup.")
    String code_AWS_UNAVAILABLE_cause();

    @Message("Nothing for you to do: run the check again in a few minutes. If it persists, Rolegate's operators check the network path to AWS.")
    String code_AWS_UNAVAILABLE_fix();

    @Message("AWS is throttling requests")
    String code_AWS_THROTTLED_title();

    @Message("AWS answered Throttling (or SlowDown) even after Rolegate's retries with backoff. This is caused by request volume on the vendor's side, not by your setup.")
    String code_AWS_THROTTLED_cause();

    @Message("Nothing for you to do: run the check again in a minute. Operators can review the vendor account's STS request rate.")
    String code_AWS_THROTTLED_fix();

    @Message("AWS did not answer in time")
    String code_AWS_TIMEOUT_title();

    @Message("A call to AWS did not complete within Rolegate's time limits. This says nothing about your setup.")
    String code_AWS_TIMEOUT_cause();

    @Message("Run the check again later. If it persists, Rolegate's operators check connectivity and the configured time limits (rolegate.aws.*-timeout).")
    String code_AWS_TIMEOUT_fix();

    @Message("AWS gave an unexpected answer")
    String code_AWS_UNEXPECTED_title();

    @Message("AWS answered with an error Rolegate does not expect at this step. Staff see the error code and request ID on the check.")
    String code_AWS_UNEXPECTED_cause();

    @Message("Run the check again; if it persists, contact support and quote the check's session name.")
    String code_AWS_UNEXPECTED_fix();

    @Message("Rolegate's own AWS credentials are not working")
    String code_VENDOR_CREDENTIALS_title();

    @Message("AWS rejected the vendor's credentials (InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken), or none are configured. This is a problem on Rolegate's side, never in your AWS account.")
    String code_VENDOR_CREDENTIALS_cause();

    @Message("Operators: provide valid credentials through the AWS SDK default provider chain (environment, profile, instance or container role) and check the server clock. Customers need to do nothing; run the check again once it is fixed.")
    String code_VENDOR_CREDENTIALS_fix();

    @Message("The check was interrupted")
    String code_CHECK_INTERRUPTED_title();

    @Message("Rolegate stopped or was overloaded before the check could finish. This says nothing about your setup.")
    String code_CHECK_INTERRUPTED_cause();

    @Message("Run the check again.")
    String code_CHECK_INTERRUPTED_fix();

    @Message("The connection is revoked")
    String code_CONNECTION_REVOKED_title();

    @Message("An administrator revoked this connection. Rolegate no longer assumes its role, for checks or anything else, and makes no call to AWS for it.")
    String code_CONNECTION_REVOKED_cause();

    @Message("Delete the IAM role in your account. To connect again, create a new connection: it gets a new external ID.")
    String code_CONNECTION_REVOKED_fix();

    @Message("Your trust policy does not accept the new external ID yet")
    String code_ROTATION_PENDING_title();

    @Message("An external ID rotation is under way. AWS denied AssumeRole with the new external ID and granted it with the previous one, so the connection keeps working with the previous ID for now. The rotation completes when a check sees the new ID accepted; until then the previous ID stays valid.")
    String code_ROTATION_PENDING_cause();

    @Message("Update the role's trust policy so that its sts:ExternalId condition lists the new external ID shown on the setup page (the update commands are there), then run a check. Once the new ID is accepted, Rolegate retires the previous one and the policies list only the new ID.")
    String code_ROTATION_PENDING_fix();
}
