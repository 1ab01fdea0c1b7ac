package io.rolegate.policy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The CloudFormation console's quick-create link for a connection's published template (PRODUCT §12), opened on
 * the console of the connection's partition ({@code console.aws.amazon.com}, {@code console.amazonaws-us-gov.com},
 * {@code console.amazonaws.cn}) in its home region, with the stack name and external ID filled in.
 */
public final class QuickCreateLink {

    private QuickCreateLink() {
    }

    /**
     * @param templateUrl where the template is published: an absolute http(s) URL of the object in the vendor's bucket
     * @throws IllegalArgumentException when the URL is not absolute http(s) without a fragment (a configuration error)
     */
    public static String build(PolicyModel model, String templateUrl) {
        URI template = URI.create(templateUrl.strip());
        if (!("https".equals(template.getScheme()) || "http".equals(template.getScheme())) || template.getHost() == null
                || template.getRawFragment() != null) {
            throw new IllegalArgumentException("The template URL must be an absolute http(s) URL without fragment");
        }
        return "https://" + model.partition().consoleHost() + "/cloudformation/home?region=" + encode(model.homeRegion())
                + "#/stacks/quickcreate?templateURL=" + encode(template.toString())
                + "&stackName=" + encode(model.stackName())
                + "&param_ExternalId=" + encode(model.currentExternalId().value());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
