package io.rolegate.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Everything the customer is given for one connection, rendered together from one model.
 *
 * @param quickCreateLink the Launch Stack link; empty until the template is published, and once the role exists (a second stack would fail)
 * @param updatesRole true once the role's ARN is known: the artifacts update that role rather than create it
 * @param fingerprint SHA-256 (hex) of the five documents' file names and contents: equal fingerprints, equal
 *                    documents; pages cache the documents' HTML under it
 */
public record Artifacts(Document trustPolicy, Document permissionPolicy, Document cloudFormation,
                        Document terraform, Document cliCommands, Optional<String> quickCreateLink, boolean updatesRole,
                        String fingerprint) {

    public static final String TRUST_POLICY = "trust-policy.json";
    public static final String PERMISSION_POLICY = "permission-policy.json";
    public static final String CLOUDFORMATION = "cloudformation.yaml";
    public static final String TERRAFORM = "main.tf";
    public static final String CLI_COMMANDS = "create-role.sh";

    private static final String JSON = "application/json";
    private static final String YAML = "application/yaml; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    /**
     * @param publishedTemplateUrl where the CloudFormation template of exactly this model is published (PRODUCT §12);
     *                             empty means no quick-create link
     */
    public static Artifacts render(PolicyModel model, Optional<String> publishedTemplateUrl) {
        String trust = TrustPolicy.json(model);
        String permission = PermissionPolicy.json(model);
        Document trustPolicy = new Document(TRUST_POLICY, JSON, trust);
        Document permissionPolicy = new Document(PERMISSION_POLICY, JSON, permission);
        Document cloudFormation = new Document(CLOUDFORMATION, YAML, CloudFormationTemplate.render(model, trust, permission));
        Document terraform = new Document(TERRAFORM, TEXT, TerraformConfiguration.render(model, trust, permission));
        Document cliCommands = new Document(CLI_COMMANDS, TEXT, CliCommands.render(model, trust, permission));
        return new Artifacts(trustPolicy, permissionPolicy, cloudFormation, terraform, cliCommands,
                publishedTemplateUrl.filter(url -> !url.isBlank() && !model.updatesRole()).map(url -> QuickCreateLink.build(model, url)),
                model.updatesRole(), fingerprint(trustPolicy, permissionPolicy, cloudFormation, terraform, cliCommands));
    }

    private static String fingerprint(Document... documents) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        for (Document document : documents) {
            sha256.update(document.fileName().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(document.content().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The same artifacts with the Launch Stack link to the template of {@code model} published at {@code templateUrl}; none once the role exists. */
    public Artifacts withPublishedTemplate(PolicyModel model, String templateUrl) {
        return new Artifacts(trustPolicy, permissionPolicy, cloudFormation, terraform, cliCommands,
                updatesRole ? Optional.empty() : Optional.of(QuickCreateLink.build(model, templateUrl)), updatesRole,
                fingerprint);
    }

    public List<Document> documents() {
        return List.of(trustPolicy, permissionPolicy, cloudFormation, terraform, cliCommands);
    }

    /** The document behind a download route such as {@code /connections/{id}/main.tf}. */
    public Optional<Document> byFileName(String fileName) {
        return documents().stream().filter(document -> document.fileName().equals(fileName)).findFirst();
    }
}
