package io.rolegate.policy;

/**
 * A Terraform root module creating the role; once the role's ARN is known, the same module with that
 * role's name and path, which {@code terraform apply} updates in place (PRODUCT §4). The policies are
 * heredocs holding the JSON documents of the downloads; only HCL's template sequences are escaped.
 */
final class TerraformConfiguration {

    private TerraformConfiguration() {
    }

    static String render(PolicyModel model, String trustPolicyJson, String permissionPolicyJson) {
        // Role name, region and connection ID are validated to characters that need no HCL escaping, the
        // path is quoted, and the label only appears in a comment, which cannot hold a line break.
        return "# Rolegate connection " + model.connectionId() + ": " + model.label() + "\n"
                + "# Apply with credentials of AWS account " + model.customerAccount().value() + ".\n"
                + (model.updatesRole() ? updateComment(model) : "")
                + "\n"
                + "terraform {\n"
                + "  required_providers {\n"
                + "    aws = {\n"
                + "      source  = \"hashicorp/aws\"\n"
                + "      version = \">= 5.0\"\n"
                + "    }\n"
                + "  }\n"
                + "}\n"
                + "\n"
                + "provider \"aws\" {\n"
                + "  region = \"" + model.homeRegion() + "\"\n"
                + "}\n"
                + "\n"
                + "resource \"aws_iam_role\" \"rolegate\" {\n"
                + "  name                 = \"" + model.roleName() + "\"\n"
                + (model.rolePath().equals("/") ? "" : "  path                 = " + quoted(model.rolePath()) + "\n")
                + "  description          = \"Read access for Rolegate connection " + model.connectionId() + "\"\n"
                + "  max_session_duration = " + PolicyModel.MAX_SESSION_DURATION_SECONDS + "\n"
                + "  assume_role_policy   = <<EOT\n"
                + heredoc(trustPolicyJson)
                + "EOT\n"
                + "}\n"
                + "\n"
                + "resource \"aws_iam_role_policy\" \"rolegate_read\" {\n"
                + "  name   = \"" + PolicyModel.POLICY_NAME + "\"\n"
                + "  role   = aws_iam_role.rolegate.id\n"
                + "  policy = <<EOT\n"
                + heredoc(permissionPolicyJson)
                + "EOT\n"
                + "}\n"
                + "\n"
                + "output \"role_arn\" {\n"
                + "  description = \"Paste this role ARN into Rolegate.\"\n"
                + "  value       = aws_iam_role.rolegate.arn\n"
                + "}\n";
    }

    private static String updateComment(PolicyModel model) {
        return "# Updates the existing role " + model.roleName() + ": replace the earlier version of this file and run\n"
                + "# terraform apply. A role created by hand or with the AWS CLI is not in your Terraform state\n"
                + "# yet; import it first: terraform import aws_iam_role.rolegate " + model.roleName() + "\n";
    }

    /** A quoted HCL string: backslashes and quotes escaped, template sequences kept literal. */
    static String quoted(String text) {
        return "\"" + heredoc(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    /** Heredoc body: HCL would read ${ and %{ as interpolation and directives; doubling the sign keeps them literal. */
    static String heredoc(String json) {
        return json.replace("${", "$${").replace("%{", "%%{");
    }
}
