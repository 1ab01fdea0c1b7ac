package io.rolegate.diagnosis;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the trust policy diagnosis and its codes; Japanese in {@code messages/trust_ja.properties}. Codes are
 * looked up by key ({@link TrustFinding#titleKey()}); a fix names the values of its finding from {@link FindingFacts}
 * {@code f}.
 */
@MessageBundle(value = "trust", locale = "en")
public interface TrustMessages {

    @Message("Why was it denied? Paste the role's trust policy")
    String offer_title();

    @Message("AWS answers the same AccessDenied for a missing role, a wrong principal, an old or mistyped external ID, a condition Rolegate cannot meet and a Deny statement. Paste the role's current trust policy and Rolegate tells you which, with the fix. The document is compared here and not stored.")
    String offer_text();

    @Message("Print it with the AWS CLI, or copy it from the role's Trust relationships tab in the IAM console:")
    String offer_command();

    @Message("Trust policy")
    String field_trustPolicy();

    @Message("The JSON document, the whole output of aws iam get-role, or the URL-encoded document the IAM API returns; at most {max} characters.")
    String field_trustPolicy_hint(int max);

    @Message("Diagnose the trust policy")
    String offer_submit();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    @Message("Trust policy diagnosis")
    String diagnosis_title();

    @Message("Back to the connection")
    String diagnosis_back();

    @Message("Read as {form}. Rolegate did not store it.")
    String diagnosis_read_as(String form);

    @Message("a policy document")
    String form_DOCUMENT();

    @Message("the output of aws iam get-role")
    String form_GET_ROLE();

    @Message("a URL-encoded policy document")
    String form_URL_ENCODED();

    @Message("an IAM API answer with a URL-encoded document")
    String form_IAM_API();

    @Message("Findings")
    String findings_title();

    @Message("What is already right")
    String right_title();

    @Message("The principal: Rolegate's.")
    String right_principal();

    @Message("The action: sts:AssumeRole.")
    String right_action();

    @Message("The external ID: this connection's current one.")
    String right_external_id();

    @Message("Stops Rolegate")
    String severity_BLOCKS();

    @Message("Insecure")
    String severity_INSECURE();

    @Message("Warning")
    String severity_WARNING();

    @Message("Note")
    String severity_NOTE();

    @Message("Right")
    String severity_RIGHT();

    @Message("Fix")
    String finding_fix();

    @Message("Statement {statement}")
    String finding_statement(String statement);

    @Message("Character by character")
    String diff_title();

    @Message("Expected")
    String diff_expected();

    @Message("Yours")
    String diff_found();

    @Message("Character {position}: yours has {found} where {expected} belongs.")
    String diff_CHANGED(int position, String found, String expected);

    @Message("After character {position}: {expected} is missing.")
    String diff_MISSING(int position, String found, String expected);

    @Message("Character {position}: {found} is one too many.")
    String diff_EXTRA(int position, String found, String expected);

    @Message("The trust policy Rolegate expects")
    String corrected_title();

    @Message("Replace the role's trust policy with this document (Edit trust policy in the IAM console, or aws iam update-assume-role-policy), wait a minute, and run the check again.")
    String corrected_text();

    @Message("Rolegate cannot compare trust policies for this connection yet: no trust policy can be rendered for it. The setup page says why.")
    String unavailable();

    @Message("Trust policy findings")
    String codes_title();

    @Message("The diagnosis of a pasted trust policy (offered on the setup page and on every check whose AssumeRole was denied) reports these codes.")
    String codes_intro();

    @Message("Paste the role's trust policy.")
    String error_trustPolicy_required();

    @Message("This is longer than {max} characters; a trust policy is far shorter. Paste only the role's trust policy.")
    String error_trustPolicy_tooLong(int max);

    @Message("This is not valid JSON (line {line}, column {column}). Paste the document as the IAM console or the AWS CLI shows it.")
    String error_trustPolicy_notJson(int line, int column);

    @Message("This JSON nests deeper than {max} levels or holds a number longer than 100 digits; no trust policy does.")
    String error_trustPolicy_limits(int max);

    @Message("This looks URL-encoded, but a % is not followed by two hexadecimal digits.")
    String error_trustPolicy_encoding();

    @Message("No policy document was found: paste a JSON object with a Statement, or the output of aws iam get-role.")
    String error_trustPolicy_noDocument();

    @Message("This JSON is not a policy document IAM would accept: each statement needs an Effect, and Principal, Action and Condition have the shapes IAM defines.")
    String error_trustPolicy_notPolicy();

    @Message("This field cannot contain control characters (such as NUL); a trust policy holds none. Remove them and send the form again.")
    String input_control();

    @Message("This field was sent more than once. Send the form again from this page.")
    String input_repeated();

    @Message("This is a permission policy, not the trust policy")
    String code_PERMISSION_POLICY_title();

    @Message("The document names resources and no principal: it says what the role may do (a permission policy), not who may assume the role. AssumeRole is decided by the role's trust policy, a separate document.")
    String code_PERMISSION_POLICY_cause();

    @Message("Paste the role's trust policy instead: it is on the role's Trust relationships tab in the IAM console, and aws iam get-role --role-name NAME --query Role.AssumeRolePolicyDocument prints it.")
    String code_PERMISSION_POLICY_fix(FindingFacts f);

    @Message("No statement trusts Rolegate")
    String code_PRINCIPAL_MISSING_title();

    @Message("No Allow statement names Rolegate's principal, the vendor's account, or anything close to them, so AWS denies Rolegate's AssumeRole whatever else the document says.")
    String code_PRINCIPAL_MISSING_cause();

    @Message("Add a statement that trusts Rolegate's principal {f.expected}{#if f.found} (the document trusts {f.found} now){/if}, with the action sts:AssumeRole and the sts:ExternalId condition, as in the corrected document.")
    String code_PRINCIPAL_MISSING_fix(FindingFacts f);

    @Message("The principal is another AWS account")
    String code_PRINCIPAL_ACCOUNT_title();

    @Message("The statement trusts an account other than the vendor's. Rolegate calls AssumeRole from the vendor's account, so AWS denies it. A common slip is your own account ID in place of the vendor's.")
    String code_PRINCIPAL_ACCOUNT_cause();

    @Message("In statement {f.statement}, replace the principal {f.found} with {f.expected}.")
    String code_PRINCIPAL_ACCOUNT_fix(FindingFacts f);

    @Message("The principal is in another AWS partition")
    String code_PRINCIPAL_PARTITION_title();

    @Message("The principal names the vendor's account in another partition (aws, aws-cn or aws-us-gov). Partitions are separate: an account of one does not exist in another, so the principal never matches Rolegate.")
    String code_PRINCIPAL_PARTITION_cause();

    @Message("In statement {f.statement}, replace {f.found} with {f.expected}, in this connection's partition.")
    String code_PRINCIPAL_PARTITION_fix(FindingFacts f);

    @Message("The principal is one user or role instead of Rolegate's principal")
    String code_PRINCIPAL_SPECIFIC_title();

    @Message("The statement trusts a single IAM user or role of the vendor's account instead of the principal Rolegate uses. Rolegate's requests may come from another identity of that account, and IAM stores a user or role principal by its unique ID: when that identity is recreated, the trust silently stops matching.")
    String code_PRINCIPAL_SPECIFIC_cause();

    @Message("In statement {f.statement}, replace {f.found} with {f.expected}.")
    String code_PRINCIPAL_SPECIFIC_fix(FindingFacts f);

    @Message("The principal is almost Rolegate's")
    String code_PRINCIPAL_NEAR_MISS_title();

    @Message("The principal differs from Rolegate's by a few characters: a typo, a missing colon or a wrong digit of the account ID. AWS compares principals exactly and denies.")
    String code_PRINCIPAL_NEAR_MISS_cause();

    @Message("In statement {f.statement}, replace {f.found} with {f.expected}; the differences are shown character by character.")
    String code_PRINCIPAL_NEAR_MISS_fix(FindingFacts f);

    @Message("Everyone is trusted")
    String code_PRINCIPAL_WILDCARD_title();

    @Message("The principal * trusts every AWS account in the world. Only the external ID condition then stands between your role and anyone who learns the ID, and an external ID is not a secret.")
    String code_PRINCIPAL_WILDCARD_cause();

    @Message("In statement {f.statement}, replace the principal {f.found} with {f.expected}.")
    String code_PRINCIPAL_WILDCARD_fix(FindingFacts f);

    @Message("sts:AssumeRole is not allowed")
    String code_ACTION_MISSING_title();

    @Message("The statement that trusts Rolegate does not allow the action sts:AssumeRole, so AWS denies it.")
    String code_ACTION_MISSING_cause();

    @Message("In statement {f.statement}, set Action to sts:AssumeRole{#if f.found} (it allows {f.found} now){/if}.")
    String code_ACTION_MISSING_fix(FindingFacts f);

    @Message("The action is not sts:AssumeRole")
    String code_ACTION_WRONG_title();

    @Message("The statement names an action close to sts:AssumeRole, or another way of assuming a role (sts:AssumeRoleWithWebIdentity and sts:AssumeRoleWithSAML are for federated users). Rolegate calls sts:AssumeRole.")
    String code_ACTION_WRONG_cause();

    @Message("In statement {f.statement}, replace the action {f.found} with sts:AssumeRole.")
    String code_ACTION_WRONG_fix(FindingFacts f);

    @Message("No external ID is required")
    String code_EXTERNAL_ID_MISSING_title();

    @Message("The statement lets Rolegate's principal assume the role without a condition on sts:ExternalId. Anyone who can get Rolegate to act for them could then reach your role (the confused-deputy problem): Rolegate's check marks such a role Insecure, and the connection cannot become active.")
    String code_EXTERNAL_ID_MISSING_cause();

    @Message("Add the condition StringEquals sts:ExternalId {f.expected} to statement {f.statement}, as in the corrected document.")
    String code_EXTERNAL_ID_MISSING_fix(FindingFacts f);

    @Message("The external ID is compared with the wrong operator")
    String code_EXTERNAL_ID_OPERATOR_title();

    @Message("The condition on sts:ExternalId must be StringEquals. A negated operator (StringNotEquals, StringNotLike) accepts every other ID; an operator ending in IfExists, ForAllValues and Null also accept a request without any external ID; StringEqualsIgnoreCase accepts other capitalisations; an operator for another type (Arn, Numeric, Bool, Date, IpAddress) never matches.")
    String code_EXTERNAL_ID_OPERATOR_cause();

    @Message("In statement {f.statement}, replace the operator {f.operator} of the sts:ExternalId condition with StringEquals.")
    String code_EXTERNAL_ID_OPERATOR_fix(FindingFacts f);

    @Message("The condition key is not sts:ExternalId")
    String code_EXTERNAL_ID_KEY_title();

    @Message("The condition names a key close to sts:ExternalId that AWS never sets on a request (without the sts: prefix, with another prefix or with other punctuation). A condition on a key the request does not carry fails, so AWS denies.")
    String code_EXTERNAL_ID_KEY_cause();

    @Message("In statement {f.statement}, rename the condition key {f.found} to sts:ExternalId.")
    String code_EXTERNAL_ID_KEY_fix(FindingFacts f);

    @Message("sts:ExternalId is written with other capitals")
    String code_EXTERNAL_ID_KEY_CASE_title();

    @Message("IAM compares condition key names without regard to case, so this condition works. Tools that compare policies as text, and the document Rolegate generates, write it sts:ExternalId.")
    String code_EXTERNAL_ID_KEY_CASE_cause();

    @Message("Nothing has to change. To match the generated document, write {f.found} as sts:ExternalId in statement {f.statement}.")
    String code_EXTERNAL_ID_KEY_CASE_fix(FindingFacts f);

    @Message("Only the previous external ID is accepted")
    String code_EXTERNAL_ID_PREVIOUS_title();

    @Message("An external ID rotation is in progress, and the document accepts the previous ID but not the new one. The connection keeps working with the previous ID for now; the rotation completes once the new ID is accepted.")
    String code_EXTERNAL_ID_PREVIOUS_cause();

    @Message("In statement {f.statement}, list the new external ID {f.expected} in the sts:ExternalId condition (next to {f.found}, or instead of it), as in the corrected document, then run a check.")
    String code_EXTERNAL_ID_PREVIOUS_fix(FindingFacts f);

    @Message("The external ID is one this connection no longer uses")
    String code_EXTERNAL_ID_RETIRED_title();

    @Message("The document requires an external ID that this connection used before a rotation. Rolegate never sends a retired ID again: alone it makes AWS deny; next to the current ID it only lingers.")
    String code_EXTERNAL_ID_RETIRED_cause();

    @Message("In statement {f.statement}, replace {f.found} with the current external ID {f.expected}.")
    String code_EXTERNAL_ID_RETIRED_fix(FindingFacts f);

    @Message("The external ID is almost this connection's")
    String code_EXTERNAL_ID_NEAR_MISS_title();

    @Message("The external ID in the document differs from this connection's by a few characters: one lost or added in copying, or one that looks alike. AWS compares it exactly and denies.")
    String code_EXTERNAL_ID_NEAR_MISS_cause();

    @Message("In statement {f.statement}, replace {f.found} with {f.expected} (the differences are shown character by character), or copy the external ID from the setup page.")
    String code_EXTERNAL_ID_NEAR_MISS_fix(FindingFacts f);

    @Message("The external ID is not this connection's")
    String code_EXTERNAL_ID_WRONG_title();

    @Message("The document requires an external ID that is neither this connection's current one nor one it used before, for example another connection's, or another vendor's. Rolegate sends only this connection's ID, so alone it makes AWS deny; next to the current ID it lets the role be used on someone else's behalf.")
    String code_EXTERNAL_ID_WRONG_cause();

    @Message("In statement {f.statement}, replace {f.found} with this connection's external ID {f.expected}.")
    String code_EXTERNAL_ID_WRONG_fix(FindingFacts f);

    @Message("The external ID is a pattern")
    String code_EXTERNAL_ID_WILDCARD_title();

    @Message("StringLike with * or ? accepts many external IDs, not only this connection's: anyone for whom Rolegate sends a matching ID could reach your role. Rolegate's check marks such a role Insecure.")
    String code_EXTERNAL_ID_WILDCARD_cause();

    @Message("In statement {f.statement}, replace {f.operator} {f.found} with StringEquals {f.expected}.")
    String code_EXTERNAL_ID_WILDCARD_fix(FindingFacts f);

    @Message("A Deny statement refuses Rolegate")
    String code_DENY_STATEMENT_title();

    @Message("A Deny statement that names Rolegate's principal (or everyone) and sts:AssumeRole wins over every Allow whenever its conditions hold.")
    String code_DENY_STATEMENT_cause();

    @Message("Remove statement {f.statement}, or narrow it so that it does not apply to Rolegate's requests{#if f.found} (its conditions: {f.found}){/if}.")
    String code_DENY_STATEMENT_fix(FindingFacts f);

    @Message("A condition Rolegate can never meet")
    String code_CONDITION_UNSATISFIABLE_title();

    @Message("The statement requires something Rolegate's requests never have: a source IP address or VPC (Rolegate calls AWS from the vendor's servers), MFA, membership of your AWS organization, session tags, a source identity, or an AWS service calling on its behalf. AWS then denies every time.")
    String code_CONDITION_UNSATISFIABLE_cause();

    @Message("Remove the condition {f.found} from statement {f.statement}: the sts:ExternalId condition is what protects this role.")
    String code_CONDITION_UNSATISFIABLE_fix(FindingFacts f);

    @Message("The document is right")
    String code_DOCUMENT_RIGHT_title();

    @Message("The document lets Rolegate's principal call sts:AssumeRole with this connection's external ID, and nothing in it denies that. AWS answers the same AccessDenied when the role does not exist, so the cause lies elsewhere.")
    String code_DOCUMENT_RIGHT_cause();

    @Message("AWS answers the same AccessDenied when the role does not exist: check that the role ARN submitted on the setup page is the ARN of the role this document belongs to (same account, path and name), and that the document is saved on that role. If you changed it just now, wait a minute for IAM to propagate the change, then run the check again.")
    String code_DOCUMENT_RIGHT_fix(FindingFacts f);
}
