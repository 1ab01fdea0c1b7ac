package io.rolegate.setup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rolegate.account.Role;
import io.rolegate.audit.AuditEvent;
import io.rolegate.audit.AuditTrail;
import io.rolegate.broker.CredentialUse;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.Connection;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.connection.RoleArn;
import io.rolegate.connection.RoleSubmission;
import io.rolegate.policy.Artifacts;
import io.rolegate.policy.PolicyModel;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckTrigger;
import io.rolegate.verification.CheckView;
import io.rolegate.web.FormErrors;

/**
 * Everything the setup page of one connection shows. No policy can be rendered while the vendor
 * account is unknown, or when the vendor has no identity in the connection's partition; the page then says why,
 * worded for customers or for staff. {@code latestCheck} is the newest check with its fixes (PRODUCT §10: its
 * outcome, failing step and fix open the page), null before the first check. {@code credentialUses} are the
 * connection's recent uses through the credential broker, read with the rest (not while the page renders).
 */
public record SetupPage(Connection connection, List<IssuedExternalId> externalIds, Parsed<Artifacts> rendered,
        List<RoleSubmission> roleHistory, List<Check> checks, List<CheckView> timeline, List<AuditEvent> auditEvents, boolean customer, boolean staff,
        boolean admin, String roleArnInput, FormErrors errors, String revokeReason, LifecycleView lifecycle,
        CheckView latestCheck, List<CredentialUse> credentialUses) {

    /**
     * The rotation and revocation as this viewer may see them: whether the latest check passed only with the previous
     * external ID (RG-ROTATION-PENDING), the e-mail address of the administrator who revoked (staff only), and, for a
     * customer, the staff role of each audit event's author, named instead of their e-mail address (PRODUCT §6).
     */
    public record LifecycleView(boolean rotationPending, String revokedBy, Map<UUID, Role> staffAuthors) {
    }

    /** Role ARN errors whose only argument is the full ARN the input probably meant (see {@link RoleArn#parse}). */
    private static final Set<String> SUGGESTING_ERRORS = Set.of("error_roleArn_bareName", "error_roleArn_consoleUrl");

    /** The same page, showing a revocation reason typed before an error. */
    public SetupPage withRevokeReason(String reason) {
        return new SetupPage(connection, externalIds, rendered, roleHistory, checks, timeline, auditEvents, customer, staff, admin, roleArnInput,
                errors, reason, lifecycle, latestCheck, credentialUses);
    }

    public boolean canRotate() {
        return (customer || admin) && !connection.isRevoked();
    }

    /** PRODUCT §13: the owning customer and admins change the label and resources of a connection not revoked. */
    public boolean canEdit() {
        return (customer || admin) && !connection.isRevoked();
    }

    /** Whether the page asks to update the role and run a check after an edit of the buckets or KMS keys. */
    public boolean resourcesChanged() {
        return connection.awaitsCheckAfterEdit();
    }

    public Artifacts artifacts() {
        return rendered instanceof Parsed.Valid<Artifacts> valid ? valid.value() : null;
    }

    /** Why no artifacts could be rendered, as a key such as {@code vendor.unconfigured}; empty when they were. */
    public String artifactsProblem() {
        return rendered instanceof Parsed.Invalid<Artifacts> invalid ? invalid.error().key() : "";
    }

    /** Argument {@code index} of the reason no artifacts could be rendered; empty when there is none. */
    public Object artifactsProblemArg(int index) {
        if (rendered instanceof Parsed.Invalid<Artifacts> invalid && index < invalid.error().args().size()) {
            return invalid.error().args().get(index);
        }
        return "";
    }

    /** True when the connection's partition has no vendor identity: no policy, no AWS call (PRODUCT §2). */
    public boolean partitionUnavailable() {
        return "partition.unavailable".equals(artifactsProblem());
    }

    /** The connection's partition. */
    public Partition partition() {
        return Partition.fromId(connection.partition).orElseThrow();
    }

    /** The bundle key that tells an administrator what to configure, e.g. {@code vendor_admin_vendor_unconfigured}. */
    public String artifactsProblemKey() {
        return "vendor_admin_" + artifactsProblem().replace('.', '_');
    }

    /** True once the artifacts update the existing role instead of creating one. */
    public boolean updatesRole() {
        Artifacts artifacts = artifacts();
        return artifacts != null && artifacts.updatesRole();
    }

    public String quickCreateLink() {
        Artifacts artifacts = artifacts();
        return artifacts == null ? null : artifacts.quickCreateLink().orElse(null);
    }

    /** The role's name: from the submitted ARN, else the name the artifacts suggest. */
    public String roleName() {
        int slash = connection.roleArn == null ? -1 : connection.roleArn.lastIndexOf('/');
        return slash < 0 ? PolicyModel.suggestedRoleName(connection.id.toString()) : connection.roleArn.substring(slash + 1);
    }

    /** The AWS CLI commands that delete the role once the connection is revoked. */
    public List<String> deleteRoleCommands() {
        String options = " --role-name " + roleName() + " --region " + connection.region;
        return List.of("aws iam delete-role-policy" + options + " --policy-name " + PolicyModel.POLICY_NAME,
                "aws iam delete-role" + options);
    }

    public IssuedExternalId currentExternalId() {
        return externalIds.stream().filter(id -> id.state == IssuedExternalId.State.CURRENT).findFirst().orElseThrow();
    }

    public boolean rotating() {
        return externalIds.size() > 1;
    }

    /** The previous external ID of a rotation in progress, still accepted; null when no rotation is in progress. */
    public IssuedExternalId previousExternalId() {
        return externalIds.stream().filter(id -> id.state == IssuedExternalId.State.PREVIOUS).findFirst().orElse(null);
    }

    /** Whether the latest check passed only with the previous external ID: the role does not accept the new one yet. */
    public boolean rotationPending() {
        return rotating() && lifecycle.rotationPending();
    }

    /** Who revoked the connection, for staff: the administrator's e-mail address; null for customers. */
    public String revokedBy() {
        return lifecycle.revokedBy();
    }

    /**
     * For a customer, the role ({@code admin}, {@code support}) of the staff member who did what an audit event records,
     * shown instead of their e-mail address; empty for everyone else's events and for staff viewers.
     */
    public String staffRoleOf(AuditEvent event) {
        Role role = event.actorId == null ? null : lifecycle.staffAuthors().get(event.actorId);
        return role == null ? "" : role.id();
    }

    /**
     * Who started a check, as this viewer may see them (PRODUCT §6): for a customer, the staff role of the member of
     * staff who pressed the button; empty when a customer did, or when the viewer is staff (they see the person).
     */
    public String starterRole(Check check) {
        Role role = check.triggeredBy == null ? null : lifecycle.staffAuthors().get(check.triggeredBy);
        return role == null ? "" : role.id();
    }

    /**
     * The key under which the page caches the HTML of its artifact tabs ({@code {#cached}}, docs/benchmarks.md): the
     * connection, the documents' fingerprint and the language, everything the tabs show; empty without artifacts.
     */
    public String artifactsKey(String language) {
        Artifacts artifacts = artifacts();
        return artifacts == null ? "" : connection.id + "|" + language + "|" + artifacts.fingerprint();
    }

    /**
     * The key under which the page caches the HTML of its check history ({@code {#cached}}): the connection, whether
     * the viewer is staff, their language and time zone, and every check's id, outcome and starter as this viewer
     * sees them. The rest of a row (start, trigger, label) never changes once the check exists.
     */
    public String historyKey(String language, String zone) {
        StringBuilder key = new StringBuilder(64 + 48 * checks.size()).append(connection.id)
                .append(staff ? "|staff|" : "|customer|").append(language).append('|').append(zone);
        for (Check check : checks) {
            key.append('|').append(check.id).append(' ').append(check.outcome).append(' ').append(starterRole(check));
        }
        return key.toString();
    }

    /** The name of the API token that started a check, or null when none did. */
    public String starterApiToken(Check check) {
        String label = check.triggeredByLabel;
        return check.trigger == CheckTrigger.API && label != null && label.startsWith(AuditTrail.API_TOKEN_PREFIX)
                ? label.substring(AuditTrail.API_TOKEN_PREFIX.length()) : null;
    }

    public boolean canSubmitRole() {
        return customer && !connection.isRevoked();
    }

    /** The ARN of the role the artifacts create: {@code arn:{partition}:iam::{account}:role/{role name in the templates}}. */
    public String templateRoleArn() {
        return new RoleArn(Partition.fromId(connection.partition).orElseThrow(), new AccountId(connection.accountId), "/",
                PolicyModel.suggestedRoleName(connection.id.toString())).value();
    }

    /** True while the role ARN field shows {@link #templateRoleArn}: no role ARN is known and nothing was typed. */
    public boolean roleArnPrefilled() {
        return connection.roleArn == null && roleArnInput.isEmpty() && !errors.has("roleArn");
    }

    /** What the role ARN field shows: the input kept after an error, else the template's role ARN while none is known. */
    public String roleArnValue() {
        return roleArnPrefilled() ? templateRoleArn() : roleArnInput;
    }

    /** The full role ARN offered for a role name or console link just submitted; null when there is none. */
    public String suggestedRoleArn() {
        return errors.of("roleArn").stream().filter(error -> SUGGESTING_ERRORS.contains(error.key()))
                .map(error -> String.valueOf(error.arg(0))).findFirst().orElse(null);
    }
}
