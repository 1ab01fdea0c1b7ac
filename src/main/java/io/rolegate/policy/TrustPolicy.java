package io.rolegate.policy;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;

import io.rolegate.connection.ExternalId;

/** The role's trust policy: only the vendor principal, and only with this connection's external ID. */
public final class TrustPolicy {

    public static final String SID = "RolegateAssumeRoleWithExternalId";

    private TrustPolicy() {
    }

    public static IamPolicy build(PolicyModel model) {
        // During a rotation both IDs are listed: StringEquals with several values matches any of them.
        return IamPolicy.builder()
                .version("2012-10-17")
                .addStatement(statement -> statement
                        .sid(SID)
                        .effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.AWS, model.vendorPrincipal().arn())
                        .addAction("sts:AssumeRole")
                        .addConditions(IamConditionOperator.STRING_EQUALS, "sts:ExternalId",
                                model.externalIds().stream().map(ExternalId::value).toList()))
                .build();
    }

    /** The document as downloaded (see {@link PolicyJson}), ending in a line break like any text file. */
    public static String json(PolicyModel model) {
        return PolicyJson.write(build(model));
    }
}
