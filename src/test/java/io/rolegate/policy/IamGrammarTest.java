package io.rolegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.rolegate.connection.Partition;

class IamGrammarTest {

    private static final String GOOD_PERMISSION = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}""";
    private static final String GOOD_TRUST = """
            {"Version":"2012-10-17","Statement":{"Sid":"Trust","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},
             "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"rg-x"}}}}""";

    static Stream<String> cases() {
        return PolicyCases.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renderedPoliciesFollowIamGrammar(String name) {
        PolicyModel model = PolicyCases.all().get(name);
        assertEquals(List.of(), IamGrammar.check(TrustPolicy.json(model), IamGrammar.Kind.TRUST, model.partition()));
        assertEquals(List.of(), IamGrammar.check(PermissionPolicy.json(model), IamGrammar.Kind.PERMISSION, model.partition()));
    }

    @Test
    void acceptsHandWrittenGoodDocuments() {
        assertEquals(List.of(), IamGrammar.check(GOOD_PERMISSION, IamGrammar.Kind.PERMISSION, Partition.AWS));
        assertEquals(List.of(), IamGrammar.check(GOOD_TRUST, IamGrammar.Kind.TRUST, Partition.AWS));
    }

    static Stream<Arguments> brokenPermissions() {
        return Stream.of(
                Arguments.of("Effect Allowed", GOOD_PERMISSION.replace("\"Allow\"", "\"Allowed\"")),
                Arguments.of("old Version", GOOD_PERMISSION.replace("2012-10-17", "2008-10-17")),
                Arguments.of("unknown action", GOOD_PERMISSION.replace("s3:GetObject", "s3:PutObject")),
                Arguments.of("action without service", GOOD_PERMISSION.replace("s3:GetObject", "GetObject")),
                Arguments.of("resource in another partition", GOOD_PERMISSION.replace("arn:aws:s3", "arn:aws-cn:s3")),
                Arguments.of("resource that is no ARN", GOOD_PERMISSION.replace("arn:aws:s3:::bucket/*", "bucket/*")),
                Arguments.of("Sid with a hyphen", GOOD_PERMISSION.replace("\"Read\"", "\"Read-all\"")),
                Arguments.of("duplicate Sid", GOOD_PERMISSION.replace("}]}", "},{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b2/*\"}]}")),
                Arguments.of("principal in a permission policy", GOOD_PERMISSION.replace("\"Effect\"", "\"Principal\":{\"AWS\":\"*\"},\"Effect\"")),
                Arguments.of("misspelt element", GOOD_PERMISSION.replace("\"Resource\"", "\"Resources\"")),
                Arguments.of("empty statement list", "{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
                Arguments.of("not JSON", "{\"Version\":"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPermissions")
    void rejectsBrokenPermissionPolicies(String what, String json) {
        assertFalse(IamGrammar.check(json, IamGrammar.Kind.PERMISSION, Partition.AWS).isEmpty(), what);
    }

    static Stream<Arguments> brokenTrusts() {
        return Stream.of(
                Arguments.of("Effect Allowed", GOOD_TRUST.replace("\"Allow\"", "\"Allowed\"")),
                Arguments.of("no principal", GOOD_TRUST.replace("\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},", "")),
                Arguments.of("wildcard principal", GOOD_TRUST.replace("\"arn:aws:iam::999988887777:root\"", "\"*\"")),
                Arguments.of("principal in another partition", GOOD_TRUST.replace("arn:aws:iam", "arn:aws-us-gov:iam")),
                Arguments.of("unknown operator", GOOD_TRUST.replace("StringEquals", "StringIs")),
                Arguments.of("unknown condition key", GOOD_TRUST.replace("sts:ExternalId", "sts:ExternalID")),
                Arguments.of("condition value not a string", GOOD_TRUST.replace("\"rg-x\"", "42")),
                Arguments.of("resource in a trust policy", GOOD_TRUST.replace("\"Action\"", "\"Resource\":\"*\",\"Action\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTrusts")
    void rejectsBrokenTrustPolicies(String what, String json) {
        assertFalse(IamGrammar.check(json, IamGrammar.Kind.TRUST, Partition.AWS).isEmpty(), what);
    }

    @Test
    void acceptsIfExistsAndSetOperators() {
        String json = GOOD_TRUST.replace("StringEquals", "ForAnyValue:StringLikeIfExists");
        assertTrue(IamGrammar.check(json, IamGrammar.Kind.TRUST, Partition.AWS).isEmpty());
    }
}
