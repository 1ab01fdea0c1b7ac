package io.rolegate.policy;

/**
 * AWS CLI commands that write the two policy files and create the role, or, once the role's ARN is
 * known, update that role in place: creating it again would fail with EntityAlreadyExists (PRODUCT §4).
 * {@code --region} sends IAM calls to the connection's partition, whose IAM endpoint differs from the
 * commercial one.
 */
final class CliCommands {

    private CliCommands() {
    }

    static String render(PolicyModel model, String trustPolicyJson, String permissionPolicyJson) {
        // Role name and region are validated to characters the shell reads literally; the label only
        // appears in a comment, which cannot hold a line break. Quoted heredocs expand nothing.
        String role = " --role-name " + model.roleName();
        String region = " --region " + model.homeRegion();
        StringBuilder sh = new StringBuilder();
        sh.append("# Rolegate connection ").append(model.connectionId()).append(": ").append(model.label()).append('\n');
        sh.append("# Run with credentials of AWS account ").append(model.customerAccount().value()).append(".\n");
        model.existingRole().ifPresent(existing -> sh.append("# Updates the existing role ").append(existing.value())
                .append(" in place: its trust policy and its policy ").append(PolicyModel.POLICY_NAME).append(".\n"));
        sh.append('\n');
        sh.append("cat > ").append(Artifacts.TRUST_POLICY).append(" <<'EOF'\n").append(trustPolicyJson).append("EOF\n\n");
        sh.append("cat > ").append(Artifacts.PERMISSION_POLICY).append(" <<'EOF'\n").append(permissionPolicyJson).append("EOF\n\n");
        if (model.updatesRole()) {
            sh.append("aws iam update-assume-role-policy").append(region).append(role)
                    .append(" \\\n  --policy-document file://").append(Artifacts.TRUST_POLICY).append("\n\n");
        } else {
            sh.append("aws iam create-role").append(region).append(role)
                    .append(" \\\n  --assume-role-policy-document file://").append(Artifacts.TRUST_POLICY)
                    .append(" \\\n  --max-session-duration ").append(PolicyModel.MAX_SESSION_DURATION_SECONDS)
                    .append(" \\\n  --description \"Read access for Rolegate connection ").append(model.connectionId()).append("\"\n\n");
        }
        sh.append("aws iam put-role-policy").append(region).append(role)
                .append(" \\\n  --policy-name ").append(PolicyModel.POLICY_NAME)
                .append(" \\\n  --policy-document file://").append(Artifacts.PERMISSION_POLICY).append("\n\n");
        sh.append("aws iam get-role").append(region).append(role).append(" --query Role.Arn --output text\n");
        return sh.toString();
    }
}
