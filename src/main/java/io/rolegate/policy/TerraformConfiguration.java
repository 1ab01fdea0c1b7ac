package io.rolegate.policy;

/**
 * A Terraform root module creating the role. The policies are heredocs holding the JSON documents
 * of the downloads; only HCL's template sequences are escaped.
 */
final class TerraformConfiguration {

    private TerraformConfiguration() {
    }

    static String render(PolicyModel model, String trustPolicyJson, String permissionPolicyJson) {
        // Role name, region and connection ID are validated to characters that need no HCL escaping;
        // the label only appears in a comment, which cannot hold a line break.
        return "# Rolegate connection " + model.connectionId() + ": " + model.label() + "\n"
                + "# Apply with credentials of AWS account " + model.customerAccount().value() + ".\n"
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

    /** Heredoc body: HCL would read ${ and %{ as interpolation and directives; doubling the sign keeps them literal. */
    static String heredoc(String json) {
        return json.replace("${", "$${").replace("%{", "%%{");
    }
}
