package io.rolegate.aws.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** IAM evaluation rules the fake applies to trust and permission documents. */
class FakeAwsPolicyTest {

    private static final Identity VENDOR = new Identity("AKIA", "secret", null, FakeAws.VENDOR_USER_ARN, "AIDA",
            FakeAws.VENDOR_ACCOUNT_ID, FakeAws.VENDOR_USER_ARN, null);
    private static final String BUCKET = "arn:aws:s3:::acme-data";

    private static Policy.Decision permissions(String statements, String action, String resource,
            Map<String, String> context) {
        return Policy.parse(Policy.Kind.PERMISSIONS, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}")
                .evaluate(new Policy.Request(VENDOR, action, resource, context));
    }

    private static Policy.Decision trust(String principal, Identity caller) {
        return Policy.parse(Policy.Kind.TRUST, "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\"}}")
                .evaluate(new Policy.Request(caller, "sts:AssumeRole", "arn:aws:iam::222222222222:role/R", Map.of()));
    }

    private static Policy.Decision condition(String condition, Map<String, String> context) {
        return permissions("{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"" + BUCKET + "\","
                + "\"Condition\":" + condition + "}", "s3:ListBucket", BUCKET, context);
    }

    private static Map<String, String> context(String... keysAndValues) {
        Map<String, String> context = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return context;
    }

    @Test
    void anExplicitDenyWinsAndNothingMatchingIsAnImplicitDeny() {
        String allowAll = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}";
        String denyPrivate = "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"" + BUCKET + "/private/*\"}";

        assertEquals(Policy.Decision.EXPLICIT_DENY, permissions(allowAll + "," + denyPrivate, "s3:GetObject",
                BUCKET + "/private/a.csv", Map.of()));
        assertEquals(Policy.Decision.ALLOW, permissions(allowAll + "," + denyPrivate, "s3:GetObject",
                BUCKET + "/public/a.csv", Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, permissions(denyPrivate, "s3:GetObject", BUCKET + "/public/a.csv",
                Map.of()));
    }

    @Test
    void actionsMatchCaseInsensitivelyWithWildcardsAndResourcesCaseSensitively() {
        String statement = "{\"Effect\":\"Allow\",\"Action\":\"S3:get?bject\",\"Resource\":\"" + BUCKET + "/Reports/*\"}";

        assertEquals(Policy.Decision.ALLOW, permissions(statement, "s3:GetObject", BUCKET + "/Reports/q1.csv", Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, permissions(statement, "s3:GetObject", BUCKET + "/reports/q1.csv",
                Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, permissions(statement, "s3:GetObjectAcl", BUCKET + "/Reports/q1.csv",
                Map.of()));
    }

    @Test
    void notActionAndNotResourceInvertTheMatch() {
        String statement = "{\"Effect\":\"Allow\",\"NotAction\":\"s3:Delete*\",\"NotResource\":\"" + BUCKET + "/private/*\"}";

        assertEquals(Policy.Decision.ALLOW, permissions(statement, "s3:GetObject", BUCKET + "/a.csv", Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, permissions(statement, "s3:DeleteObject", BUCKET + "/a.csv", Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, permissions(statement, "s3:GetObject", BUCKET + "/private/a.csv",
                Map.of()));
    }

    @Test
    void principalsMatchAnAccountByIdOrRootASpecificArnOrAnyone() {
        Identity otherUser = new Identity("AKIB", "s", null, "arn:aws:iam::111111111111:user/other", "AIDB",
                FakeAws.VENDOR_ACCOUNT_ID, "arn:aws:iam::111111111111:user/other", null);

        assertEquals(Policy.Decision.ALLOW, trust("{\"AWS\":\"arn:aws:iam::111111111111:root\"}", otherUser));
        assertEquals(Policy.Decision.ALLOW, trust("{\"AWS\":\"111111111111\"}", otherUser));
        assertEquals(Policy.Decision.ALLOW, trust("\"*\"", otherUser));
        assertEquals(Policy.Decision.ALLOW, trust("{\"AWS\":\"" + FakeAws.VENDOR_USER_ARN + "\"}", VENDOR));
        assertEquals(Policy.Decision.IMPLICIT_DENY, trust("{\"AWS\":\"" + FakeAws.VENDOR_USER_ARN + "\"}", otherUser));
        assertEquals(Policy.Decision.IMPLICIT_DENY, trust("{\"AWS\":\"arn:aws-cn:iam::111111111111:root\"}", VENDOR));
        assertEquals(Policy.Decision.IMPLICIT_DENY, trust("{\"Service\":\"ec2.amazonaws.com\"}", VENDOR));
    }

    @Test
    void aBareAccountIdIsThatAccountInThePolicysOwnPartition() {
        Policy trustsAccount = Policy.parse(Policy.Kind.TRUST, "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},\"Action\":\"sts:AssumeRole\"}}");
        Identity govUser = new Identity("AKIC", "s", null, "arn:aws-us-gov:iam::111111111111:user/rolegate", "AIDC",
                "111111111111", "arn:aws-us-gov:iam::111111111111:user/rolegate", null);

        assertEquals(Policy.Decision.ALLOW, trustsAccount.evaluate(new Policy.Request(VENDOR, "sts:AssumeRole",
                "arn:aws:iam::222222222222:role/R", Map.of())));
        assertEquals(Policy.Decision.IMPLICIT_DENY, trustsAccount.evaluate(new Policy.Request(VENDOR, "sts:AssumeRole",
                "arn:aws-us-gov:iam::222222222222:role/R", Map.of())), "the same number in GovCloud is another account");
        assertEquals(Policy.Decision.ALLOW, trustsAccount.evaluate(new Policy.Request(govUser, "sts:AssumeRole",
                "arn:aws-us-gov:iam::222222222222:role/R", Map.of())));
    }

    @Test
    void anAbsentKeyNeverMatchesSoOnlyNegatedIfExistsAndNullOperatorsHold() {
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition("{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}", Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition("{\"StringLike\":{\"sts:ExternalId\":\"*\"}}", Map.of()));
        assertEquals(Policy.Decision.ALLOW, condition("{\"StringNotEquals\":{\"sts:ExternalId\":\"x\"}}", Map.of()));
        assertEquals(Policy.Decision.ALLOW, condition("{\"StringEqualsIfExists\":{\"sts:ExternalId\":\"x\"}}", Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition("{\"StringEqualsIfExists\":{\"sts:ExternalId\":\"x\"}}",
                context("sts:ExternalId", "y")));
        assertEquals(Policy.Decision.ALLOW, condition("{\"Null\":{\"sts:ExternalId\":\"true\"}}", Map.of()));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition("{\"Null\":{\"sts:ExternalId\":\"false\"}}", Map.of()));
    }

    @Test
    void valuesAreOredKeysAndOperatorsAreAnded() {
        String twoIds = "{\"StringEquals\":{\"sts:ExternalId\":[\"old\",\"new\"]}}";
        String idAndName = "{\"StringEquals\":{\"sts:ExternalId\":\"new\"},\"StringLike\":{\"sts:RoleSessionName\":\"rg-*\"}}";

        assertEquals(Policy.Decision.ALLOW, condition(twoIds, context("sts:ExternalId", "old")));
        assertEquals(Policy.Decision.ALLOW, condition(twoIds, context("sts:ExternalId", "new")));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition(twoIds, context("sts:ExternalId", "other")));
        assertEquals(Policy.Decision.ALLOW, condition(idAndName, context("sts:ExternalId", "new", "sts:RoleSessionName", "rg-1")));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition(idAndName, context("sts:ExternalId", "new",
                "sts:RoleSessionName", "other")));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition("{\"StringNotEquals\":{\"sts:ExternalId\":[\"a\",\"b\"]}}",
                context("sts:ExternalId", "b")));
    }

    @Test
    void stringComparisonsAreCaseSensitiveButKeyNamesAreNot() {
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition("{\"StringEquals\":{\"sts:ExternalId\":\"ABC\"}}",
                context("sts:ExternalId", "abc")));
        assertEquals(Policy.Decision.ALLOW, condition("{\"StringEquals\":{\"STS:externalid\":\"abc\"}}",
                context("sts:ExternalId", "abc")));
        assertEquals(Policy.Decision.ALLOW, condition("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
                context("aws:SecureTransport", "TRUE")));
    }

    @Test
    void arnConditionsMatchPartByPart() {
        String arnLike = "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::111111111111:user/*\"}}";

        assertEquals(Policy.Decision.ALLOW, condition(arnLike, context("aws:PrincipalArn", FakeAws.VENDOR_USER_ARN)));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition(arnLike, context("aws:PrincipalArn",
                "arn:aws:iam::111111111111:role/x")));
        assertEquals(Policy.Decision.IMPLICIT_DENY, condition("{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::*\"}}",
                context("aws:PrincipalArn", FakeAws.VENDOR_USER_ARN)));
    }

    @Test
    void documentsIamWouldRefuseAreRejectedOnRegistration() {
        assertThrows(IllegalArgumentException.class, () -> Policy.parse(Policy.Kind.TRUST, "{\"Version\":\"2012-10-17\","
                + "\"Statement\":{\"Effect\":\"Allowed\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}}"));
        assertThrows(IllegalArgumentException.class, () -> Policy.parse(Policy.Kind.TRUST, "{\"Version\":\"2012-10-17\","
                + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}"));
        assertThrows(IllegalArgumentException.class, () -> Policy.parse(Policy.Kind.PERMISSIONS, "{\"Version\":\"2012-10-17\","
                + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}}"));
        assertThrows(IllegalArgumentException.class, () -> Policy.parse(Policy.Kind.PERMISSIONS, "{\"Version\":\"2012-10-17\","
                + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"ForAnyValue:StringLike\":{\"s3:prefix\":\"a\"}}}}"));
        assertThrows(IllegalArgumentException.class, () -> Policy.parse(Policy.Kind.PERMISSIONS, "not json"));
    }
}
