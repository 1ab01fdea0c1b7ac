package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.AwsCall;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.connection.KmsKeyArn;
import io.rolegate.connection.Partition;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.PermissionPolicy;
import io.rolegate.policy.PolicyModel;
import io.rolegate.support.Accounts;
import io.rolegate.support.Session;

/**
 * What the customer reads for each finding (PRODUCT §5): scenario → step and code → the words the step's row on the
 * customer's check page (and the fix in the check's JSON) must and must not contain. Every scenario runs a real
 * check against the stand-in AWS, which answers with AWS's own message shapes.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class FixTextTest {

    private static final byte[] REPORT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);
    private static final String KEY_ID = "0b4c1e3a-1111-2222-3333-444455556666";

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckService checks;

    @AfterEach
    void calmAws() {
        aws.clearFaults();
    }

    /** A customer account with a role, a bucket holding {@code reports/daily.csv} and a connection to them. */
    static final class Setup {
        final String account = CheckFixtures.randomAccount();
        final String roleName = "rolegate-" + Accounts.unique();
        final String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
        final String bucket = "rg-" + Accounts.unique();
        final String keyArn = "arn:aws:kms:us-east-1:" + account + ":key/" + KEY_ID;
        final String otherAccount = CheckFixtures.randomAccount();
        String region = "us-east-1";
        String bucketOwner = account;
        String objectKey = null;
        String submittedArn = roleArn;
        Duration submittedAgo = Duration.ofHours(1);
        boolean bucketExists = true;
        List<String> kmsKeys = List.of();
        Function<Setup, String> trust = s -> CheckFixtures.trustPolicy(s.model);
        Function<Setup, String> permissions = s -> CheckFixtures.permissionPolicy(s.model);
        final List<BiConsumer<Setup, FakeAws>> faults = new ArrayList<>();
        Connection connection;
        PolicyModel model;
        String externalId;
        Account customer;

        String bucketArn() {
            return "arn:aws:s3:::" + bucket;
        }

        String otherAccountKey() {
            return "arn:aws:kms:us-east-1:" + otherAccount + ":key/" + KEY_ID;
        }

        /** The permission policy as Rolegate renders it, but for these KMS keys. */
        String permissionsWithKeys(List<String> keys) {
            return PermissionPolicy.json(new PolicyModel(model.connectionId(), model.label(), Partition.AWS, region,
                    new AccountId(account), roleName, model.externalIds(), model.buckets(),
                    keys.stream().map(key -> KmsKeyArn.parse(key, Partition.AWS).orThrow()).toList(),
                    model.vendorPrincipal()));
        }
    }

    /**
     * One row of the table: how the customer's account looks, the step and code the check must report, and the
     * phrases the customer must and must not read on that step.
     */
    record Scenario(String name, BiConsumer<Setup, FakeAws> arrange, String step, StepStatus status,
            DiagnosisCode code, Function<Setup, List<String>> mustRead, List<String> mustNotRead) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("S3 SlowDown on ListObjectsV2 is S3's per-prefix limit, not STS",
                        (s, aws) -> s.faults.add((x, a) -> a.throttle(FakeAws.Service.S3, "ListObjectsV2", 10)),
                        StepSlot.LIST_OBJECTS, StepStatus.WARN, DiagnosisCode.S3_THROTTLED,
                        s -> List.of("S3", s.bucket + "/reports/", "us-east-1"),
                        List.of("STS", "vendor account")),
                new Scenario("STS throttling names STS and its region",
                        (s, aws) -> s.faults.add((x, a) -> a.throttle(FakeAws.Service.STS, "AssumeRole", 10)),
                        StepSlot.ASSUME_ROLE, StepStatus.WARN, DiagnosisCode.AWS_THROTTLED,
                        s -> List.of("AWS STS", "us-east-1"),
                        List.of("SlowDown", "bucket")),
                new Scenario("a key not in the connection is to be added, named by its ARN",
                        (s, aws) -> s.objectKey = s.keyArn,
                        StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED,
                        s -> List.of(s.keyArn, "Add the key's ARN to the connection with Edit connection on the setup page",
                                "reports/daily.csv", "s3.us-east-1.amazonaws.com"),
                        List.of("key policy of that key", "s3:GetObject")),
                new Scenario("a listed key of another account is refused by that account's key policy",
                        (s, aws) -> {
                            s.objectKey = s.otherAccountKey();
                            s.kmsKeys = List.of(s.otherAccountKey());
                        },
                        StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED,
                        s -> List.of(s.otherAccountKey(), "key policy", "in account " + s.otherAccount, s.roleArn),
                        List.of("Add the key's ARN", "s3:GetObject")),
                new Scenario("a listed key whose key policy denies the role",
                        (s, aws) -> {
                            s.objectKey = s.keyArn;
                            s.kmsKeys = List.of(s.keyArn);
                            s.faults.add((x, a) -> a.kmsKey(x.keyArn, """
                                    {"Version": "2012-10-17", "Statement": [
                                     {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*",
                                      "Resource": "*"},
                                     {"Effect": "Deny", "Principal": {"AWS": "%s"}, "Action": "kms:Decrypt",
                                      "Resource": "*"}]}""".formatted(x.account, x.roleArn)));
                        },
                        StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED,
                        s -> List.of(s.keyArn, "key policy", "refuses kms:Decrypt to " + s.roleArn),
                        List.of("Add the key's ARN", "s3:GetObject")),
                new Scenario("a listed key the role's applied policy does not grant yet",
                        (s, aws) -> {
                            s.objectKey = s.keyArn;
                            s.kmsKeys = List.of(s.keyArn);
                            s.permissions = x -> x.permissionsWithKeys(List.of());
                        },
                        StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED,
                        s -> List.of(s.keyArn, "one of this connection's KMS keys",
                                "Apply the current permission policy from the setup page"),
                        List.of("Add the key's ARN", "key policy")),
                new Scenario("S3's bare Access Denied on an SSE-KMS object: HeadObject names the key",
                        (s, aws) -> {
                            s.objectKey = s.keyArn;
                            s.faults.add((x, a) -> a.plainAccessDenied(x.bucket));
                        },
                        StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED,
                        s -> List.of(s.keyArn, "Add the key's ARN to the connection with Edit connection on the setup page",
                                "key policy"),
                        List.of("s3:GetObject", "did not name")),
                new Scenario("a bucket policy Deny on listing is named as the bucket policy",
                        (s, aws) -> s.faults.add((x, a) -> a.bucketPolicy(x.bucket, """
                                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": {"AWS": "%s"},
                                 "Action": "s3:ListBucket", "Resource": "%s"}}""".formatted(x.roleArn, x.bucketArn()))),
                        StepSlot.LIST_OBJECTS, StepStatus.FAIL, DiagnosisCode.S3_LIST_DENIED,
                        s -> List.of("bucket policy of " + s.bucket, "s3:ListBucket on " + s.bucketArn(), s.roleArn),
                        List.of("Grant s3:ListBucket", "does not allow", "Add it")),
                new Scenario("a bucket policy admitting only a VPC endpoint refuses the bucket's region",
                        (s, aws) -> s.faults.add((x, a) -> a.bucketPolicy(x.bucket, """
                                {"Version": "2012-10-17", "Statement": {"Sid": "OnlyThroughOurEndpoint",
                                 "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["%1$s", "%1$s/*"],
                                 "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}}"""
                                .formatted(x.bucketArn()))),
                        StepSlot.BUCKET_LOCATION, StepStatus.WARN, DiagnosisCode.S3_LOCATION_DENIED,
                        s -> List.of("bucket policy of " + s.bucket, "s3:GetBucketLocation on " + s.bucketArn(),
                                "VPC endpoint", s.roleArn),
                        List.of("Grant s3:GetBucketLocation", "Add it", "does not allow")),
                new Scenario("a bucket of another account without a bucket policy for the role",
                        (s, aws) -> s.bucketOwner = s.otherAccount,
                        StepSlot.BUCKET_LOCATION, StepStatus.WARN, DiagnosisCode.S3_LOCATION_DENIED,
                        s -> List.of("another AWS account", "bucket policy of " + s.bucket,
                                "s3:GetBucketLocation on " + s.bucketArn()),
                        List.of("Grant s3:GetBucketLocation", "Add it")),
                new Scenario("a bare Access Denied on the region while listing works points outside the role",
                        (s, aws) -> s.faults.add((x, a) -> {
                            a.plainAccessDenied(x.bucket);
                            a.bucketPolicy(x.bucket, """
                                    {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
                                     "Action": "s3:GetBucketLocation", "Resource": "%s"}}""".formatted(x.bucketArn()));
                        }),
                        StepSlot.BUCKET_LOCATION, StepStatus.WARN, DiagnosisCode.S3_LOCATION_DENIED,
                        s -> List.of("listing the same bucket worked", "bucket policy of " + s.bucket, s.bucketArn(),
                                "continued in us-east-1"),
                        List.of("Grant s3:GetBucketLocation", "Make sure the permission policy")),
                new Scenario("a role policy without s3:GetBucketLocation is told to add it",
                        (s, aws) -> s.permissions = x -> permissions(
                                statement("s3:ListBucket", x.bucketArn()),
                                statement("s3:GetObject", x.bucketArn() + "/reports/*")),
                        StepSlot.BUCKET_LOCATION, StepStatus.WARN, DiagnosisCode.S3_LOCATION_DENIED,
                        s -> List.of("The permission policy of " + s.roleArn + " does not allow s3:GetBucketLocation on "
                                + s.bucketArn(), "Add it as in the permission policy on the setup page"),
                        List.of("bucket policy")),
                new Scenario("a role policy without the prefix listing names the s3:prefix condition",
                        (s, aws) -> s.permissions = x -> permissions(
                                statement("s3:GetBucketLocation", x.bucketArn()),
                                statement("s3:GetObject", x.bucketArn() + "/reports/*")),
                        StepSlot.LIST_OBJECTS, StepStatus.FAIL, DiagnosisCode.S3_LIST_DENIED,
                        s -> List.of("does not allow s3:ListBucket on " + s.bucketArn()
                                + " (StringLike s3:prefix \"reports/*\")"),
                        List.of("bucket policy")),
                new Scenario("reading outside the granted objects names bucket/prefix*",
                        (s, aws) -> s.permissions = x -> permissions(
                                statement("s3:GetBucketLocation", x.bucketArn()),
                                statement("s3:ListBucket", x.bucketArn()),
                                statement("s3:GetObject", x.bucketArn() + "/archive/*")),
                        StepSlot.READ_OBJECT, StepStatus.FAIL, DiagnosisCode.S3_READ_DENIED,
                        s -> List.of("does not allow s3:GetObject on " + s.bucketArn() + "/reports/*", "reports/daily.csv"),
                        List.of("bucket policy", "kms")),
                new Scenario("a VPC endpoint on the vendor's network is the operators' to fix",
                        (s, aws) -> s.faults.add((x, a) -> a.s3VpcEndpointPolicy("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*",
                                 "Action": "s3:*", "Resource": ["arn:aws:s3:::vendor-own", "arn:aws:s3:::vendor-own/*"]}}
                                """)),
                        StepSlot.LIST_OBJECTS, StepStatus.WARN, DiagnosisCode.S3_VPC_ENDPOINT_DENIED,
                        s -> List.of("VPC endpoint", "Nothing to change in your account", "s3:ListBucket on " + s.bucketArn()),
                        List.of("bucket policy", "permission policy of")),
                new Scenario("AssumeRole refused by Rolegate's own identity policy is the operators' to fix",
                        (s, aws) -> s.faults.add((x, a) -> a.vendorPolicy("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
                                 "Resource": "arn:aws:iam::*:role/vendor-*"}}""")),
                        StepSlot.ASSUME_ROLE, StepStatus.WARN, DiagnosisCode.VENDOR_ASSUME_DENIED,
                        s -> List.of("Nothing to change in your account", s.roleArn, "Rolegate's operators"),
                        List.of("trust policy", "sts:ExternalId", "exists in account")),
                new Scenario("a trust policy that allows any ID and denies only a missing one",
                        (s, aws) -> s.trust = x -> """
                                {"Version": "2012-10-17", "Statement": [
                                 {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%1$s:root"}, "Action": "sts:AssumeRole"},
                                 {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::%1$s:root"}, "Action": "sts:AssumeRole",
                                  "Condition": {"Null": {"sts:ExternalId": "true"}}}]}""".formatted(CheckFixtures.VENDOR_ACCOUNT),
                        StepSlot.PROBE_WRONG_EXTERNAL_ID, StepStatus.FAIL, DiagnosisCode.TRUST_EXTERNAL_ID_WILDCARD,
                        s -> List.of("wrong external ID", s.roleArn, "StringEquals sts:ExternalId " + s.externalId,
                                "arn:aws:iam::" + CheckFixtures.VENDOR_ACCOUNT + ":root",
                                "Denying requests that carry no external ID is not enough"),
                        List.of("StringLike", "pattern", "wildcard")),
                new Scenario("a trust policy without condition: the wrong-ID step says what it saw, once",
                        (s, aws) -> s.trust = x -> trustWithoutCondition(),
                        StepSlot.PROBE_WRONG_EXTERNAL_ID, StepStatus.FAIL, DiagnosisCode.TRUST_NO_EXTERNAL_ID,
                        s -> List.of("random wrong external ID as well"),
                        List.of("can be assumed without the external ID", "add the condition")),
                new Scenario("the same trust policy: the step without an ID carries the fix",
                        (s, aws) -> s.trust = x -> trustWithoutCondition(),
                        StepSlot.PROBE_WITHOUT_EXTERNAL_ID, StepStatus.FAIL, DiagnosisCode.TRUST_NO_EXTERNAL_ID,
                        s -> List.of("can be assumed without the external ID", "add the condition StringEquals "
                                + "sts:ExternalId " + s.externalId, s.roleArn),
                        List.of("wrong external ID")),
                new Scenario("a missing bucket is named",
                        (s, aws) -> s.bucketExists = false,
                        StepSlot.BUCKET_LOCATION, StepStatus.FAIL, DiagnosisCode.S3_NO_SUCH_BUCKET,
                        s -> List.of("S3 has no bucket named " + s.bucket, "Correct the bucket name with Edit connection"),
                        List.of()),
                new Scenario("a disabled STS region is named with the account",
                        (s, aws) -> {
                            s.region = "eu-west-3";
                            s.faults.add((x, a) -> a.disableStsRegion("eu-west-3"));
                        },
                        StepSlot.ASSUME_ROLE, StepStatus.FAIL, DiagnosisCode.STS_REGION_DISABLED,
                        s -> List.of("activate eu-west-3", "account " + s.account),
                        List.of()),
                new Scenario("a denied AssumeRole names the role, the account and the external ID",
                        (s, aws) -> s.trust = x -> trustWithoutCondition().replace(CheckFixtures.VENDOR_ACCOUNT,
                                "222222222222"),
                        StepSlot.ASSUME_ROLE, StepStatus.FAIL, DiagnosisCode.TRUST_DENIED,
                        s -> List.of(s.roleArn, "account " + s.account, "StringEquals sts:ExternalId " + s.externalId),
                        List.of()),
                new Scenario("a role ARN of another account names both accounts",
                        (s, aws) -> s.submittedArn = "arn:aws:iam::123456789012:role/" + s.roleName,
                        StepSlot.ROLE_ARN, StepStatus.FAIL, DiagnosisCode.ARN_ACCOUNT_MISMATCH,
                        s -> List.of("names account 123456789012", "for account " + s.account),
                        List.of()),
                new Scenario("an ARN that is not a role shows the role ARN to submit",
                        (s, aws) -> s.submittedArn = "arn:aws:iam::" + s.account + ":user/" + s.roleName,
                        StepSlot.ROLE_ARN, StepStatus.FAIL, DiagnosisCode.ARN_NOT_ROLE,
                        s -> List.of("arn:aws:iam::" + s.account + ":role/NAME"),
                        List.of("PARTITION", "ACCOUNT")),
                new Scenario("S3 server errors name S3 and the bucket's region",
                        (s, aws) -> s.faults.add((x, a) -> a.failWith5xx(FakeAws.Service.S3, 10)),
                        StepSlot.BUCKET_LOCATION, StepStatus.WARN, DiagnosisCode.AWS_UNAVAILABLE,
                        s -> List.of("Amazon S3 in us-east-1"),
                        List.of("STS")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachFindingNamesItsCauseAndResource(Scenario scenario) {
        Setup setup = new Setup();
        scenario.arrange().accept(setup, aws);
        Checked checked = run(setup);

        JsonPath step = checked.step(scenario.step());
        assertEquals(scenario.status().name(), step.getString("status"), checked::describe);
        assertEquals(scenario.code().id(), step.getString("code"), checked::describe);
        String row = checked.row(step.getInt("position"));
        String jsonText = step.getString("message") + " " + step.getString("note") + " " + step.getString("fix");
        for (String phrase : scenario.mustRead().apply(setup)) {
            assertTrue(row.contains(phrase), () -> "page must say \"" + phrase + "\": " + row);
            assertTrue(jsonText.contains(phrase), () -> "JSON must say \"" + phrase + "\": " + jsonText);
        }
        for (String phrase : scenario.mustNotRead()) {
            assertFalse(row.contains(phrase), () -> "page must not say \"" + phrase + "\": " + row);
            assertFalse(jsonText.contains(phrase), () -> "JSON must not say \"" + phrase + "\": " + jsonText);
        }
    }

    @Test
    void theKeyOfAnObjectTheRoleCannotDecryptIsShownToTheCustomerAndInJapanese() {
        Setup setup = new Setup();
        setup.objectKey = setup.otherAccountKey();
        setup.kmsKeys = List.of(setup.otherAccountKey());
        Checked checked = run(setup);

        JsonPath read = checked.step(StepSlot.READ_OBJECT);
        assertEquals(setup.otherAccountKey(), read.getString("kmsKeyArn"));
        assertEquals("reports/daily.csv", read.getString("note"));
        assertFalse(checked.json.getString("steps[0]").contains("detail"), "the customer's JSON has no staff detail");
        List<AwsCall> heads = checked.calls.stream().filter(call -> "HeadObject".equals(call.operation())).toList();
        assertEquals(1, heads.size(), "KMS did not name its key to another account: HeadObject asked S3 for it");
        assertEquals("reports/daily.csv", heads.get(0).key());

        String japanese = text(checked.session.request().header("Accept-Language", "ja").get(checked.path).asString());
        assertTrue(japanese.contains(setup.otherAccountKey()), japanese);
        assertTrue(japanese.contains("アカウント " + setup.otherAccount + " にあるこのキーのキーポリシー"), japanese);
        String japaneseFix = checked.session.request().accept("application/json").header("Accept-Language", "ja")
                .get(checked.path).jsonPath().getString("steps.find { it.name == 'read-object' }.fix");
        assertTrue(japaneseFix.contains("キーポリシー") && japaneseFix.contains(setup.otherAccountKey()), japaneseFix);
    }

    @Test
    void skippedStepsShowNoDuration() {
        Setup setup = new Setup();
        setup.bucketExists = false;
        Checked checked = run(setup);

        for (String name : List.of(StepSlot.LIST_OBJECTS, StepSlot.READ_OBJECT)) {
            JsonPath step = checked.step(name);
            assertEquals("SKIP", step.getString("status"));
            assertNull(step.get("durationMs"), name + " has no duration");
            String duration = checked.durationCell(step.getInt("position"));
            assertEquals("— Not run", duration.strip());
        }
        assertNotNull(checked.step(StepSlot.BUCKET_LOCATION).get("durationMs"), "steps that ran keep theirs");
        assertTrue(checked.durationCell(checked.step(StepSlot.BUCKET_LOCATION).getInt("position")).strip().endsWith(" ms"));
    }

    @Test
    void aRefusalOnRolegatesSideIsNotRetriedAsIamPropagationNorBlamedOnTheCustomer() {
        Setup setup = new Setup();
        setup.submittedAgo = Duration.ofSeconds(5);
        setup.faults.add((x, a) -> a.vendorPolicy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "sts:AssumeRole", "Resource": "*"}}"""));
        Checked checked = run(setup);

        assertEquals("INCONCLUSIVE", checked.json.getString("outcome"));
        assertEquals("RG-VENDOR-ASSUME-DENIED", checked.step(StepSlot.ASSUME_ROLE).getString("code"));
        // only this check's role: the stand-in AWS logs every caller of the test JVM
        assertEquals(1, checked.calls.stream()
                .filter(call -> "AssumeRole".equals(call.operation()) && setup.roleArn.equals(call.roleArn())).count());
    }

    @Test
    void theHelpPageGivesEveryFixWithTheValuesToFillInInCapitals() {
        String english = text(Session.anonymous().get("/help/codes").then().statusCode(200).extract().asString());
        String japanese = text(Session.anonymous().request().header("Accept-Language", "ja").get("/help/codes").then()
                .statusCode(200).extract().asString());

        for (String page : List.of(english, japanese)) {
            assertTrue(page.contains("arn:PARTITION:s3:::BUCKET"), page);
            assertTrue(page.contains("arn:PARTITION:iam::ACCOUNT:role/NAME"), page);
            assertTrue(page.contains("RG-S3-THROTTLED") && page.contains("RG-S3-VPC-ENDPOINT-DENIED")
                    && page.contains("RG-VENDOR-ASSUME-DENIED"), page);
        }
        assertTrue(english.contains("look at the request rate on BUCKET/PREFIX in BUCKET-REGION"), english);
        assertTrue(english.contains("The submitted ARN names account ROLE-ACCOUNT, but this connection is for account "
                + "ACCOUNT"), english);
    }

    @Test
    void theProbesSayWhichRequestAwsDenied() {
        Checked checked = run(new Setup());

        assertEquals("AWS denied AssumeRole without an external ID, as it must.",
                checked.step(StepSlot.PROBE_WITHOUT_EXTERNAL_ID).getString("message"));
        assertEquals("AWS denied AssumeRole with a random wrong external ID, as it must.",
                checked.step(StepSlot.PROBE_WRONG_EXTERNAL_ID).getString("message"));
    }

    private record Checked(Session session, String path, JsonPath json, String page, List<AwsCall> calls) {

        JsonPath step(String name) {
            int index = json.getList("steps.name").indexOf(name);
            assertTrue(index >= 0, () -> "no step " + name + ": " + describe());
            return new JsonPath(json.prettify()).setRootPath("steps[" + index + "]");
        }

        /** The text of one step's row as the customer reads it. */
        String row(int position) {
            Matcher row = Pattern.compile("<tr data-position=\"" + position + "\".*?</tr>", Pattern.DOTALL).matcher(page);
            assertTrue(row.find(), "no row " + position);
            return text(row.group());
        }

        /** The text of the duration cell of one step's row. */
        String durationCell(int position) {
            Matcher cell = Pattern.compile("<tr data-position=\"" + position
                    + "\".*?<td class=\"step-duration\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(page);
            assertTrue(cell.find(), "no duration of row " + position);
            return text(cell.group(1));
        }

        String describe() {
            return json.prettify();
        }
    }

    private Checked run(Setup setup) {
        Organisation organisation = Accounts.organisation("Fix texts");
        setup.customer = Accounts.customer(organisation);
        if (setup.bucketExists) {
            aws.bucket(setup.bucket, "us-east-1", setup.bucketOwner);
            aws.object(setup.bucket, "reports/", new byte[0], null);
            aws.object(setup.bucket, "reports/daily.csv", REPORT, setup.objectKey);
        }
        setup.connection = CheckFixtures.connection(organisation, setup.account, setup.region, setup.submittedArn,
                setup.submittedAgo, ConnectionStatus.PENDING, List.of(new GrantedBucket(setup.bucket, "reports/")),
                setup.kmsKeys);
        setup.externalId = CheckFixtures.externalId(setup.connection);
        setup.model = CheckFixtures.model(setup.connection, setup.roleName, setup.externalId);
        aws.role(setup.roleArn, setup.trust.apply(setup), setup.permissions.apply(setup));
        setup.faults.forEach(fault -> fault.accept(setup, aws));
        aws.clearCalls();

        UUID checkId = checks.start(setup.connection.id, CheckTrigger.USER, CheckFixtures.actor(setup.customer)).checkId();
        assertNotNull(checkId, "the check started");
        CheckFixtures.awaitFinished(checkId, Duration.ofSeconds(20));
        List<AwsCall> calls = aws.calls();
        aws.clearFaults();
        Session session = Session.signIn(setup.customer);
        String path = "/connections/" + setup.connection.id + "/checks/" + checkId;
        JsonPath json = session.request().accept("application/json").get(path).then().statusCode(200).extract().jsonPath();
        String page = session.get(path).then().statusCode(200).extract().asString();
        return new Checked(session, path, json, page, calls);
    }

    /** Visible text: tags dropped, the entities Qute escapes resolved, white space collapsed. */
    static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String trustWithoutCondition() {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::" + CheckFixtures.VENDOR_ACCOUNT + ":root\"}, \"Action\": \"sts:AssumeRole\"}}";
    }

    private static String statement(String action, String resource) {
        return "{\"Effect\": \"Allow\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}";
    }

    private static String permissions(String... statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
    }
}
