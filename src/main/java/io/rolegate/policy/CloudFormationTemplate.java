package io.rolegate.policy;

import io.rolegate.connection.ExternalId;

/**
 * A CloudFormation template creating the role; once the role's ARN is known, the same template with
 * that role's name and path, and comments on how to update the stack with it (PRODUCT §4). The two
 * policy documents are embedded as the very JSON text of the downloads (JSON is YAML flow syntax), so
 * template and files cannot differ.
 *
 * <p>The {@code ExternalId} parameter carries the ID into the quick-create page, where the customer
 * sees it, and into the stack outputs; the trust policy names the ID(s) literally, so its allowed
 * values are exactly the IDs the trust policy names and a changed parameter cannot loosen the trust.
 *
 * <p>With automatic registration configured the template also holds the {@code Custom::RolegateRegistration}
 * resource of PRODUCT §12, which sends the role's ARN, the connection ID and its registration token to the vendor.
 */
final class CloudFormationTemplate {

    private CloudFormationTemplate() {
    }

    static String render(PolicyModel model, String trustPolicyJson, String permissionPolicyJson) {
        StringBuilder yaml = new StringBuilder();
        if (model.updatesRole()) {
            // The ID is validated to characters that need no quoting in a comment or a shell argument.
            String externalId = model.currentExternalId().value();
            yaml.append("# Updates the role ").append(model.roleName()).append(" of the stack you created from an earlier version of\n");
            yaml.append("# this template (").append(model.stackName()).append(" when created with the Launch Stack button): in the\n");
            yaml.append("# CloudFormation console choose the stack, Update, Replace existing template, upload this\n");
            yaml.append("# file and set ExternalId to ").append(externalId).append(". Or run:\n");
            yaml.append("#   aws cloudformation update-stack --region ").append(model.homeRegion()).append(" --stack-name ")
                    .append(model.stackName()).append(" \\\n");
            yaml.append("#     --template-body file://").append(Artifacts.CLOUDFORMATION).append(" --capabilities CAPABILITY_NAMED_IAM \\\n");
            yaml.append("#     --parameters ParameterKey=ExternalId,ParameterValue=").append(externalId).append('\n');
            yaml.append("# A role created another way is updated with the AWS CLI commands instead.\n");
        }
        yaml.append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
        yaml.append("Description: ").append(YamlScalar.quoted(
                "Rolegate read access for connection " + model.connectionId() + " (" + model.label() + ")")).append('\n');
        yaml.append("Parameters:\n");
        yaml.append("  ExternalId:\n");
        yaml.append("    Type: String\n");
        yaml.append("    Description: \"External ID Rolegate sends when it assumes the role. Fixed by Rolegate; the trust policy names it.\"\n");
        yaml.append("    Default: ").append(YamlScalar.quoted(model.currentExternalId().value())).append('\n');
        yaml.append("    AllowedValues:\n");
        for (ExternalId id : model.externalIds()) {
            yaml.append("      - ").append(YamlScalar.quoted(id.value())).append('\n');
        }
        yaml.append("Resources:\n");
        yaml.append("  Role:\n");
        yaml.append("    Type: AWS::IAM::Role\n");
        yaml.append("    Properties:\n");
        yaml.append("      RoleName: ").append(YamlScalar.quoted(model.roleName())).append('\n');
        if (!model.rolePath().equals("/")) {
            yaml.append("      Path: ").append(YamlScalar.quoted(model.rolePath())).append('\n');
        }
        yaml.append("      Description: ").append(YamlScalar.quoted("Read access for Rolegate connection " + model.connectionId())).append('\n');
        yaml.append("      MaxSessionDuration: ").append(PolicyModel.MAX_SESSION_DURATION_SECONDS).append('\n');
        yaml.append("      AssumeRolePolicyDocument:\n");
        appendIndented(yaml, trustPolicyJson, 8);
        yaml.append("      Policies:\n");
        yaml.append("        - PolicyName: ").append(YamlScalar.quoted(PolicyModel.POLICY_NAME)).append('\n');
        yaml.append("          PolicyDocument:\n");
        appendIndented(yaml, permissionPolicyJson, 12);
        model.registration().ifPresent(registration -> appendRegistration(yaml, model, registration));
        yaml.append("Outputs:\n");
        yaml.append("  RoleArn:\n");
        yaml.append("    Description: \"Paste this role ARN into Rolegate.\"\n");
        // Long forms of !GetAtt and !Ref, which any YAML reader can load without CloudFormation's tags.
        yaml.append("    Value:\n");
        yaml.append("      Fn::GetAtt: [Role, Arn]\n");
        yaml.append("  ExternalId:\n");
        yaml.append("    Description: \"External ID this role requires.\"\n");
        yaml.append("    Value:\n");
        yaml.append("      Ref: ExternalId\n");
        return yaml.toString();
    }

    /**
     * PRODUCT §12: the custom resource whose create, update and delete CloudFormation sends to the vendor's SNS topic,
     * so Rolegate learns the role's ARN without the customer pasting it (docs/onboarding.md).
     */
    private static void appendRegistration(StringBuilder yaml, PolicyModel model, PolicyModel.Registration registration) {
        yaml.append("  # Tells Rolegate this role's ARN when the stack is created, updated or deleted.\n");
        yaml.append("  Registration:\n");
        yaml.append("    Type: Custom::RolegateRegistration\n");
        yaml.append("    Properties:\n");
        yaml.append("      ServiceToken: ").append(YamlScalar.quoted(registration.serviceToken())).append('\n');
        yaml.append("      RoleArn:\n");
        yaml.append("        Fn::GetAtt: [Role, Arn]\n");
        yaml.append("      ConnectionId: ").append(YamlScalar.quoted(model.connectionId())).append('\n');
        yaml.append("      RegistrationToken: ").append(YamlScalar.quoted(registration.token())).append('\n');
        yaml.append("      ExternalId:\n");
        yaml.append("        Ref: ExternalId\n");
    }

    private static void appendIndented(StringBuilder yaml, String json, int indent) {
        String margin = " ".repeat(indent);
        json.lines().forEach(line -> yaml.append(margin).append(line).append('\n'));
    }
}
