package io.rolegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rolegate.connection.Partition;
import io.rolegate.connection.RoleArn;

/** The template, the Terraform module and the CLI commands carry exactly the two JSON documents. */
class ArtifactConsistencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() {
        return PolicyCases.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cloudFormationEmbedsTheJsonDocuments(String name) throws Exception {
        PolicyModel model = PolicyCases.all().get(name);
        Artifacts artifacts = Artifacts.render(model, Optional.empty());
        Map<String, Object> template = yaml(artifacts.cloudFormation().content());

        Map<String, Object> role = map(map(template.get("Resources")).get("Role"));
        assertEquals("AWS::IAM::Role", role.get("Type"));
        Map<String, Object> properties = map(role.get("Properties"));
        assertEquals(tree(artifacts.trustPolicy().content()), properties.get("AssumeRolePolicyDocument"));
        Map<String, Object> inline = map(((List<?>) properties.get("Policies")).get(0));
        assertEquals(tree(artifacts.permissionPolicy().content()), inline.get("PolicyDocument"));
        assertEquals(3600, properties.get("MaxSessionDuration"));
        assertEquals(model.roleName(), properties.get("RoleName"));
        assertEquals(model.rolePath(), properties.getOrDefault("Path", "/"));

        Map<String, Object> parameter = map(map(template.get("Parameters")).get("ExternalId"));
        assertEquals(model.currentExternalId().value(), parameter.get("Default"));
        assertEquals(model.externalIds().stream().map(Object::toString).toList(), parameter.get("AllowedValues"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Role", "Arn")), map(map(template.get("Outputs")).get("RoleArn")).get("Value"));
        assertEquals("2010-09-09", template.get("AWSTemplateFormatVersion"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void terraformAndCliCarryTheJsonDocumentsVerbatim(String name) {
        Artifacts artifacts = Artifacts.render(PolicyCases.all().get(name), Optional.empty());
        String terraform = artifacts.terraform().content();
        assertEquals(artifacts.trustPolicy().content(), between(terraform, "assume_role_policy   = <<EOT\n", "EOT\n"));
        assertEquals(artifacts.permissionPolicy().content(), between(terraform, "policy = <<EOT\n", "EOT\n"));
        String cli = artifacts.cliCommands().content();
        assertEquals(artifacts.trustPolicy().content(), between(cli, "cat > trust-policy.json <<'EOF'\n", "EOF\n"));
        assertEquals(artifacts.permissionPolicy().content(), between(cli, "cat > permission-policy.json <<'EOF'\n", "EOF\n"));
    }

    /** A role made by hand, with a path, then submitted: every artifact updates that role, none creates one (PRODUCT §4). */
    @Test
    void onceTheRoleArnIsKnownEveryArtifactUpdatesThatRoleByItsNameAndPath() throws Exception {
        PolicyModel model = PolicyCases.all().get("known-role");
        Artifacts artifacts = Artifacts.render(model, Optional.of(PolicyCases.TEMPLATE_URL));
        assertTrue(artifacts.updatesRole());
        assertEquals(Optional.empty(), artifacts.quickCreateLink(), "a Launch Stack link would create a second role");

        String cli = artifacts.cliCommands().content();
        assertFalse(cli.contains("create-role"), cli);
        assertTrue(cli.contains("aws iam update-assume-role-policy --region us-gov-west-1 --role-name VendorRole \\\n"
                + "  --policy-document file://trust-policy.json\n"), cli);
        assertTrue(cli.contains("aws iam put-role-policy --region us-gov-west-1 --role-name VendorRole \\\n  --policy-name rolegate-read"), cli);
        assertTrue(cli.contains("# Updates the existing role arn:aws-us-gov:iam::111122223333:role/partners/VendorRole in place"), cli);

        String terraform = artifacts.terraform().content();
        assertTrue(terraform.contains("  name                 = \"VendorRole\"\n  path                 = \"/partners/\"\n"), terraform);
        assertTrue(terraform.contains("# terraform apply.") && terraform.contains("terraform import aws_iam_role.rolegate VendorRole\n"), terraform);

        String template = artifacts.cloudFormation().content();
        Map<String, Object> properties = map(map(map(yaml(template).get("Resources")).get("Role")).get("Properties"));
        assertEquals("VendorRole", properties.get("RoleName"));
        assertEquals("/partners/", properties.get("Path"));
        assertTrue(template.startsWith("# Updates the role VendorRole of the stack"), template);
        assertTrue(template.contains("#   aws cloudformation update-stack --region us-gov-west-1 --stack-name rolegate-c0a8012e-known"), template);
        assertTrue(template.contains("--parameters ParameterKey=ExternalId,ParameterValue=rg-knowncase888888888888888888888888\n"), template);
    }

    @Test
    void aRolePathIsQuotedForHclAndYaml() {
        String path = "/we\"ird${x}%{y}\\/";
        PolicyModel model = PolicyCases.oneBucket().withExistingRole(PolicyCases.role("arn:aws:iam::111122223333:role" + path + "rolegate-c0a8012e-one"));
        Artifacts artifacts = Artifacts.render(model, Optional.empty());
        assertTrue(artifacts.terraform().content().contains("  path                 = \"/we\\\"ird$${x}%%{y}\\\\/\"\n"), artifacts.terraform().content());
        Map<String, Object> properties = map(map(map(yaml(artifacts.cloudFormation().content()).get("Resources")).get("Role")).get("Properties"));
        assertEquals(path, properties.get("Path"));
    }

    @Test
    void untilTheRoleArnIsKnownTheArtifactsCreateTheRole() {
        Artifacts artifacts = Artifacts.render(PolicyCases.oneBucket(), Optional.of(PolicyCases.TEMPLATE_URL));
        assertFalse(artifacts.updatesRole());
        assertTrue(artifacts.quickCreateLink().isPresent());
        assertTrue(artifacts.cliCommands().content().contains("aws iam create-role --region us-east-1 --role-name rolegate-c0a8012e-one"));
        assertFalse(artifacts.cliCommands().content().contains("update-assume-role-policy"));
        assertFalse(artifacts.cloudFormation().content().contains("update-stack"));
        assertFalse(artifacts.terraform().content().contains("terraform import"));
    }

    @Test
    void aRoleOfAnotherAccountPartitionOrNameCannotBeTheModelsRole() {
        PolicyModel model = PolicyCases.oneBucket();
        for (String arn : List.of("arn:aws:iam::111122223333:role/other", "arn:aws-cn:iam::111122223333:role/rolegate-c0a8012e-one")) {
            RoleArn role = PolicyCases.role(arn);
            assertThrows(IllegalArgumentException.class, () -> new PolicyModel(model.connectionId(), model.label(), model.partition(),
                    model.homeRegion(), model.customerAccount(), model.roleName(), model.externalIds(), model.buckets(), model.kmsKeys(),
                    model.vendorPrincipal(), Optional.of(role)));
        }
    }

    @Test
    void terraformEscapesTemplateSequencesThatAPrefixMayHold() {
        PolicyModel model = PolicyCases.model("c1", "Percent", Partition.AWS, "us-east-1", List.of("rg-percent000000000000000000000000"),
                List.of("acme-data/100%{done}/"), List.of(), PolicyCases.root(Partition.AWS));
        Artifacts artifacts = Artifacts.render(model, Optional.empty());
        String heredoc = between(artifacts.terraform().content(), "policy = <<EOT\n", "EOT\n");
        assertFalse(heredoc.contains("100%{done}"), "an unescaped %{ would be read as a Terraform directive");
        assertEquals(artifacts.permissionPolicy().content(), heredoc.replace("%%{", "%{").replace("$${", "${"));
    }

    @Test
    void hostileLabelStaysInsideTheTemplateDescription() throws Exception {
        String label = "Prod \"lake\" \\ <script>alert(1)</script> '; DROP TABLE x; -- 東京 😀 \u00A0end";
        PolicyModel model = PolicyCases.model("c2", label, Partition.AWS, "us-east-1", List.of("rg-hostile000000000000000000000000"),
                List.of("acme-data"), List.of(), PolicyCases.root(Partition.AWS));
        Artifacts artifacts = Artifacts.render(model, Optional.empty());
        Map<String, Object> template = yaml(artifacts.cloudFormation().content());
        assertEquals("Rolegate read access for connection c2 (" + label + ")", template.get("Description"));
        assertTrue(artifacts.terraform().content().startsWith("# Rolegate connection c2: " + label + "\n"));
    }

    @Test
    void yamlScalarEscapesLineBreaksYamlWouldFold() throws Exception {
        String text = "a\u0085b\u2028c\u2029d\te\uFEFF\u0007";
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load("value: " + YamlScalar.quoted(text));
        assertEquals(Map.of("value", text), loaded);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "missing " + start);
        from += start.length();
        int to = text.indexOf(end, from);
        return text.substring(from, to);
    }

    private static Object tree(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    /** PRODUCT §12: the template tells Rolegate the role it created, the connection and its token; the external ID from the parameter. */
    @Test
    void theRegistrationResourceSendsTheRoleArnConnectionTokenAndExternalId() {
        Map<String, Object> resources = map(yaml(Artifacts.render(PolicyCases.oneBucket(), Optional.empty()).cloudFormation().content())
                .get("Resources"));
        Map<String, Object> registration = map(resources.get("Registration"));
        assertEquals("Custom::RolegateRegistration", registration.get("Type"));
        Map<String, Object> properties = map(registration.get("Properties"));
        assertEquals("arn:aws:sns:us-east-1:999988887777:rolegate-registration", properties.get("ServiceToken"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Role", "Arn")), properties.get("RoleArn"));
        assertEquals("c0a8012e-one", properties.get("ConnectionId"));
        assertEquals(PolicyCases.REGISTRATION_TOKEN, properties.get("RegistrationToken"));
        assertEquals(Map.of("Ref", "ExternalId"), properties.get("ExternalId"));
    }

    @Test
    void withoutRegistrationConfiguredTheTemplateHasNoRegistrationResource() {
        String template = Artifacts.render(PolicyCases.all().get("bucket-with-prefix"), Optional.empty()).cloudFormation().content();
        assertFalse(map(yaml(template).get("Resources")).containsKey("Registration"), template);
        assertFalse(template.contains("Custom::RolegateRegistration"), template);
    }

    /** AWS requires the topic in the stack's region: a topic of another region or partition is a configuration error. */
    @Test
    void theRegistrationTopicMustBeInTheConnectionsPartitionAndRegion() {
        PolicyModel model = PolicyCases.all().get("bucket-with-prefix");
        assertThrows(IllegalArgumentException.class, () -> model.withRegistration(new PolicyModel.Registration(
                "arn:aws:sns:us-east-1:999988887777:rolegate-registration", PolicyCases.REGISTRATION_TOKEN)));
        assertThrows(IllegalArgumentException.class, () -> model.withRegistration(new PolicyModel.Registration(
                "arn:aws-cn:sns:eu-west-1:999988887777:rolegate-registration", PolicyCases.REGISTRATION_TOKEN)));
        assertThrows(IllegalArgumentException.class, () -> new PolicyModel.Registration(
                "https://sns.eu-west-1.amazonaws.com/", PolicyCases.REGISTRATION_TOKEN));
        assertThrows(IllegalArgumentException.class, () -> new PolicyModel.Registration(
                "arn:aws:sns:eu-west-1:999988887777:rolegate-registration", "short"));
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
