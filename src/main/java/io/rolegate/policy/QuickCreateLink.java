package io.rolegate.policy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The CloudFormation console's quick-create link for a connection's published template
 * ({@code {base}/{connectionId}/cloudformation.yaml}), opened on the console of the connection's
 * partition and in its home region, with the stack name and external ID filled in.
 */
public final class QuickCreateLink {

    private QuickCreateLink() {
    }

    /**
     * @param templateBaseUrl {@code rolegate.cloudformation.template-base-url}: an absolute https URL
     * @throws IllegalArgumentException when the base URL is not an absolute https URL (a configuration error)
     */
    public static String build(PolicyModel model, String templateBaseUrl) {
        URI base = URI.create(templateBaseUrl.strip());
        if (!"https".equals(base.getScheme()) || base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("The template base URL must be an absolute https URL without query or fragment");
        }
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        String templateUrl = root + model.connectionId() + "/" + Artifacts.CLOUDFORMATION;
        return "https://" + model.partition().consoleHost() + "/cloudformation/home?region=" + encode(model.homeRegion())
                + "#/stacks/quickcreate?templateURL=" + encode(templateUrl)
                + "&stackName=" + encode(model.stackName())
                + "&param_ExternalId=" + encode(model.currentExternalId().value());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
