package io.rolegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.ConnectionValidator;
import io.rolegate.connection.FieldError;
import io.rolegate.connection.Parsed;

/**
 * What IAM receives from each artifact stays within IAM's input rules and still means the prefix that was
 * granted (PRODUCT §4, docs/artifacts.md). Each artifact is read the way its tool reads it: the JSON files
 * and the CLI's quoted heredocs reach IAM verbatim; CloudFormation parses the template and sends the
 * documents it serialises; the Terraform provider parses the heredoc and sends Go's re-encoding of it,
 * which writes non-ASCII characters raw. Both of the latter are modelled by parsing and re-serialising
 * without escapes.
 */
class IamInputRulesTest {

    /** CreateRole / PutRolePolicy / UpdateAssumeRolePolicy: {@code PolicyDocument}. */
    private static final Pattern POLICY_DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    /** CreateRole: {@code RoleName}. */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    /** CreateRole: {@code Description}. */
    private static final Pattern ROLE_DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]{0,1000}");
    /** CreateRole: {@code Path}. */
    private static final Pattern ROLE_PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");
    /** The default quota of a role's trust policy, counted without white space. */
    private static final int TRUST_POLICY_LIMIT = 2048;
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\t\\n\\u0020-\\u007E]*");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Prefixes the form accepts, from plain to every printable Latin-1 character and the JSON, YAML and HCL specials. */
    static Stream<Arguments> acceptedPrefixes() {
        String latin1 = IntStream.rangeClosed(0xA0, 0xFF).mapToObj(Character::toString).collect(Collectors.joining());
        return Stream.of(
                Arguments.of("plain", "reports/2024/"),
                Arguments.of("French", "données/été/"),
                Arguments.of("every printable Latin-1 character", latin1 + "/"),
                Arguments.of("JSON, YAML and HCL specials", "a \"quoted\" \\ back $ { } %{x} $x# &<>'!:/"),
                Arguments.of("the longest prefix, in two-byte characters", "é".repeat(BucketGrant.MAX_PREFIX_BYTES / 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedPrefixes")
    void everyArtifactHandsIamADocumentWithinItsRulesThatMeansTheGrantedPrefix(String what, String prefix) throws Exception {
        PolicyModel model = withPrefix(prefix, PolicyCases.oneBucket());
        Artifacts artifacts = Artifacts.render(model, Optional.empty());
        Map<String, String> documents = asIamReceivesThem(artifacts);
        assertEquals(8, documents.size(), documents.keySet().toString());
        for (Map.Entry<String, String> document : documents.entrySet()) {
            String where = document.getKey();
            String text = document.getValue();
            assertTrue(POLICY_DOCUMENT.matcher(text).matches(), where + " holds characters IAM refuses:\n" + text);
            int size = text.replaceAll("\\s", "").length();
            if (where.endsWith("trust")) {
                assertTrue(size <= TRUST_POLICY_LIMIT, where + " has " + size + " characters");
                assertEquals(List.of(model.currentExternalId().value()),
                        strings(JSON.readTree(text).at("/Statement/Condition/StringEquals/sts:ExternalId")), where);
            } else {
                assertTrue(size <= ConnectionValidator.MAX_PERMISSION_POLICY_CHARACTERS, where + " has " + size + " characters");
                JsonNode statements = JSON.readTree(text).get("Statement");
                assertEquals(List.of(prefix + "*"), strings(statement(statements, "ListPrefix1").at("/Condition/StringLike/s3:prefix")), where);
                assertEquals(List.of("arn:aws:s3:::acme-data/" + prefix + "*"), strings(statement(statements, "ReadObjects").get("Resource")), where);
            }
        }
    }

    /** Pure ASCII reaches IAM unchanged through any shell, file encoding or copy and paste. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedPrefixes")
    void thePolicyDocumentsEveryArtifactShowsArePrintableAscii(String what, String prefix) {
        Artifacts artifacts = Artifacts.render(withPrefix(prefix, PolicyCases.oneBucket()), Optional.empty());
        for (String json : List.of(artifacts.trustPolicy().content(), artifacts.permissionPolicy().content())) {
            assertTrue(PRINTABLE_ASCII.matcher(json).matches(), json);
            assertTrue(artifacts.cliCommands().content().contains(json));
            assertTrue(artifacts.terraform().content().contains(TerraformConfiguration.heredoc(json)));
            json.lines().forEach(line -> assertTrue(artifacts.cloudFormation().content().contains(line), line));
        }
    }

    /** The Japanese folder of the report and an emoji: the form refuses them, and no model can carry them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rg-data/レポート/2026/", "rg-data/😀/", "レポート/"})
    void aPrefixBeyondIamsCharactersReachesNoArtifact(String prefix) {
        Parsed<BucketGrant> parsed = BucketGrant.parse("acme-data/" + prefix);
        assertEquals("buckets.prefix.beyondIam", assertInstanceOf(Parsed.Invalid.class, parsed).error().key());
        BucketGrant stored = new BucketGrant("acme-data", prefix);
        PolicyModel good = PolicyCases.oneBucket();
        assertThrows(IllegalArgumentException.class, () -> new PolicyModel(good.connectionId(), good.label(), good.partition(),
                good.homeRegion(), good.customerAccount(), good.roleName(), good.externalIds(), List.of(stored), good.kmsKeys(),
                good.vendorPrincipal()));
    }

    @Test
    void theRefusalNamesTheCharacterAndTheWidestGrantIamCanName() {
        assertEquals(FieldError.of("buckets.prefix.beyondIam", "レ (U+30EC)", "acme-data/rg-data/"),
                ((Parsed.Invalid<BucketGrant>) BucketGrant.parse("acme-data/rg-data/レポート/2026/")).error());
        assertEquals(FieldError.of("buckets.prefix.beyondIam", "😀 (U+1F600)", "acme-data/rg-data/"),
                ((Parsed.Invalid<BucketGrant>) BucketGrant.parse("acme-data/rg-data/😀/")).error());
        assertEquals(FieldError.of("buckets.prefix.beyondIam", "Ā (U+0100)", "acme-data"),
                ((Parsed.Invalid<BucketGrant>) BucketGrant.parse("acme-data/Āb")).error());
        assertInstanceOf(Parsed.Valid.class, BucketGrant.parse("acme-data/ÿ"));
    }

    /** Besides the documents, CreateRole takes the role's name, description and path; the label (any text) never reaches them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rolegate.policy.PolicyCases#names")
    void theRolesNameDescriptionAndPathFollowIamsPatternsInEveryArtifact(String name) {
        PolicyModel model = PolicyCases.all().get(name);
        PolicyModel labelled = new PolicyModel(model.connectionId(), "東京 😀 \"lake\" \u00A0\\", model.partition(), model.homeRegion(),
                model.customerAccount(), model.roleName(), model.externalIds(), model.buckets(), model.kmsKeys(), model.vendorPrincipal());
        Artifacts artifacts = Artifacts.render(labelled, Optional.empty());
        Map<String, Object> role = map(map(yaml(artifacts.cloudFormation().content()).get("Resources")).get("Role"));
        Map<String, Object> properties = map(role.get("Properties"));
        List<String> names = new ArrayList<>(List.of((String) properties.get("RoleName")));
        List<String> descriptions = new ArrayList<>(List.of((String) properties.get("Description")));
        names.addAll(all(artifacts.terraform().content(), "\\n  name                 = \"([^\"]*)\""));
        descriptions.addAll(all(artifacts.terraform().content(), "\\n  description          = \"([^\"]*)\""));
        names.addAll(all(artifacts.cliCommands().content(), "--role-name (\\S+)"));
        descriptions.addAll(all(artifacts.cliCommands().content(), "--description \"([^\"]*)\""));
        assertTrue(names.size() >= 4, names.toString());
        names.forEach(value -> assertTrue(ROLE_NAME.matcher(value).matches(), value));
        descriptions.forEach(value -> assertTrue(ROLE_DESCRIPTION.matcher(value).matches(), value));
        Object path = properties.getOrDefault("Path", "/");
        assertTrue(ROLE_PATH.matcher((String) path).matches(), String.valueOf(path));
    }

    /** Every policy document of the artifacts, as the tool that applies it hands it to IAM. */
    static Map<String, String> asIamReceivesThem(Artifacts artifacts) throws Exception {
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("trust-policy.json trust", artifacts.trustPolicy().content());
        documents.put("permission-policy.json permission", artifacts.permissionPolicy().content());

        Map<String, Object> properties = map(map(map(yaml(artifacts.cloudFormation().content()).get("Resources")).get("Role")).get("Properties"));
        documents.put("cloudformation.yaml trust", JSON.writeValueAsString(properties.get("AssumeRolePolicyDocument")));
        documents.put("cloudformation.yaml permission",
                JSON.writeValueAsString(map(((List<?>) properties.get("Policies")).get(0)).get("PolicyDocument")));

        List<String> terraform = all(artifacts.terraform().content(), "<<EOT\\n(.*?)EOT\\n");
        assertEquals(2, terraform.size());
        documents.put("main.tf trust", JSON.writeValueAsString(JSON.readTree(hclHeredocValue(terraform.get(0)))));
        documents.put("main.tf permission", JSON.writeValueAsString(JSON.readTree(hclHeredocValue(terraform.get(1)))));

        List<String> cli = all(artifacts.cliCommands().content(), "<<'EOF'\\n(.*?)EOF\\n");
        assertEquals(2, cli.size());
        documents.put("create-role.sh trust", cli.get(0));
        documents.put("create-role.sh permission", cli.get(1));
        return documents;
    }

    /** A heredoc's string value: HCL reads {@code $${} and {@code %%{} as the literal {@code ${} and {@code %{}, and nothing else specially. */
    private static String hclHeredocValue(String body) {
        return body.replace("$${", "${").replace("%%{", "%{");
    }

    static PolicyModel withPrefix(String prefix, PolicyModel model) {
        return new PolicyModel(model.connectionId(), model.label(), model.partition(), model.homeRegion(), model.customerAccount(),
                model.roleName(), model.externalIds(), List.of(BucketGrant.parse("acme-data/" + prefix).orThrow()), model.kmsKeys(),
                model.vendorPrincipal());
    }

    private static JsonNode statement(JsonNode statements, String sid) {
        for (JsonNode statement : statements) {
            if (sid.equals(statement.path("Sid").asText())) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + statements);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private static List<String> all(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
