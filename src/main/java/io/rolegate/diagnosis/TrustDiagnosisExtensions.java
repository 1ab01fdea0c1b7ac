package io.rolegate.diagnosis;

import java.util.List;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;
import io.rolegate.connection.Connection;
import io.rolegate.connection.Partition;
import io.rolegate.policy.PolicyModel;

/** What the trust diagnosis offer shows on the setup and check pages. */
@TemplateExtension
public class TrustDiagnosisExtensions {

    /** The longest trust policy read, for the form's hint: {@code {trustdiag:maxLength}}. */
    @TemplateExtension(namespace = "trustdiag")
    static int maxLength() {
        return PastedPolicy.MAX_LENGTH;
    }

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    /** Every finding, for the help page {@code /help/codes}: {@code {trustdiag:findings}}. */
    @TemplateExtension(namespace = "trustdiag")
    static List<TrustFinding> findings() {
        return List.of(TrustFinding.values());
    }

    /** The values a finding's fix names, in the capitals the help page shows: {@code {trustdiag:placeholders}}. */
    @TemplateExtension(namespace = "trustdiag")
    static FindingFacts placeholders() {
        return FindingFacts.PLACEHOLDERS;
    }

    static String trustDiagnosisAction(Connection connection) {
        return "/connections/" + connection.id + "/trust-diagnosis";
    }

    /**
     * The AWS CLI command that prints the role's trust policy: {@code aws iam get-role --role-name NAME --query
     * Role.AssumeRolePolicyDocument --output json}, for the role of {@code roleArn} (the name the templates give the
     * role while none is known). Outside the {@code aws} partition it names the connection's home region, which puts
     * the CLI in that partition. Role names hold no character a shell would interpret.
     */
    static String getRoleCommand(Connection connection, String roleArn) {
        String name = roleArn == null ? "" : roleArn.substring(roleArn.lastIndexOf('/') + 1);
        if (!ROLE_NAME.matcher(name).matches()) {
            name = PolicyModel.suggestedRoleName(connection.id.toString());
        }
        String region = Partition.AWS.id().equals(connection.partition) ? "" : " --region " + connection.region;
        return "aws iam get-role --role-name " + name + " --query Role.AssumeRolePolicyDocument" + region
                + " --output json";
    }
}
