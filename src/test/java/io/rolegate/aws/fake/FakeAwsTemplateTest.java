package io.rolegate.aws.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the CloudFormation player reads templates: YAML short forms and the intrinsic functions. */
class FakeAwsTemplateTest {

    /** Parameters, one resource {@code Role} (physical ID {@code the-role}) and the conditions of the template. */
    private static Intrinsics.Context context(Map<String, Object> template) {
        return new Intrinsics.Context() {
            @Override
            public Object parameter(String name) {
                return Map.<String, Object>of("Env", "prod", "AWS::Region", "eu-west-1", "AWS::Partition", "aws",
                        "Names", List.of("a", "b")).get(name);
            }

            @Override
            public String ref(String logicalId) {
                if (!logicalId.equals("Role")) {
                    throw new IllegalArgumentException("no " + logicalId);
                }
                return "the-role";
            }

            @Override
            public Object attribute(String logicalId, String attribute) {
                return "arn:aws:iam::222222222222:role/the-role#" + attribute;
            }

            @Override
            public boolean condition(String name) {
                return Intrinsics.condition(((Map<?, ?>) template.get("Conditions")).get(name), this);
            }

            @Override
            public Map<String, Object> mappings() {
                @SuppressWarnings("unchecked")
                Map<String, Object> mappings = (Map<String, Object>) template.get("Mappings");
                return mappings;
            }
        };
    }

    private static Object evaluate(String yaml, String key) {
        Map<String, Object> template = TemplateReader.read(yaml);
        return Intrinsics.evaluate(((Map<?, ?>) template.get("Values")).get(key), context(template));
    }

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: 2010-09-09
            Mappings:
              Regions:
                eu-west-1:
                  Bucket: exports-eu
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              NotProd: !Not [!Condition Prod]
              Both: !And [!Condition Prod, !Equals [a, a]]
              Either: !Or [!Condition NotProd, !Equals [a, b]]
            Values:
              Sub: !Sub "arn:${AWS::Partition}:s3:::${Env}-${Role}-${Role.Arn}-${!Literal}"
              SubUnknown: !Sub "${Bucket}"
              SubWithVariables: !Sub
                - "${Bucket}/${Env}"
                - Bucket: !FindInMap [Regions, !Ref "AWS::Region", Bucket]
              Join: !Join [",", [!Ref Env, !GetAtt Role.RoleId]]
              Select: !Select [1, !Split ["|", "x|y|z"]]
              If: !If [Prod, yes-prod, not-prod]
              IfNot: !If [NotProd, yes, !Ref "AWS::NoValue"]
              Both: !If [Both, both, neither]
              Either: !If [Either, either, neither]
              Removed:
                Kept: 1
                Gone: !Ref "AWS::NoValue"
              LongForm:
                Fn::GetAtt: [Role, Arn]
              Version: 2012-10-17
            """;

    @Test
    void shortFormsAndTheirLongFormsEvaluateLikeCloudFormation() {
        assertEquals("arn:aws:s3:::prod-the-role-arn:aws:iam::222222222222:role/the-role#Arn-${Literal}",
                evaluate(TEMPLATE, "Sub"));
        assertEquals("exports-eu/prod", evaluate(TEMPLATE, "SubWithVariables"));
        assertEquals("prod,arn:aws:iam::222222222222:role/the-role#RoleId", evaluate(TEMPLATE, "Join"));
        assertEquals("y", evaluate(TEMPLATE, "Select"));
        assertEquals("yes-prod", evaluate(TEMPLATE, "If"));
        assertEquals(Intrinsics.NO_VALUE, evaluate(TEMPLATE, "IfNot"));
        assertEquals("both", evaluate(TEMPLATE, "Both"));
        assertEquals("neither", evaluate(TEMPLATE, "Either"));
        assertEquals(Map.of("Kept", 1), evaluate(TEMPLATE, "Removed"));
        assertEquals("arn:aws:iam::222222222222:role/the-role#Arn", evaluate(TEMPLATE, "LongForm"));
        assertEquals("2012-10-17", evaluate(TEMPLATE, "Version"), "dates stay strings");
    }

    @Test
    void aSubOfAnUnknownNameFailsInsteadOfGuessing() {
        IllegalArgumentException unresolved = assertThrows(IllegalArgumentException.class, () -> evaluate(TEMPLATE, "SubUnknown"));

        assertEquals("no Bucket", unresolved.getMessage());
    }

    @Test
    void referencesFindTheResourcesAValueDependsOn() {
        Map<String, Object> template = TemplateReader.read(TEMPLATE);

        assertTrue(Intrinsics.references(((Map<?, ?>) template.get("Values")).get("Join")).containsAll(List.of("Env", "Role")));
        assertEquals(List.of("Role"), List.copyOf(Intrinsics.references(Map.of("Fn::Sub", "${Role.Arn}/${!Not}"))));
    }

    @Test
    void functionsTheStandInDoesNotEvaluateAndBrokenYamlAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Intrinsics.evaluate(
                TemplateReader.read("A: !GetAZs us-east-1").get("A"), context(Map.of()))).getMessage()
                .contains("Fn::GetAZs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemplateReader.read("A: [unclosed"))
                .getMessage().startsWith("Template format error: YAML not well-formed."));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemplateReader.read("A: 1\nA: 2"))
                .getMessage().startsWith("Template format error"));
    }
}
