package io.rolegate.verification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the live check, its history and the diagnosis codes; Japanese in
 * {@code messages/check_ja.properties}. Codes are looked up by key ({@link DiagnosisCode#titleKey()}). A fix
 * names the step's resources from its {@link FixFacts} {@code f}; {@link StepFixes} chooses which fix a step
 * shows, from what AWS's answer said (the {@code fix_*} texts are the variants it can choose).
 */
@MessageBundle(value = "check", locale = "en")
public interface CheckMessages {

    @Message("Live check")
    String check_title();

    @Message("The check is running. This page updates itself every few seconds.")
    String check_running();

    @Message("Refresh now")
    String check_refresh();

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

    @Message("Not run")
    String duration_none();

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

    @Message("Not started yet")
    String status_PENDING();

    @Message("AWS denied it. If you created or changed the role in the last minute, IAM may still be propagating the change: we keep trying for another {seconds} s.")
    String propagation_retry(long seconds);

    @Message("Not sure the role is right? Paste its trust policy and Rolegate says what stops it.")
    String propagation_diagnose();

    @Message("a person")
    String trigger_USER();

    @Message("the schedule")
    String trigger_SCHEDULE();

    @Message("the API")
    String trigger_API();

    @Message("a CloudFormation stack")
    String trigger_STACK();

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

    @Message("AWS denied AssumeRole without an external ID, as it must.")
    String result_probe_without_denied();

    @Message("AWS denied AssumeRole with a random wrong external ID, as it must.")
    String result_probe_wrong_denied();

    @Message("AWS granted AssumeRole with a random wrong external ID as well: without an external-ID condition, any ID is accepted (the fix is on the step above).")
    String result_probe_wrong_granted_too();

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

    @Message("of the check started {started}")
    String history_details_of(String started);

    @Message("The role ARN is not valid")
    String code_ARN_INVALID_title();

    @Message("The submitted text is not an IAM role ARN of the form arn:PARTITION:iam::ACCOUNT:role/PATH/NAME, or the role name breaks AWS's naming rules. Rolegate found this without calling AWS.")
    String code_ARN_INVALID_cause();

    @Message("Copy the ARN of the role from its summary page in the IAM console of account {f.account} (or the RoleArn output of the CloudFormation stack); it has the form arn:{f.partition}:iam::{f.account}:role/NAME. Then submit it again on the setup page.")
    String code_ARN_INVALID_fix(FixFacts f);

    @Message("This ARN is not an IAM role")
    String code_ARN_NOT_ROLE_title();

    @Message("The ARN names a user, an assumed-role session (what aws sts get-caller-identity prints) or another resource. Rolegate can only assume an IAM role.")
    String code_ARN_NOT_ROLE_cause();

    @Message("Submit the ARN of the role itself, arn:{f.partition}:iam::{f.account}:role/NAME, shown as ARN on the role's summary page in the IAM console.")
    String code_ARN_NOT_ROLE_fix(FixFacts f);

    @Message("The role belongs to another AWS account")
    String code_ARN_ACCOUNT_MISMATCH_title();

    @Message("The account ID in the role ARN differs from the AWS account declared for this connection. Rolegate made no call to AWS.")
    String code_ARN_ACCOUNT_MISMATCH_cause();

    @Message("The submitted ARN names account {f.roleAccount}, but this connection is for account {f.account}. Create the role in account {f.account} and submit its ARN, or create a new connection for account {f.roleAccount}.")
    String code_ARN_ACCOUNT_MISMATCH_fix(FixFacts f);

    @Message("The role is in another AWS partition")
    String code_ARN_PARTITION_MISMATCH_title();

    @Message("The ARN's partition (aws, aws-cn or aws-us-gov) differs from the connection's. Rolegate made no call to AWS.")
    String code_ARN_PARTITION_MISMATCH_cause();

    @Message("The submitted ARN is in partition {f.rolePartition}, but this connection is in {f.partition}. Create the role in the {f.partition} partition, or create a new connection for {f.rolePartition}.")
    String code_ARN_PARTITION_MISMATCH_fix(FixFacts f);

    @Message("No role ARN submitted yet")
    String code_ROLE_NOT_SUBMITTED_title();

    @Message("The connection has no role ARN, so there is nothing to assume.")
    String code_ROLE_NOT_SUBMITTED_cause();

    @Message("Create the role in account {f.account} with the trust and permission policies from the setup page, then submit its ARN there.")
    String code_ROLE_NOT_SUBMITTED_fix(FixFacts f);

    @Message("AWS denied AssumeRole")
    String code_TRUST_DENIED_title();

    @Message("AWS answered AccessDenied when Rolegate assumed the role with this connection's external ID. AWS gives this same answer when the role does not exist (wrong name, deleted, or in another account) and when its trust policy does not allow Rolegate; it does not say which.")
    String code_TRUST_DENIED_cause();

    @Message("First check that a role with exactly the ARN {f.role} exists in account {f.account}: AWS gives this same answer for a missing role. Then compare its trust policy with the one on the setup page: it must allow Rolegate's principal{#if f.vendorPrincipal} {f.vendorPrincipal}{/if} to call sts:AssumeRole with the condition StringEquals sts:ExternalId {f.externalId}. If in doubt, replace the trust policy with the one from the setup page, wait a minute, and run the check again.")
    String code_TRUST_DENIED_fix(FixFacts f);

    @Message("Waiting for AWS to propagate the role")
    String code_TRUST_PROPAGATING_title();

    @Message("The role ARN was submitted less than a minute ago and AWS still answers AccessDenied. New and changed IAM roles take seconds, sometimes up to a minute, to become assumable.")
    String code_TRUST_PROPAGATING_cause();

    @Message("Nothing to do yet: Rolegate retries AssumeRole of {f.role} for a minute after the ARN is submitted. If the check ends with this code, run it again in a minute.")
    String code_TRUST_PROPAGATING_fix(FixFacts f);

    @Message("The role can be assumed without the external ID")
    String code_TRUST_NO_EXTERNAL_ID_title();

    @Message("Rolegate asked to assume the role without any external ID and AWS allowed it. Anyone the trust policy trusts could then act on your data on someone else's behalf (the confused-deputy problem). Rolegate dropped those credentials unused; the connection cannot become active like this.")
    String code_TRUST_NO_EXTERNAL_ID_cause();

    @Message("In the trust policy of {f.role}, add the condition StringEquals sts:ExternalId {f.externalId} to the statement that allows Rolegate's principal{#if f.vendorPrincipal} {f.vendorPrincipal}{/if} to call sts:AssumeRole, as on the setup page. Remove any other statement that lets it assume the role without that condition, then run the check again.")
    String code_TRUST_NO_EXTERNAL_ID_fix(FixFacts f);

    @Message("The role accepts a wrong external ID")
    String code_TRUST_EXTERNAL_ID_WILDCARD_title();

    @Message("Rolegate asked to assume the role with a random external ID that is not this connection's, and AWS allowed it: the statement that lets Rolegate in accepts external IDs other than this connection's. Trust policies that do this include an Allow without any sts:ExternalId condition next to a Deny that covers only a missing ID, and a pattern match instead of an exact comparison. (When AssumeRole without any external ID is allowed too, the check reports RG-TRUST-NO-EXTERNAL-ID.) Rolegate dropped those credentials unused.")
    String code_TRUST_EXTERNAL_ID_WILDCARD_cause();

    @Message("In the trust policy of {f.role}, the statement that allows Rolegate's principal{#if f.vendorPrincipal} {f.vendorPrincipal}{/if} to call sts:AssumeRole must itself require this connection's external ID exactly: the condition StringEquals sts:ExternalId {f.externalId}, as on the setup page. Denying requests that carry no external ID is not enough. Then run the check again.")
    String code_TRUST_EXTERNAL_ID_WILDCARD_fix(FixFacts f);

    @Message("STS is not active in this region for your account")
    String code_STS_REGION_DISABLED_title();

    @Message("AWS answered RegionDisabledException: the Security Token Service is deactivated in the connection's region for the account that owns the role.")
    String code_STS_REGION_DISABLED_cause();

    @Message("In the IAM console of account {f.account}, open Account settings, Security Token Service (STS), Endpoints, and activate {f.serviceRegion}. Then run the check again.")
    String code_STS_REGION_DISABLED_fix(FixFacts f);

    @Message("AWS reports an unexpected identity")
    String code_IDENTITY_MISMATCH_title();

    @Message("GetCallerIdentity with the assumed credentials returned an ARN other than arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION for this role and session.")
    String code_IDENTITY_MISMATCH_cause();

    @Message("Check that {f.role} is the role you meant. If it is, contact support and quote the check's session name {f.sessionName}.")
    String code_IDENTITY_MISMATCH_fix(FixFacts f);

    @Message("The bucket does not exist")
    String code_S3_NO_SUCH_BUCKET_title();

    @Message("S3 answered NoSuchBucket: there is no bucket with this name.")
    String code_S3_NO_SUCH_BUCKET_cause();

    @Message("S3 has no bucket named {f.bucket}. Correct the bucket name with Edit connection on the setup page (bucket names are global and exact), or create the bucket.")
    String code_S3_NO_SUCH_BUCKET_fix(FixFacts f);

    @Message("The bucket's region could not be read")
    String code_S3_LOCATION_DENIED_title();

    @Message("GetBucketLocation was denied, so Rolegate continued in the connection's home region. This is a warning: reading may still work. The refusal can come from the role's permission policy or from outside it (a bucket policy, the owner of a bucket in another account, an AWS Organizations policy); when AWS's answer names the kind of policy, or when listing the same bucket works, the step's fix says which.")
    String code_S3_LOCATION_DENIED_cause();

    @Message("Make sure the permission policy of {f.role} allows s3:GetBucketLocation on {f.bucketArn}, as the one on the setup page does, and that neither the bucket policy of {f.bucket} nor an AWS Organizations policy denies it: S3 did not say which policy refused. Reading can work without it: Rolegate continued in {f.bucketRegion}.")
    String code_S3_LOCATION_DENIED_fix(FixFacts f);

    @Message("The bucket is in another region")
    String code_S3_REGION_REDIRECT_title();

    @Message("S3 answered 301 PermanentRedirect: the bucket lives in a region other than the connection's home region. Rolegate followed the redirect; this is for your information.")
    String code_S3_REGION_REDIRECT_cause();

    @Message("Nothing to fix: the bucket {f.bucket} is not in the connection's home region {f.region}, and Rolegate followed S3's redirect to the bucket's region.")
    String code_S3_REGION_REDIRECT_fix(FixFacts f);

    @Message("Listing the bucket was denied")
    String code_S3_LIST_DENIED_title();

    @Message("ListObjectsV2 under the granted prefix answered AccessDenied. The role's permission policy may lack s3:ListBucket on the bucket, or its s3:prefix condition may not cover the granted prefix; a bucket policy, the owner of a bucket in another account, an AWS Organizations policy or a permissions boundary may refuse it. When AWS's answer names the kind of policy, the step's fix names it too.")
    String code_S3_LIST_DENIED_cause();

    @Message("Make sure the permission policy of {f.role} allows s3:ListBucket on {f.bucketArn}{f.condition}, as the one on the setup page does, and that neither the bucket policy of {f.bucket} nor an AWS Organizations policy denies it: S3 did not say which policy refused.")
    String code_S3_LIST_DENIED_fix(FixFacts f);

    @Message("Reading an object was denied")
    String code_S3_READ_DENIED_title();

    @Message("GetObject of the first object under the granted prefix answered AccessDenied. The role's permission policy may lack s3:GetObject on bucket/prefix*; a bucket policy, an object ACL, an AWS Organizations policy or a permissions boundary may refuse it. When AWS's answer names the kind of policy, the step's fix names it too.")
    String code_S3_READ_DENIED_cause();

    @Message("Make sure the permission policy of {f.role} allows s3:GetObject on {f.objectsArn}, as the one on the setup page does, and that neither the bucket policy of {f.bucket} nor an AWS Organizations policy denies it: S3 did not say which policy refused to read {f.objectKey}.")
    String code_S3_READ_DENIED_fix(FixFacts f);

    @Message("The object's KMS key refused to decrypt")
    String code_KMS_DECRYPT_DENIED_title();

    @Message("The object is encrypted with SSE-KMS and AWS refused kms:Decrypt on its key for the role. S3 reports this as AccessDenied, which looks like a missing s3:GetObject: Rolegate recognises it from the message (it names kms:Decrypt, or says the ciphertext refers to a key the caller may not access) or, when S3 does not say, by reading the object's metadata (HeadObject, which decrypts nothing) to learn its key. Both the role's permission policy and the key's key policy must allow kms:Decrypt.")
    String code_KMS_DECRYPT_DENIED_cause();

    @Message("S3 did not name the KMS key of {f.objectKey}: find it in the S3 console (the object's properties, server-side encryption). Add that key's ARN to this connection's KMS keys with Edit connection on the setup page, apply the updated permission policy from the setup page to {f.role}, and make sure the key policy allows the role to use kms:Decrypt.")
    String code_KMS_DECRYPT_DENIED_fix(FixFacts f);

    @Message("Nothing to read yet")
    String code_S3_NOTHING_TO_READ_title();

    @Message("The listing under the granted prefix found no object with content (folder markers such as reports/ are zero bytes), so reading could not be tested.")
    String code_S3_NOTHING_TO_READ_cause();

    @Message("Nothing to fix now. Once data is written under {f.bucketDisplay}, run the check again to prove read access.")
    String code_S3_NOTHING_TO_READ_fix(FixFacts f);

    @Message("AWS could not be reached")
    String code_AWS_UNAVAILABLE_title();

    @Message("AWS answered with a server error (5xx), or the network failed, even after retries. This says nothing about your setup.")
    String code_AWS_UNAVAILABLE_cause();

    @Message("Nothing for you to do: run the check again in a few minutes. If it persists, Rolegate's operators check the network path to {f.service} in {f.serviceRegion}.")
    String code_AWS_UNAVAILABLE_fix(FixFacts f);

    @Message("AWS STS is throttling Rolegate's requests")
    String code_AWS_THROTTLED_title();

    @Message("AWS STS answered Throttling even after Rolegate's retries with backoff. STS limits the requests of each account per region, and only the calling account, the vendor's, is charged for them: this is request volume on the vendor's side, not your setup.")
    String code_AWS_THROTTLED_cause();

    @Message("Nothing for you to do: run the check again in a minute. If it persists, Rolegate's operators review the vendor account's request rate to AWS STS in {f.serviceRegion}.")
    String code_AWS_THROTTLED_fix(FixFacts f);

    @Message("AWS did not answer in time")
    String code_AWS_TIMEOUT_title();

    @Message("A call to AWS did not complete within Rolegate's time limits. This says nothing about your setup.")
    String code_AWS_TIMEOUT_cause();

    @Message("Run the check again later. If it persists, Rolegate's operators check connectivity to {f.service} in {f.serviceRegion} and the configured time limits (rolegate.aws.*-timeout).")
    String code_AWS_TIMEOUT_fix(FixFacts f);

    @Message("AWS gave an unexpected answer")
    String code_AWS_UNEXPECTED_title();

    @Message("AWS answered with an error Rolegate does not expect at this step. Staff see the error code and request ID on the check.")
    String code_AWS_UNEXPECTED_cause();

    @Message("Run the check again; if it persists, contact support and quote the check's session name {f.sessionName}.")
    String code_AWS_UNEXPECTED_fix(FixFacts f);

    @Message("Rolegate's own AWS credentials are not working")
    String code_VENDOR_CREDENTIALS_title();

    @Message("AWS rejected the vendor's credentials (InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken), or none are configured. This is a problem on Rolegate's side, never in your AWS account.")
    String code_VENDOR_CREDENTIALS_cause();

    @Message("Operators: provide valid credentials of the {f.partition} partition (for aws through the AWS SDK default provider chain: environment, profile, instance or container role; for aws-us-gov and aws-cn in the AWS SDK profile that rolegate.vendor.partitions.\"{f.partition}\".profile names) and check the server clock; {f.service} in {f.serviceRegion} refused them. Customers need to do nothing; run the check again once it is fixed.")
    String code_VENDOR_CREDENTIALS_fix(FixFacts f);

    @Message("Operators: Rolegate found no AWS credentials for {f.service}, so it sent nothing to AWS. Provide them through the AWS SDK default provider chain (environment, profile, instance or container role). Customers need to do nothing; run the check again once it is fixed.")
    String fix_vendor_credentials_missing(FixFacts f);

    @Message("The check was interrupted")
    String code_CHECK_INTERRUPTED_title();

    @Message("Rolegate stopped, had too many checks waiting to start this one, or met an unexpected error before the check could finish. This says nothing about your setup.")
    String code_CHECK_INTERRUPTED_cause();

    @Message("Run the check of {f.role} again.")
    String code_CHECK_INTERRUPTED_fix(FixFacts f);

    @Message("The connection is revoked")
    String code_CONNECTION_REVOKED_title();

    @Message("An administrator revoked this connection. Rolegate no longer assumes its role, for checks or anything else, and makes no call to AWS for it.")
    String code_CONNECTION_REVOKED_cause();

    @Message("Delete the IAM role {f.role} in account {f.account}. To connect again, create a new connection: it gets a new external ID.")
    String code_CONNECTION_REVOKED_fix(FixFacts f);

    @Message("S3 is slowing down requests to the bucket")
    String code_S3_THROTTLED_title();

    @Message("S3 answered SlowDown (HTTP 503) even after Rolegate's retries with backoff. S3 limits the request rate per prefix of a bucket, and every client of the bucket shares that limit, your own workloads included; the check itself makes only a few requests. This says nothing about your permissions.")
    String code_S3_THROTTLED_cause();

    @Message("Your permissions are not in question: run the check again in a minute. If it keeps happening, look at the request rate on {f.bucketDisplay} in {f.bucketRegion}: all clients of the bucket share S3's limit per prefix, and S3 raises it gradually under sustained load.")
    String code_S3_THROTTLED_fix(FixFacts f);

    @Message("A VPC endpoint on Rolegate's side refused the request")
    String code_S3_VPC_ENDPOINT_DENIED_title();

    @Message("S3 answered AccessDenied naming a VPC endpoint policy. The request passed through that endpoint on its way from Rolegate, on the vendor's network, so the refusal comes from the vendor's configuration, not from your account; the check is inconclusive.")
    String code_S3_VPC_ENDPOINT_DENIED_cause();

    @Message("Nothing to change in your account: Rolegate's requests to S3 pass through a VPC endpoint on the vendor's network whose endpoint policy does not allow {f.action} on {f.resourceArn}. Rolegate's operators must allow it in that endpoint policy; then run the check again.")
    String code_S3_VPC_ENDPOINT_DENIED_fix(FixFacts f);

    @Message("Rolegate's own AWS identity may not assume the role")
    String code_VENDOR_ASSUME_DENIED_title();

    @Message("AWS STS answered AccessDenied naming a policy of the caller: Rolegate's own identity policy, its permissions boundary, a service control policy of the vendor's organization, or a VPC endpoint policy on the vendor's network. The caller of AssumeRole is Rolegate, so the refusal comes from the vendor's configuration, not from your role's trust policy; the check is inconclusive.")
    String code_VENDOR_ASSUME_DENIED_cause();

    @Message("Nothing to change in your account: AWS STS refused Rolegate's own identity sts:AssumeRole on {f.role} because of a policy on the vendor's side. Rolegate's operators must allow sts:AssumeRole on customer roles for the vendor's credentials; then run the check again.")
    String code_VENDOR_ASSUME_DENIED_fix(FixFacts f);

    @Message("Not available yet in this partition")
    String code_PARTITION_UNAVAILABLE_title();

    @Message("The connection is in a partition where the vendor has no AWS account and credentials configured. AWS partitions are separate: an account or credential of one does not exist in another, so Rolegate sends nothing to AWS for this connection. This is not a problem of your AWS account.")
    String code_PARTITION_UNAVAILABLE_cause();

    @Message("Customers need to do nothing: the check can run once the vendor offers {f.partition}. Operators: set rolegate.vendor.partitions.\"{f.partition}\".account-id, .profile and .region (environment variables ROLEGATE_VENDOR_PARTITIONS__{f.partitionVariable}__ACCOUNT_ID, __PROFILE and __REGION), restart Rolegate, then run the check again.")
    String code_PARTITION_UNAVAILABLE_fix(FixFacts f);

    @Message("The permission policy of {f.role} does not allow {f.action} on {f.resourceArn}{f.condition}: AWS answered that no identity-based policy allows it. Add it as in the permission policy on the setup page, then run the check again.")
    String fix_role_policy_missing(FixFacts f);

    @Message("A Deny statement in a policy attached to {f.role} refuses {f.action} on {f.resourceArn}: AWS answered with an explicit deny in an identity-based policy. Remove that statement or narrow it so that it does not cover this role, then run the check again.")
    String fix_role_policy_denies(FixFacts f);

    @Message("AWS answered that no resource-based policy allows {f.action} on {f.resourceArn}. S3 requires that when the bucket belongs to another AWS account than the role ({f.account}): the bucket's owner must allow {f.role} {f.action} on {f.resourceArn} in the bucket policy of {f.bucket}, and the role's own permission policy must allow it too.")
    String fix_bucket_policy_missing(FixFacts f);

    @Message("The bucket policy of {f.bucket} refuses {f.action} on {f.resourceArn} to {f.role}: AWS answered with an explicit deny in a resource-based policy, which no grant in the role's own policy can override. The bucket's owner must exempt this role from that Deny statement, for example a Deny that admits only requests through a VPC endpoint (aws:SourceVpce) or from certain IP addresses: Rolegate reaches S3 from outside your network.")
    String fix_bucket_policy_denies(FixFacts f);

    @Message("A service control policy of AWS Organizations that applies to account {f.account} refuses {f.action} on {f.resourceArn} to {f.role}. Ask the administrators of your organization to allow it for this role, then run the check again.")
    String fix_scp_denies(FixFacts f);

    @Message("A resource control policy of AWS Organizations on the account that owns {f.resourceArn} refuses {f.action} to {f.role}. Ask the administrators of that organization to allow it for this role, then run the check again.")
    String fix_rcp_denies(FixFacts f);

    @Message("The permissions boundary of {f.role} refuses {f.action} on {f.resourceArn}. Allow it in the boundary policy, or remove the boundary from the role, then run the check again.")
    String fix_boundary_denies(FixFacts f);

    @Message("S3 refused s3:GetBucketLocation on {f.bucketArn} without saying which policy refused it, while listing the same bucket worked. The permission policy on the setup page allows both, so unless the role's policy was changed, something outside it refuses this call: the bucket policy of {f.bucket} (set by the bucket's owner, which may be another account) or an AWS Organizations policy. Allow s3:GetBucketLocation on {f.bucketArn} to {f.role} there. Reading works without it: Rolegate continued in {f.bucketRegion}.")
    String fix_location_unexplained(FixFacts f);

    @Message("The object {f.objectKey} is encrypted with the KMS key {f.keyArn}, which is not among this connection's KMS keys, and no policy of {f.role} allows kms:Decrypt on it. Add the key's ARN to the connection with Edit connection on the setup page, then apply the updated permission policy from the setup page to the role: it allows kms:Decrypt on the key through {f.viaService}.")
    String fix_kms_add_key(FixFacts f);

    @Message("The object {f.objectKey} is encrypted with the KMS key {f.keyArn}, one of this connection's KMS keys, but no policy of {f.role} allows kms:Decrypt on it. Apply the current permission policy from the setup page to the role: it allows kms:Decrypt on the key through {f.viaService}.")
    String fix_kms_role_policy(FixFacts f);

    @Message("The object {f.objectKey} is encrypted with the KMS key {f.keyArn}, one of this connection's KMS keys, so the permission policy on the setup page allows kms:Decrypt on it. The key policy of that key, in account {f.keyAccount}, must allow {f.role} to use kms:Decrypt: ask the key's administrators in account {f.keyAccount} to add the role to it, then run the check again.")
    String fix_kms_key_policy(FixFacts f);

    @Message("The key policy of the KMS key {f.keyArn} (account {f.keyAccount}), which encrypts {f.objectKey}, refuses kms:Decrypt to {f.role}: AWS answered with an explicit deny in a resource-based policy, which no grant in the role's own policy can override. The key's administrators must exempt this role from that Deny statement.")
    String fix_kms_key_policy_denies(FixFacts f);

    @Message("The object {f.objectKey} is encrypted with the KMS key {f.keyArn} of account {f.keyAccount}, which is not among this connection's KMS keys. Add the key's ARN to the connection with Edit connection on the setup page and apply the updated permission policy from the setup page to {f.role} (it allows kms:Decrypt on the key through {f.viaService}); the key policy of that key must also allow the role to use kms:Decrypt.")
    String fix_kms_add_key_and_key_policy(FixFacts f);

    @Message("Edit connection")
    String fix_edit_connection();

    @Message("Your trust policy does not accept the new external ID yet")
    String code_ROTATION_PENDING_title();

    @Message("An external ID rotation is under way. AWS denied AssumeRole with the new external ID and granted it with the previous one, so the connection keeps working with the previous ID for now. The rotation completes when a check sees the new ID accepted; until then the previous ID stays valid.")
    String code_ROTATION_PENDING_cause();

    @Message("Update the trust policy of {f.role} so that its sts:ExternalId condition lists the new external ID shown on the setup page (the update commands are there), then run a check. Once the new ID is accepted, Rolegate retires the previous one and the policies list only the new ID.")
    String code_ROTATION_PENDING_fix(FixFacts f);

    @Message("Find a code")
    String codes_filter();

    @Message("A code such as RG-TRUST-DENIED, or words of its title.")
    String codes_filter_hint();

    @Message("Where the problem lies")
    String codes_group();

    @Message("Everywhere")
    String codes_group_any();

    @Message("Show")
    String codes_filter_apply();

    @Message("No code matches.")
    String codes_none_match();

    @Message("Show every code")
    String codes_show_all();

    @Message("Codes by group")
    String codes_index();

    @Message("Role and trust policy")
    String codes_group_TRUST();

    @Message("S3 buckets and objects")
    String codes_group_S3();

    @Message("KMS keys")
    String codes_group_KMS();

    @Message("AWS services")
    String codes_group_AWS();

    @Message("Rolegate and the vendor")
    String codes_group_VENDOR();
}
