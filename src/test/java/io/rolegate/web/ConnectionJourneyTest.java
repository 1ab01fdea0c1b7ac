package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Browser;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.support.Viewport;

/**
 * A connection's life in a real browser, in each language, against the fake AWS: the customer's onboarding,
 * the live check passing and then failing with its remedy, and support and an admin at the staff console.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class ConnectionJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] REPORT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    /** What a person reads on the way, in one language, by the bundle key it comes from. */
    record Words(String language, Map<String, String> text) {

        String t(String key) {
            String value = text.get(key);
            if (value == null) {
                throw new IllegalArgumentException("no words for " + key);
            }
            return value;
        }

        @Override
        public String toString() {
            return language;
        }
    }

    /** Every journey in each language, on a desktop and on a phone. */
    static Stream<Arguments> journeys() {
        return languages().flatMap(words -> Stream.of(Viewport.values()).map(viewport -> Arguments.of(words, viewport)));
    }

    static Stream<Words> languages() {
        return Stream.of(words("en",
                "login_email", "Email", "login_password", "Password", "login_submit", "Sign in",
                "list_new", "New connection", "field_label", "Label", "field_accountId", "AWS account ID",
                "field_region", "Home region", "field_buckets", "S3 buckets", "create_submit", "Create connection",
                "flash_connection_created", "Connection created. Follow the three steps below.",
                "artifact_cloudformation_yaml", "CloudFormation template", "artifact_main_tf", "Terraform",
                "artifact_create_role_sh", "AWS CLI", "artifact_trust_policy_json", "Trust policy (JSON)",
                "artifact_permission_policy_json", "Permission policy (JSON)",
                "field_roleArn", "Role ARN", "role_submit", "Save role ARN",
                "error_roleArn_userArn", "This is the ARN of an IAM user, not of a role. Paste the ARN of the role you "
                        + "created (…:role/…).",
                "flash_role_submitted", "Role ARN saved. Now run the check.",
                "check_run", "Run the check", "check_run_again", "Run the check again",
                "outcome_passed", "Outcome: Passed", "outcome_failed", "Outcome: Failed",
                "status_FAIL", "Fail", "step_list_objects", "List objects (ListObjectsV2)",
                "code_S3_LIST_DENIED_title", "Listing the bucket was denied",
                "fix_role_policy_missing", "AWS answered that no identity-based policy allows it. Add it as in the "
                        + "permission policy on the setup page, then run the check again.",
                "conn_status_FAILING", "Failing", "check_back", "Back to the connection",
                "staff_filter_query", "Search", "staff_column_status", "Status", "staff_status_FAILING", "Failing",
                "staff_filter_apply", "Show", "staff_one_result", "1 connection", "history_details", "Details",
                "revoke_reason", "Reason (shown to the customer and in the audit trail)",
                "revoke_confirm", "I understand that this cannot be undone.", "revoke_submit", "Revoke now",
                "flash_connection_revoked_now", "The connection is revoked. Every use of its role is now refused.",
                "revoked_title", "This connection is revoked",
                "vendor_admin", "an administrator of your service provider"),
                words("ja",
                "login_email", "メールアドレス", "login_password", "パスワード", "login_submit", "サインイン",
                "list_new", "新しい接続", "field_label", "ラベル", "field_accountId", "AWS アカウント ID",
                "field_region", "ホームリージョン", "field_buckets", "S3 バケット", "create_submit", "接続を作成",
                "flash_connection_created", "接続を作成しました。以下の 3 つの手順に従ってください。",
                "artifact_cloudformation_yaml", "CloudFormation テンプレート", "artifact_main_tf", "Terraform",
                "artifact_create_role_sh", "AWS CLI", "artifact_trust_policy_json", "信頼ポリシー（JSON）",
                "artifact_permission_policy_json", "権限ポリシー（JSON）",
                "field_roleArn", "ロール ARN", "role_submit", "ロール ARN を保存",
                "error_roleArn_userArn", "これはロールではなく IAM ユーザーの ARN です。作成したロールの ARN（…:role/…）を貼り付けてください。",
                "flash_role_submitted", "ロール ARN を保存しました。次にチェックを実行してください。",
                "check_run", "チェックを実行", "check_run_again", "もう一度チェックする",
                "outcome_passed", "結果: 合格", "outcome_failed", "結果: 失敗",
                "status_FAIL", "失敗", "step_list_objects", "オブジェクト一覧 (ListObjectsV2)",
                "code_S3_LIST_DENIED_title", "バケットの一覧取得が拒否されました",
                "fix_role_policy_missing", "AWS は、これを許可するアイデンティティベースのポリシーがないと応答しました。"
                        + "セットアップページの権限ポリシーのとおりに追加し、もう一度チェックしてください。",
                "conn_status_FAILING", "失敗中", "check_back", "接続に戻る",
                "staff_filter_query", "検索", "staff_column_status", "ステータス", "staff_status_FAILING", "失敗中",
                "staff_filter_apply", "表示", "staff_one_result", "1 件の接続", "history_details", "詳細",
                "revoke_reason", "理由（顧客に表示され、監査証跡に記録されます）",
                "revoke_confirm", "この操作は元に戻せないことを理解しました。", "revoke_submit", "今すぐ取り消す",
                "flash_connection_revoked_now", "接続を取り消しました。このロールの利用はすべて拒否されます。",
                "revoked_title", "この接続は取り消されました",
                "vendor_admin", "サービス提供元の管理者"));
    }

    private static Words words(String language, String... pairs) {
        Map<String, String> text = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            text.put(pairs[i], pairs[i + 1]);
        }
        return new Words(language, text);
    }

    @TestHTTPResource("/")
    URL base;

    @InjectFakeAws
    FakeAws aws;

    @AfterEach
    void calmAws() {
        aws.clearFaults();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("journeys")
    void aCustomerCreatesAConnectionDownloadsTheTemplateAndSavesTheRoleArn(Words words, Viewport viewport) throws IOException {
        Account customer = Accounts.customer(Accounts.organisation("Onboarding"));
        String account = randomAccount();
        String bucket = "rg-" + Accounts.unique();
        try (Browser browser = signedIn(customer, words, viewport)) {
            String id = createConnection(browser, words, account, bucket);
            browser.waitForText(words.t("flash_connection_created"));
            String externalId = browser.byId("external-id").getText();
            assertEquals(currentExternalId(id), externalId);
            for (String artifact : List.of("artifact_cloudformation_yaml", "artifact_main_tf", "artifact_create_role_sh",
                    "artifact_trust_policy_json")) {
                assertTrue(artifact(browser, words.t(artifact)).getText().contains(externalId),
                        artifact + " carries the external ID");
            }
            assertTrue(artifact(browser, words.t("artifact_permission_policy_json")).getText()
                    .contains("arn:aws:s3:::" + bucket), "the permission policy names the bucket");
            browser.screenshot("onboarding-setup-" + words.language() + "-" + viewport);

            WebElement template = artifact(browser, words.t("artifact_cloudformation_yaml"));
            WebElement link = template.findElement(By.xpath("ancestor::section[1]//a[@download]"));
            assertEquals("cloudformation.yaml", link.getAttribute("download"));
            assertEquals(base + "connections/" + id + "/cloudformation.yaml", link.getAttribute("href"));
            link.click();
            String downloaded = Files.readString(browser.download("cloudformation.yaml"), StandardCharsets.UTF_8);
            assertTrue(downloaded.contains("AWS::IAM::Role") && downloaded.contains(externalId)
                    && downloaded.contains("RoleArn"), downloaded);

            String userArn = "arn:aws:iam::" + account + ":user/alice";
            browser.fill(words.t("field_roleArn"), userArn).press(words.t("role_submit"));
            WebElement error = browser.byId("roleArn-error-0");
            assertEquals(words.t("error_roleArn_userArn"), error.getText());
            WebElement field = browser.byLabel(words.t("field_roleArn"));
            assertEquals("true", field.getAttribute("aria-invalid"));
            assertTrue(field.getAttribute("aria-describedby").contains("roleArn-error-0"));
            assertEquals(userArn, field.getAttribute("value"), "the input is kept");
            assertEquals(field.findElement(By.xpath("..")), error.findElement(By.xpath("..")),
                    "the error is shown next to its field");
            browser.screenshot("onboarding-wrong-arn-" + words.language() + "-" + viewport);

            String roleArn = "arn:aws:iam::" + account + ":role/rolegate-" + id;
            browser.fill(words.t("field_roleArn"), roleArn).press(words.t("role_submit"));
            browser.waitForText(words.t("flash_role_submitted"));
            assertEquals(roleArn, browser.byId("current-role-arn").getText());
            assertEquals(words.language(), browser.pageLanguage());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("journeys")
    void aCustomerWatchesTheCheckPassThenSeesTheFailingStepWithItsRemedy(Words words, Viewport viewport) {
        Account customer = Accounts.customer(Accounts.organisation("Live check"));
        String account = randomAccount();
        String bucket = "rg-" + Accounts.unique();
        aws.bucket(bucket, "us-east-1", account);
        aws.object(bucket, "reports/daily.csv", REPORT, null);
        try (Browser browser = signedIn(customer, words, viewport)) {
            String id = createConnection(browser, words, account, bucket);
            String roleArn = "arn:aws:iam::" + account + ":role/rolegate-" + id;
            String trust = artifact(browser, words.t("artifact_trust_policy_json")).getText();
            String permissions = artifact(browser, words.t("artifact_permission_policy_json")).getText();
            aws.role(roleArn, trust, permissions);
            browser.fill(words.t("field_roleArn"), roleArn).press(words.t("role_submit"));
            browser.waitForText(words.t("flash_role_submitted"));

            browser.press(words.t("check_run"));
            browser.waitFor(d -> browser.path().startsWith("/connections/" + id + "/checks/"));
            browser.waitForText(words.t("outcome_passed"));
            assertEquals(List.of(), browser.all("tr.step[data-status='FAIL']"));
            browser.screenshot("check-passed-" + words.language() + "-" + viewport);

            aws.role(roleArn, trust, withoutListBucket(permissions));
            String passedCheck = browser.path();
            browser.press(words.t("check_run_again"));
            browser.waitFor(d -> !browser.path().equals(passedCheck) && browser.path().contains("/checks/"));
            browser.waitForText(words.t("outcome_failed"));
            List<WebElement> failing = browser.all("tr.step[data-status='FAIL']");
            assertEquals(1, failing.size(), "one failing step");
            WebElement step = failing.get(0);
            assertTrue(step.findElement(By.tagName("th")).getText().startsWith(words.t("step_list_objects")));
            assertEquals(words.t("status_FAIL"), step.findElement(By.className("step-status")).getText());
            String fix = step.findElement(By.className("step-fix")).getText();
            assertTrue(fix.contains(words.t("fix_role_policy_missing")), fix);
            assertTrue(fix.contains(roleArn) && fix.contains("s3:ListBucket") && fix.contains("arn:aws:s3:::" + bucket), fix);
            WebElement code = step.findElement(By.cssSelector(".step-code a"));
            assertEquals("RG-S3-LIST-DENIED", code.getText());
            assertEquals(base + "help/codes#RG-S3-LIST-DENIED", code.getAttribute("href"));
            browser.screenshot("check-failed-" + words.language() + "-" + viewport);

            code.click();
            browser.waitForPath("/help/codes");
            assertTrue(browser.byId("RG-S3-LIST-DENIED").getText().contains(words.t("code_S3_LIST_DENIED_title")));
            browser.open("/connections/" + id);
            assertEquals(words.t("conn_status_FAILING"), browser.byId("connection-status").getText());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("journeys")
    void supportFindsAFailingConnectionsHistoryAndAnAdminRevokesIt(Words words, Viewport viewport) {
        Organisation organisation = Accounts.organisation("Console");
        Account customer = Accounts.customer(organisation);
        String label = "Failing reports " + Accounts.unique();
        String id = failingConnection(customer, label);
        String healthy = "Healthy reports " + Accounts.unique();
        Connections.create(organisation, healthy, ConnectionStatus.ACTIVE, Instant.now(), null);

        try (Browser support = signedIn(Accounts.support(), words, viewport)) {
            support.waitForPath("/staff/connections");
            support.fill(words.t("staff_filter_query"), organisation.name);
            new Select(support.byLabel(words.t("staff_column_status"))).selectByVisibleText(words.t("staff_status_FAILING"));
            support.press(words.t("staff_filter_apply"));
            support.waitFor(d -> d.getCurrentUrl().contains("status=failing"));
            assertEquals(words.t("staff_one_result"), support.byId("result-count").getText());
            String table = support.byId("connections").getText();
            assertTrue(table.contains(label) && !table.contains(healthy), table);
            support.screenshot("staff-failing-" + words.language() + "-" + viewport);

            support.byRole("link", label).click();
            support.waitForPath("/connections/" + id);
            List<WebElement> history = support.all(".check-history tbody tr");
            assertEquals(2, history.size(), "a passed and a failed check");
            history.get(0).findElement(By.partialLinkText(words.t("history_details"))).click();
            support.waitFor(d -> support.path().startsWith("/connections/" + id + "/checks/"));
            String check = support.waitForText(words.t("outcome_failed"));
            assertTrue(check.contains("RG-S3-LIST-DENIED") && check.contains("AccessDenied"),
                    "support sees the code and the AWS error: " + check);
            support.screenshot("staff-check-" + words.language() + "-" + viewport);
        }
        try (Browser admin = signedIn(Accounts.admin(), words, viewport)) {
            admin.open("/connections/" + id);
            admin.fill(words.t("revoke_reason"), "Customer asked to disconnect");
            admin.byLabel(words.t("revoke_confirm")).click();
            admin.press(words.t("revoke_submit"));
            admin.waitForText(words.t("flash_connection_revoked_now"));
        }
        try (Browser browser = signedIn(customer, words, viewport)) {
            browser.byRole("link", label).click();
            browser.waitForPath("/connections/" + id);
            browser.byRole("heading", words.t("revoked_title"));
            String page = browser.byId("revoked").getText();
            assertTrue(page.contains("aws iam delete-role --role-name rolegate-" + id), page);
            assertTrue(page.contains(words.t("vendor_admin")) && page.contains("Customer asked to disconnect"),
                    "when, by whom and why: " + page);
            assertEquals(List.of(), browser.all("#role-form, #check-form, #rotation-form"));
            browser.screenshot("customer-revoked-" + words.language() + "-" + viewport);
        }
    }

    private Browser signedIn(Account account, Words words, Viewport viewport) {
        Browser browser = viewport.start(base, words.language());
        browser.open("/login").fill(words.t("login_email"), account.email)
                .fill(words.t("login_password"), Accounts.PASSWORD).press(words.t("login_submit"));
        browser.waitFor(d -> !browser.path().equals("/login") && !browser.path().equals("/j_security_check"));
        return browser;
    }

    /** Fills the creation form from the connection list and returns the new connection's id. */
    private static String createConnection(Browser browser, Words words, String account, String bucket) {
        browser.open("/connections");
        browser.byRole("link", words.t("list_new")).click();
        browser.waitForPath("/connections/new");
        browser.fill(words.t("field_label"), "Reports " + Accounts.unique()).fill(words.t("field_accountId"), account)
                .fill(words.t("field_region"), "us-east-1").fill(words.t("field_buckets"), bucket + "/reports")
                .press(words.t("create_submit"));
        browser.waitFor(d -> browser.path().matches("/connections/[0-9a-f-]{36}"));
        return browser.path().substring("/connections/".length());
    }

    /** The code block of the setup page's artifact with this title, its tab chosen first (one artifact shows at a time). */
    private static WebElement artifact(Browser browser, String heading) {
        browser.byRole("link", heading).click();
        WebElement panel = browser.byRole("heading", heading).findElement(By.xpath("ancestor::section[1]"));
        browser.waitFor(d -> panel.isDisplayed());
        return panel.findElement(By.tagName("pre"));
    }

    /** A connection that passed a check and then failed one because its role lost s3:ListBucket. */
    private String failingConnection(Account customer, String label) {
        Session session = Session.signIn(customer);
        String account = randomAccount();
        String bucket = "rg-" + Accounts.unique();
        aws.bucket(bucket, "us-east-1", account);
        aws.object(bucket, "reports/daily.csv", REPORT, null);
        Map<String, String> form = new HashMap<>(Connections.form());
        form.put("label", label);
        form.put("accountId", account);
        form.put("region", "us-east-1");
        form.put("buckets", bucket + "/reports");
        form.put("kmsKeyArns", "");
        String id = Connections.createThroughForm(session, form);
        String page = "/connections/" + id;
        String roleArn = "arn:aws:iam::" + account + ":role/rolegate-" + id;
        String trust = session.get(page + "/trust-policy.json").asString();
        String permissions = session.get(page + "/permission-policy.json").asString();
        aws.role(roleArn, trust, permissions);
        session.post(page, page + "/role", Map.of("roleArn", roleArn)).then().statusCode(303);
        assertEquals("PASSED", runCheck(session, page));
        aws.role(roleArn, trust, withoutListBucket(permissions));
        assertEquals("FAILED", runCheck(session, page));
        return id;
    }

    private static String runCheck(Session session, String page) {
        String check = session.post(page, page + "/checks", Map.of()).then().statusCode(303).extract().header("Location");
        return Awaitility.await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(100))
                .until(() -> session.request().accept("application/json").get(check).jsonPath().getString("outcome"),
                        outcome -> !"RUNNING".equals(outcome));
    }

    /** The customer's mistake: the permission policy as shown, minus the statement granting s3:ListBucket. */
    private static String withoutListBucket(String permissionPolicy) {
        try {
            ObjectNode policy = (ObjectNode) JSON.readTree(permissionPolicy);
            JsonNode statements = policy.get("Statement");
            ArrayNode kept = JSON.createArrayNode();
            (statements.isArray() ? statements : JSON.createArrayNode().add(statements)).forEach(statement -> {
                if (!statement.get("Action").toString().contains("s3:ListBucket\"")) {
                    kept.add(statement);
                }
            });
            if (kept.size() == (statements.isArray() ? statements.size() : 1)) {
                throw new AssertionError("no s3:ListBucket statement in " + permissionPolicy);
            }
            policy.set("Statement", kept);
            return JSON.writeValueAsString(policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String currentExternalId(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find(
                "connection.id = ?1 and state = ?2", UUID.fromString(connectionId), IssuedExternalId.State.CURRENT)
                .singleResult().value);
    }

    private static String randomAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
    }
}
