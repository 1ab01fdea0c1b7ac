package io.rolegate.diagnosis;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.audit.AuditEvent;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.Artifacts;
import io.rolegate.setup.SetupPages;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;

/**
 * PRODUCT §5b: a pasted trust policy is read in every form the customer may have it in, each finding is reported
 * with its code and fix in English and Japanese, hostile input is a field error, and the offer appears where AWS
 * denied AssumeRole (docs/trust-diagnosis.md).
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class TrustDiagnosisTest {

    private static final String VENDOR = "arn:aws:iam::111111111111:root";
    private static final String CUSTOMER_ACCOUNT = "123456789012";

    @InjectFakeAws
    FakeAws aws;

    /** The connection's external IDs when a document is pasted. */
    record Ids(String current, String previous, String retired) {
    }

    /** How the connection stands before the paste: fresh, rotating (a previous ID), or with a retired ID. */
    enum State { FRESH, ROTATING, RETIRED }

    /** One pasted document: what the page must report first, in both languages. */
    record Case(String name, State state, Function<Ids, String> document, String code, String english, String japanese) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String statement(String principal, String action, String condition) {
        return "{\"Sid\":\"Rolegate\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"" + action + "\""
                + (condition.isEmpty() ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static String document(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String aws(String arn) {
        return "{\"AWS\":\"" + arn + "\"}";
    }

    private static String equalsId(String id) {
        return "{\"StringEquals\":{\"sts:ExternalId\":\"" + id + "\"}}";
    }

    /** The right document for these IDs: Rolegate's principal, sts:AssumeRole, the current external ID. */
    private static String right(Ids ids) {
        return document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(ids.current())));
    }

    private static String nearMiss(String id) {
        char changed = id.charAt(5) == 'a' ? 'b' : 'a';
        return id.substring(0, 5) + changed + id.substring(6);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the right document", State.FRESH, TrustDiagnosisTest::right,
                        "RG-TRUST-POLICY-DOCUMENT-RIGHT", "The document is right", "ドキュメントは正しいです"),
                new Case("whole aws iam get-role output", State.FRESH,
                        ids -> "{\"Role\":{\"Path\":\"/\",\"RoleName\":\"rolegate-x\",\"Arn\":\"arn:aws:iam::" + CUSTOMER_ACCOUNT
                                + ":role/rolegate-x\",\"AssumeRolePolicyDocument\":" + right(ids) + ",\"MaxSessionDuration\":3600}}",
                        "RG-TRUST-POLICY-DOCUMENT-RIGHT", "Read as the output of aws iam get-role", "aws iam get-role の出力として読み取りました"),
                new Case("URL-encoded document", State.FRESH,
                        ids -> URLEncoder.encode(right(ids), StandardCharsets.UTF_8).replace("+", "%20"),
                        "RG-TRUST-POLICY-DOCUMENT-RIGHT", "Read as a URL-encoded policy document", "URL エンコードされたポリシードキュメントとして"),
                new Case("IAM API answer", State.FRESH,
                        ids -> "<GetRoleResponse><GetRoleResult><Role><AssumeRolePolicyDocument>"
                                + URLEncoder.encode(right(ids), StandardCharsets.UTF_8).replace("+", "%20")
                                + "</AssumeRolePolicyDocument></Role></GetRoleResult></GetRoleResponse>",
                        "RG-TRUST-POLICY-DOCUMENT-RIGHT", "Read as an IAM API answer", "IAM API の応答として"),
                new Case("a permission policy", State.FRESH,
                        ids -> "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}",
                        "RG-TRUST-POLICY-PERMISSION-POLICY", "This is a permission policy, not the trust policy", "これは許可ポリシーで、信頼ポリシーではありません"),
                new Case("the customer's own account", State.FRESH,
                        ids -> document(statement(aws("arn:aws:iam::" + CUSTOMER_ACCOUNT + ":root"), "sts:AssumeRole", equalsId(ids.current()))),
                        "RG-TRUST-POLICY-PRINCIPAL-ACCOUNT", "replace the principal arn:aws:iam::123456789012:root with " + VENDOR,
                        "プリンシパルが別の AWS アカウントです"),
                new Case("another partition", State.FRESH,
                        ids -> document(statement(aws("arn:aws-us-gov:iam::111111111111:root"), "sts:AssumeRole", equalsId(ids.current()))),
                        "RG-TRUST-POLICY-PRINCIPAL-PARTITION", "The principal is in another AWS partition", "プリンシパルが別の AWS パーティションです"),
                new Case("a specific user", State.FRESH,
                        ids -> document(statement(aws("arn:aws:iam::111111111111:user/rolegate"), "sts:AssumeRole", equalsId(ids.current()))),
                        "RG-TRUST-POLICY-PRINCIPAL-SPECIFIC", "The principal is one user or role instead of Rolegate's principal",
                        "プリンシパルが Rolegate のものではなく、特定のユーザーまたはロールです"),
                new Case("a typo in the account", State.FRESH,
                        ids -> document(statement(aws("arn:aws:iam::111111111112:root"), "sts:AssumeRole", equalsId(ids.current()))),
                        "RG-TRUST-POLICY-PRINCIPAL-NEAR-MISS", "The principal is almost Rolegate's", "プリンシパルが Rolegate のものとわずかに違います"),
                new Case("everyone", State.FRESH,
                        ids -> document(statement("\"*\"", "sts:AssumeRole", equalsId(ids.current()))),
                        "RG-TRUST-POLICY-PRINCIPAL-WILDCARD", "Everyone is trusted", "すべてのユーザーが信頼されています"),
                new Case("only a service", State.FRESH,
                        ids -> document(statement("{\"Service\":\"ec2.amazonaws.com\"}", "sts:AssumeRole", "")),
                        "RG-TRUST-POLICY-PRINCIPAL-MISSING", "No statement trusts Rolegate", "Rolegate を信頼するステートメントがありません"),
                new Case("no AssumeRole", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:TagSession", equalsId(ids.current()))),
                        "RG-TRUST-POLICY-ACTION-MISSING", "sts:AssumeRole is not allowed", "sts:AssumeRole が許可されていません"),
                new Case("the web identity action", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRoleWithWebIdentity", equalsId(ids.current()))),
                        "RG-TRUST-POLICY-ACTION-WRONG", "replace the action sts:AssumeRoleWithWebIdentity with sts:AssumeRole",
                        "アクションが sts:AssumeRole ではありません"),
                new Case("no external ID condition", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", "")),
                        "RG-TRUST-POLICY-EXTERNAL-ID-MISSING", "No external ID is required", "外部 ID が必須になっていません"),
                new Case("a negated operator", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole",
                                "{\"StringNotEquals\":{\"sts:ExternalId\":\"" + ids.current() + "\"}}")),
                        "RG-TRUST-POLICY-EXTERNAL-ID-OPERATOR", "replace the operator StringNotEquals of the sts:ExternalId condition with StringEquals",
                        "外部 ID の比較演算子が誤っています"),
                new Case("a key without its prefix", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole",
                                "{\"StringEquals\":{\"ExternalId\":\"" + ids.current() + "\"}}")),
                        "RG-TRUST-POLICY-EXTERNAL-ID-KEY", "rename the condition key ExternalId to sts:ExternalId",
                        "条件キーが sts:ExternalId ではありません"),
                new Case("the key in other capitals", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole",
                                "{\"StringEquals\":{\"sts:externalid\":\"" + ids.current() + "\"}}")),
                        "RG-TRUST-POLICY-EXTERNAL-ID-KEY-CASE", "sts:ExternalId is written with other capitals",
                        "sts:ExternalId の大文字と小文字が異なります"),
                new Case("only the previous ID of a rotation", State.ROTATING,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(ids.previous()))),
                        "RG-TRUST-POLICY-EXTERNAL-ID-PREVIOUS", "Only the previous external ID is accepted", "以前の外部 ID しか受け付けていません"),
                new Case("a retired ID", State.RETIRED,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(ids.retired()))),
                        "RG-TRUST-POLICY-EXTERNAL-ID-RETIRED", "The external ID is one this connection no longer uses",
                        "この接続で使われなくなった外部 ID です"),
                new Case("a near miss of the ID", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(nearMiss(ids.current())))),
                        "RG-TRUST-POLICY-EXTERNAL-ID-NEAR-MISS", "The external ID is almost this connection's",
                        "外部 ID がこの接続のものとわずかに違います"),
                new Case("another connection's ID", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(ExternalId.generate().value()))),
                        "RG-TRUST-POLICY-EXTERNAL-ID-WRONG", "The external ID is not this connection's", "外部 ID がこの接続のものではありません"),
                new Case("a pattern for the ID", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", "{\"StringLike\":{\"sts:ExternalId\":\"rg-*\"}}")),
                        "RG-TRUST-POLICY-EXTERNAL-ID-WILDCARD", "The external ID is a pattern", "外部 ID がパターンになっています"),
                new Case("a Deny statement", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(ids.current())),
                                "{\"Sid\":\"NoVendors\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:*\"}"),
                        "RG-TRUST-POLICY-DENY-STATEMENT", "Remove statement NoVendors", "Deny ステートメントが Rolegate を拒否しています"),
                new Case("a source IP condition", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", "{\"StringEquals\":{\"sts:ExternalId\":\"" + ids.current()
                                + "\"},\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}")),
                        "RG-TRUST-POLICY-CONDITION-UNSATISFIABLE", "Remove the condition IpAddress aws:SourceIp from statement Rolegate",
                        "Rolegate が満たせない条件があります"),
                new Case("MFA as a JSON boolean", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", "{\"StringEquals\":{\"sts:ExternalId\":\"" + ids.current()
                                + "\"},\"Bool\":{\"aws:MultiFactorAuthPresent\":true}}")),
                        "RG-TRUST-POLICY-CONDITION-UNSATISFIABLE", "Remove the condition Bool aws:MultiFactorAuthPresent",
                        "条件 Bool aws:MultiFactorAuthPresent を削除してください"),
                new Case("a Deny that only guards the ID", State.FRESH,
                        ids -> document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(ids.current())),
                                "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + VENDOR + "\"},\"Action\":\"sts:AssumeRole\","
                                        + "\"Condition\":{\"StringNotEquals\":{\"sts:ExternalId\":\"" + ids.current() + "\"}}}"),
                        "RG-TRUST-POLICY-DOCUMENT-RIGHT", "The document is right", "ドキュメントは正しいです"));
    }

    /** A fresh connection in the requested state and its IDs. */
    private static Ids prepare(Connection connection, State state) {
        String first = Connections.currentExternalId(connection);
        return switch (state) {
            case FRESH -> new Ids(first, null, null);
            case ROTATING -> new Ids(ActiveConnections.rotate(connection.id), first, null);
            case RETIRED -> new Ids(first, null, issueRetired(connection.id));
        };
    }

    private static String issueRetired(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IssuedExternalId retired = new IssuedExternalId();
            retired.id = UUID.randomUUID();
            retired.connection = Connection.findById(connectionId);
            retired.value = ExternalId.generate().value();
            retired.state = IssuedExternalId.State.RETIRED;
            retired.issuedAt = Instant.now().minus(Duration.ofDays(30));
            retired.retiredAt = Instant.now().minus(Duration.ofDays(1));
            retired.persist();
            return retired.value;
        });
    }

    private static Response diagnose(Session session, UUID connectionId, String trustPolicy) {
        return session.post("/help/codes", "/connections/" + connectionId + "/trust-diagnosis",
                Map.of("trustPolicy", trustPolicy));
    }

    /** Text as the page writes it: Qute escapes markup characters and apostrophes. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static long diagnosesRecorded(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("connectionId = ?1 and action = ?2",
                connectionId, TrustDiagnosisResource.AUDIT_ACTION.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachDocumentIsReportedWithItsCodeAndFixInBothLanguages(Case diagnosis) {
        Organisation organisation = Accounts.organisation("Diagnosis");
        Connection connection = Connections.create(organisation, "diagnosis");
        Ids ids = prepare(connection, diagnosis.state());
        String pasted = diagnosis.document().apply(ids);
        var customer = Accounts.customer(organisation);

        String english = diagnose(Session.signIn(customer), connection.id, pasted).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("data-code=\"" + diagnosis.code() + "\""))
                .body(containsString(html(diagnosis.english())))
                .body(containsString("href=\"/help/codes#" + diagnosis.code() + "\""))
                .extract().asString();
        assertTrue(english.contains("id=\"expected-trust-policy\""), "the corrected document is offered");
        assertTrue(english.contains(ids.current()), "the corrected document holds the current external ID");
        assertTrue(english.contains(VENDOR), "the corrected document names Rolegate's principal");
        diagnose(Session.signIn(customer).withHeader("Accept-Language", "ja"), connection.id, pasted).then()
                .statusCode(200)
                .body(containsString("data-code=\"" + diagnosis.code() + "\""))
                .body(containsString(html(diagnosis.japanese())));
        assertEquals(2, diagnosesRecorded(connection.id));
    }

    @Test
    void theTableCoversEveryFinding() {
        assertEquals(Stream.of(TrustFinding.values()).map(TrustFinding::id).sorted().toList(),
                cases().map(Case::code).distinct().sorted().toList());
    }

    @Test
    void aRightDocumentListsWhatIsRightAndPointsAtTheRoleArnAndPropagation() {
        Organisation organisation = Accounts.organisation("Right");
        Connection connection = Connections.create(organisation, "right");
        Ids ids = prepare(connection, State.FRESH);
        diagnose(Session.signIn(Accounts.customer(organisation)), connection.id, right(ids)).then().statusCode(200)
                .body(containsString(html("The principal: Rolegate's.")))
                .body(containsString("The action: sts:AssumeRole."))
                .body(containsString(html("The external ID: this connection's current one.")))
                .body(containsString("check that the role ARN submitted on the setup page is the ARN of the role"))
                .body(containsString("wait a minute for IAM to propagate the change"))
                .body(containsString("AWS answers the same AccessDenied when the role does not exist"))
                .body(not(containsString("severity-blocks")));
    }

    @Test
    void aNearMissIsShownCharacterByCharacter() {
        Organisation organisation = Accounts.organisation("Near");
        Connection connection = Connections.create(organisation, "near");
        Ids ids = prepare(connection, State.FRESH);
        String typed = nearMiss(ids.current());
        var customer = Accounts.customer(organisation);
        String page = diagnose(Session.signIn(customer), connection.id,
                document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(typed)))).then().statusCode(200)
                .body(containsString("replace " + typed + " with " + ids.current()))
                .body(containsString("Character 6: yours has " + typed.charAt(5) + " where " + ids.current().charAt(5) + " belongs."))
                .extract().asString();
        assertTrue(page.contains("<code class=\"diff-expected\">" + ids.current().substring(0, 5) + "<mark>"
                + ids.current().charAt(5) + "</mark>" + ids.current().substring(6) + "</code>"), page);
        assertTrue(page.contains("<code class=\"diff-found\">" + typed.substring(0, 5) + "<mark>" + typed.charAt(5)
                + "</mark>" + typed.substring(6) + "</code>"), page);
        diagnose(Session.signIn(customer).withHeader("Accept-Language", "ja"), connection.id,
                document(statement(aws(VENDOR), "sts:AssumeRole", equalsId(typed)))).then().statusCode(200)
                .body(containsString("6 文字目: " + ids.current().charAt(5) + " であるべきところが " + typed.charAt(5) + " になっています。"));
    }

    @Test
    void aMissingCharacterAndAnExtraOneAreNamed() {
        Organisation organisation = Accounts.organisation("Near");
        Connection connection = Connections.create(organisation, "near");
        Ids ids = prepare(connection, State.FRESH);
        Session customer = Session.signIn(Accounts.customer(organisation));
        diagnose(customer, connection.id, document(statement(aws(VENDOR), "sts:AssumeRole",
                equalsId(ids.current().substring(1))))).then().statusCode(200)
                .body(containsString("After character 0: " + ids.current().charAt(0) + " is missing."));
        // a character the ID does not end with: after "…wx", an extra x is named where the first x stands
        char extra = ids.current().endsWith("x") ? 'y' : 'x';
        diagnose(customer, connection.id, document(statement(aws(VENDOR), "sts:AssumeRole",
                equalsId(ids.current() + extra)))).then().statusCode(200)
                .body(containsString("Character " + (ids.current().length() + 1) + ": " + extra + " is one too many."));
    }

    @Test
    void bothIdsOfARotationAreRight() {
        Organisation organisation = Accounts.organisation("Rotation");
        Connection connection = Connections.create(organisation, "rotation");
        Ids ids = prepare(connection, State.ROTATING);
        diagnose(Session.signIn(Accounts.customer(organisation)), connection.id,
                document(statement(aws(VENDOR), "sts:AssumeRole", "{\"StringEquals\":{\"sts:ExternalId\":[\""
                        + ids.current() + "\",\"" + ids.previous() + "\"]}}"))).then().statusCode(200)
                .body(containsString("data-code=\"RG-TRUST-POLICY-DOCUMENT-RIGHT\""))
                .body(not(containsString("data-code=\"RG-TRUST-POLICY-EXTERNAL-ID-PREVIOUS\"")));
    }

    /** Input that is not a trust policy is a field error with the input kept, and nothing is recorded. */
    static Stream<List<String>> unreadable() {
        return Stream.of(
                List.of("", "Paste the role&#39;s trust policy."),
                List.of("Principal: the vendor, please", "This is not valid JSON (line 1, column"),
                List.of("x".repeat(20_001), "This is longer than 20000 characters"),
                List.of("[".repeat(10_000) + "]".repeat(10_000), "nests deeper than 32 levels or holds a number longer than 100 digits"),
                List.of(document(statement(aws(VENDOR), "sts:AssumeRole", "{\"StringEquals\":{\"sts:ExternalId\":"
                        + "[".repeat(40) + "\"x\"" + "]".repeat(40) + "}}")), "nests deeper than 32 levels"),
                List.of(document(statement(aws(VENDOR), "sts:AssumeRole", "{\"NumericLessThan\":{\"aws:EpochTime\":"
                        + "9".repeat(200) + "}}")), "holds a number longer than 100 digits"),
                List.of("{\"Statement\":{\"Effect\":\"Allow\",\"Effect\":\"Deny\"}}", "This is not valid JSON"),
                List.of("{\"Version\":\"2012-10-17\"}", "No policy document was found"),
                List.of("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":{\"nested\":1}},\"Action\":\"sts:AssumeRole\"}]}",
                        "This JSON is not a policy document IAM would accept"),
                List.of("%7B%ZZ", "This looks URL-encoded"),
                List.of("\"just a string\"", "This is not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void unreadableInputIsAFieldErrorWithTheInputKept(List<String> input) {
        Organisation organisation = Accounts.organisation("Unreadable");
        Connection connection = Connections.create(organisation, "unreadable");
        String pasted = input.get(0);
        String page = diagnose(Session.signIn(Accounts.customer(organisation)), connection.id, pasted).then()
                .statusCode(400)
                .body(containsString(input.get(1)))
                .body(containsString("id=\"trustPolicy-error-0\""))
                .extract().asString();
        assertTrue(page.matches("(?s).*<textarea[^>]*name=\"trustPolicy\"[^>]*aria-invalid=\"true\".*"), "marked invalid");
        assertTrue(page.contains(">" + html(pasted) + "</textarea>"), "the input is kept");
        assertFalse(page.contains("id=\"diagnosis\""));
        assertEquals(0, diagnosesRecorded(connection.id));
    }

    @Test
    void aDocumentOfExactlyTheLimitIsRead() {
        Organisation organisation = Accounts.organisation("Limit");
        Connection connection = Connections.create(organisation, "limit");
        String right = right(prepare(connection, State.FRESH));
        String padded = "{" + " ".repeat(PastedPolicy.MAX_LENGTH - right.length()) + right.substring(1);
        assertEquals(PastedPolicy.MAX_LENGTH, padded.length());
        diagnose(Session.signIn(Accounts.customer(organisation)), connection.id, padded).then().statusCode(200)
                .body(containsString("data-code=\"RG-TRUST-POLICY-DOCUMENT-RIGHT\""));
    }

    @Test
    void controlCharactersAreRefusedInTheVisitorsLanguageAndNotEchoed() {
        Organisation organisation = Accounts.organisation("Control");
        Connection connection = Connections.create(organisation, "control");
        var customer = Accounts.customer(organisation);
        for (String control : List.of("\u0000", "\u0007", "\u001B", "\u007F", "\u0085")) {
            String pasted = "{\"Statement\":" + control + "[]}";
            String page = diagnose(Session.signIn(customer), connection.id, pasted).then().statusCode(400)
                    .body(containsString("This field cannot contain control characters")).extract().asString();
            assertFalse(page.contains(control), "not echoed: U+" + Integer.toHexString(control.charAt(0)));
        }
        diagnose(Session.signIn(customer).withHeader("Accept-Language", "ja"), connection.id, "{\u0000}").then()
                .statusCode(400).body(containsString("制御文字"));
        assertEquals(0, diagnosesRecorded(connection.id));
    }

    @Test
    void hugeNumbersWithinLimitsAreReadAsTheTextIamCompares() {
        Organisation organisation = Accounts.organisation("Numbers");
        Connection connection = Connections.create(organisation, "numbers");
        Ids ids = prepare(connection, State.FRESH);
        String pasted = document(statement(aws(VENDOR), "sts:AssumeRole", "{\"StringEquals\":{\"sts:ExternalId\":\""
                + ids.current() + "\"},\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":1e999999999},"
                + "\"NumericGreaterThan\":{\"aws:EpochTime\":123456789012345678901234567890}}"));
        diagnose(Session.signIn(Accounts.customer(organisation)), connection.id, pasted).then().statusCode(200)
                .body(containsString("Remove the condition NumericLessThan aws:MultiFactorAuthAge from statement Rolegate"));
    }

    @Test
    void markupInThePastedDocumentIsEscapedEverywhere() {
        Organisation organisation = Accounts.organisation("Markup");
        Connection connection = Connections.create(organisation, "markup");
        String pasted = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"<script>alert(1)</script>\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"<img src=x onerror=alert(2)>\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"\\\"><b>bold</b>\"}}}]}";
        String page = diagnose(Session.signIn(Accounts.customer(organisation)), connection.id, pasted).then()
                .statusCode(200)
                .body(containsString("data-code=\"RG-TRUST-POLICY-PRINCIPAL-MISSING\""))
                .body(containsString("AWS &lt;img src=x onerror=alert(2)&gt;"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .extract().asString();
        assertFalse(page.contains("<script>alert(1)"), "no script element");
        assertFalse(page.contains("<img src=x"), "no image element");
        assertFalse(page.contains("<b>bold</b>"), "no markup from a value");
    }

    @Test
    void theAuditTrailRecordsThatADiagnosisRanWithoutTheDocument() {
        Organisation organisation = Accounts.organisation("Audit");
        Connection connection = Connections.create(organisation, "audit");
        Ids ids = prepare(connection, State.FRESH);
        var customer = Accounts.customer(organisation);
        String typed = nearMiss(ids.current());
        diagnose(Session.signIn(customer), connection.id, document(statement(aws("arn:aws:iam::" + CUSTOMER_ACCOUNT + ":root"),
                "sts:AssumeRole", equalsId(typed)))).then().statusCode(200);
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "connectionId = ?1 and action = ?2", connection.id, TrustDiagnosisResource.AUDIT_ACTION.id()));
        assertEquals(1, events.size());
        AuditEvent event = events.get(0);
        assertEquals(customer.email, event.actor);
        assertEquals(organisation.id, event.organisationId);
        assertEquals(List.of("RG-TRUST-POLICY-PRINCIPAL-ACCOUNT", "RG-TRUST-POLICY-EXTERNAL-ID-NEAR-MISS"),
                List.of(event.detailArgs));
        String recorded = event.subject + " " + event.detail + " " + String.join(" ", event.detailArgs);
        assertFalse(recorded.contains(typed), "the pasted ID is not recorded");
        assertFalse(recorded.contains(ids.current()), "no external ID is recorded");
        assertFalse(recorded.contains(CUSTOMER_ACCOUNT), "nothing of the document is recorded");
    }

    @Test
    void anotherOrganisationsConnectionIsNotFoundAndStaffMayDiagnoseAny() {
        Organisation theirs = Accounts.organisation("Theirs");
        Connection connection = Connections.create(theirs, "theirs");
        String pasted = right(prepare(connection, State.FRESH));
        diagnose(Session.signIn(Accounts.customer(Accounts.organisation("Stranger"))), connection.id, pasted).then()
                .statusCode(404).body(not(containsString("theirs")));
        assertEquals(0, diagnosesRecorded(connection.id));
        diagnose(Session.signIn(Accounts.support()), connection.id, pasted).then().statusCode(200)
                .body(containsString("data-code=\"RG-TRUST-POLICY-DOCUMENT-RIGHT\""));
        diagnose(Session.signIn(Accounts.admin()), connection.id, pasted).then().statusCode(200);
        assertEquals(2, diagnosesRecorded(connection.id));
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndAPostWithoutCsrfTokenIsRefused() {
        Organisation organisation = Accounts.organisation("Anonymous");
        Connection connection = Connections.create(organisation, "anonymous");
        String action = "/connections/" + connection.id + "/trust-diagnosis";
        String pasted = right(prepare(connection, State.FRESH));
        Session.anonymous().request().formParam("trustPolicy", pasted).post(action).then().statusCode(302)
                .header("Location", endsWith("/login"));
        Session.signIn(Accounts.customer(organisation)).postWithoutCsrf(action, Map.of("trustPolicy", pasted)).then()
                .statusCode(400).body(not(containsString("id=\"diagnosis\"")));
        assertEquals(0, diagnosesRecorded(connection.id));
    }

    @Test
    void aRevokedConnectionTakesNoDiagnosis() {
        Organisation organisation = Accounts.organisation("Revoked");
        Connection connection = Connections.create(organisation, "revoked", ConnectionStatus.REVOKED, null, null);
        Session customer = Session.signIn(Accounts.customer(organisation));
        customer.get("/connections/" + connection.id).then().statusCode(200)
                .body(not(containsString("trust-diagnosis-form")));
        diagnose(customer, connection.id, right(prepare(connection, State.FRESH))).then().statusCode(303)
                .header("Location", endsWith("/connections/" + connection.id));
        assertEquals(0, diagnosesRecorded(connection.id));
    }

    /** PRODUCT §2: without a vendor identity in the connection's partition there is no principal to compare with. */
    @Test
    void aPartitionWithoutVendorIdentityHasNothingToCompareWith() {
        Organisation organisation = Accounts.organisation("Federal");
        Connection connection = Connections.create(organisation, "federal");
        QuarkusTransaction.requiringNew().run(() -> {
            Connection gov = Connection.findById(connection.id);
            gov.partition = "aws-us-gov";
            gov.region = "us-gov-west-1";
            gov.roleArn = "arn:aws-us-gov:iam::" + CUSTOMER_ACCOUNT + ":role/federal";
        });
        Session customer = Session.signIn(Accounts.customer(organisation));
        customer.get("/connections/" + connection.id).then().statusCode(200)
                .body(not(containsString("trust-diagnosis-form")));
        diagnose(customer, connection.id, right(prepare(connection, State.FRESH))).then().statusCode(200)
                .body(containsString("Rolegate cannot compare trust policies for this connection yet"))
                .body(not(containsString("id=\"diagnosis\"")));
        assertEquals(0, diagnosesRecorded(connection.id));
    }

    @Test
    void theSetupPageOffersTheDiagnosisWithTheGetRoleCommandOfItsRole() {
        Organisation organisation = Accounts.organisation("Setup");
        Connection connection = Connections.create(organisation, "setup offer");
        Session.signIn(Accounts.customer(organisation)).get("/connections/" + connection.id).then().statusCode(200)
                .body(containsString("id=\"trust-diagnosis-form\""))
                .body(containsString("action=\"/connections/" + connection.id + "/trust-diagnosis\""))
                .body(containsString("aws iam get-role --role-name setup-offer --query Role.AssumeRolePolicyDocument --output json"));
        Session.signIn(Accounts.customer(organisation)).withHeader("Accept-Language", "ja")
                .get("/connections/" + connection.id).then().statusCode(200)
                .body(containsString("拒否された理由を調べる"));
    }

    @Test
    void aCheckWhoseAssumeRoleWasDeniedOffersTheDiagnosisWhichFindsTheCause() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        QuarkusTransaction.requiringNew().run(() -> Connection.<Connection>findById(setup.connectionId()).roleSubmittedAt =
                Instant.now().minus(Duration.ofHours(1)));
        Artifacts artifacts = QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(SetupPages.class).get()
                .artifacts(Connection.findById(setup.connectionId())).orThrow());
        String wrongAccount = artifacts.trustPolicy().content().replace("111111111111", "222222222222");
        aws.role(setup.roleArn(), wrongAccount, artifacts.permissionPolicy().content());
        Session customer = Session.signIn(Accounts.customer(setup.organisation()));

        String checkPage = startAndAwait(customer, setup.connectionId());
        String roleName = setup.roleArn().substring(setup.roleArn().lastIndexOf('/') + 1);
        customer.get(checkPage).then().statusCode(200)
                .body(containsString("href=\"/help/codes#RG-TRUST-DENIED\""))
                .body(containsString("id=\"trust-diagnosis-form\""))
                .body(containsString("aws iam get-role --role-name " + roleName
                        + " --query Role.AssumeRolePolicyDocument --output json"));
        diagnose(customer, setup.connectionId(), wrongAccount).then().statusCode(200)
                .body(containsString("data-code=\"RG-TRUST-POLICY-PRINCIPAL-ACCOUNT\""))
                .body(containsString("replace the principal arn:aws:iam::222222222222:root with " + VENDOR));
    }

    @Test
    void aPassingCheckOffersNoDiagnosis() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        Session customer = Session.signIn(Accounts.customer(setup.organisation()));
        String checkPage = startAndAwait(customer, setup.connectionId());
        customer.get(checkPage).then().statusCode(200)
                .body(containsString("Rolegate assumed the role with your external ID only"))
                .body(not(containsString("trust-diagnosis-form")));
    }

    @Test
    void theHelpPageExplainsEveryFindingInBothLanguages() {
        String english = Session.anonymous().get("/help/codes").then().statusCode(200).extract().asString();
        String japanese = Session.anonymous().withHeader("Accept-Language", "ja").get("/help/codes").then().statusCode(200)
                .body(containsString("信頼ポリシーの診断結果")).extract().asString();
        for (TrustFinding finding : TrustFinding.values()) {
            assertTrue(english.contains("id=\"" + finding.id() + "\""), finding.id());
            assertTrue(english.contains("href=\"#" + finding.id() + "\""), finding.id());
            assertTrue(japanese.contains("id=\"" + finding.id() + "\""), finding.id());
        }
        assertTrue(english.contains("In statement SID, replace FOUND with EXPECTED; the differences are shown character by character."));
        assertTrue(japanese.contains("ステートメント SID の FOUND を EXPECTED に置き換えてください。違いは 1 文字ずつ表示しています。"));
    }

    /** Starts a check as {@code session} and waits until it finished; returns the check page's path. */
    private static String startAndAwait(Session session, UUID connectionId) {
        String location = session.post("/connections/" + connectionId, "/connections/" + connectionId + "/checks", Map.of())
                .then().statusCode(303).extract().header("Location");
        UUID checkId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> !Check.<Check>findById(checkId).isRunning()));
        return location.substring(location.indexOf("/connections/"));
    }
}
