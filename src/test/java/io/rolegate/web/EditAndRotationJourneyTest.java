package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.Browser;
import io.rolegate.support.Viewport;

/**
 * A customer changes a working connection in a real browser, in each language (PRODUCT §7, §13): adds a bucket,
 * rotates the external ID, updates the role in the fake AWS with the documents the page shows, and runs the check —
 * and the connection is ACTIVE on the page after every step.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class EditAndRotationJourneyTest {

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
                "status_ACTIVE", "Active", "edit_link", "Edit connection", "field_buckets", "S3 buckets",
                "edit_submit", "Save changes",
                "flash_connection_edited", "Changes saved. Update your role with the new policies below, then run the check.",
                "resources_changed_title", "Your resources changed: update the role",
                "rotate_title", "Rotate the external ID", "rotate_submit", "Issue a new external ID",
                "flash_rotation_started", "A new external ID was issued. Update the trust policy, then run the check.",
                "artifact_trust_policy_json", "Trust policy (JSON)",
                "artifact_permission_policy_json", "Permission policy (JSON)",
                "resources_changed_check", "Run the check now", "outcome_passed", "Outcome: Passed",
                "check_back", "Back to the connection"),
                words("ja",
                "login_email", "メールアドレス", "login_password", "パスワード", "login_submit", "サインイン",
                "status_ACTIVE", "有効", "edit_link", "接続を編集", "field_buckets", "S3 バケット",
                "edit_submit", "変更を保存",
                "flash_connection_edited", "変更を保存しました。以下の新しいポリシーでロールを更新してから、チェックを実行してください。",
                "resources_changed_title", "リソースが変更されました: ロールを更新してください",
                "rotate_title", "外部 ID をローテーションする", "rotate_submit", "新しい外部 ID を発行",
                "flash_rotation_started", "新しい外部 ID を発行しました。信頼ポリシーを更新してからチェックを実行してください。",
                "artifact_trust_policy_json", "信頼ポリシー（JSON）",
                "artifact_permission_policy_json", "権限ポリシー（JSON）",
                "resources_changed_check", "今すぐチェックを実行", "outcome_passed", "結果: 合格",
                "check_back", "接続に戻る"));
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
    void aCustomerAddsABucketAndRotatesTheIdWithoutTheConnectionLeavingActive(Words words, Viewport viewport) {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        Account customer = Accounts.customer(setup.organisation());
        String page = "/connections/" + setup.connectionId();
        String added = "rg-" + Accounts.unique();
        aws.bucket(added, "us-east-1", setup.account());
        aws.object(added, "exports/2026.csv", ActiveConnections.CONTENT, null);

        try (Browser browser = signedIn(customer, words, viewport)) {
            browser.open(page);
            assertActive(browser, words);
            String originalId = browser.byId("external-id").getText();

            browser.byRole("link", words.t("edit_link")).click();
            browser.waitForPath(page + "/edit");
            String buckets = browser.byLabel(words.t("field_buckets")).getAttribute("value");
            browser.screenshot("edit-form-" + words.language() + "-" + viewport);
            browser.fill(words.t("field_buckets"), buckets + "\n" + added + "/exports/").press(words.t("edit_submit"));
            browser.waitForText(words.t("flash_connection_edited"));
            browser.waitForPath(page);
            assertActive(browser, words);
            browser.byRole("heading", words.t("resources_changed_title"));
            assertTrue(artifact(browser, words.t("artifact_permission_policy_json")).getText()
                    .contains("arn:aws:s3:::" + added + "/exports/*"), "the permission policy grants the new bucket");
            assertEquals(originalId, browser.byId("external-id").getText(), "an edit keeps the external ID");
            browser.screenshot("edit-saved-" + words.language() + "-" + viewport);

            browser.byRole("summary", words.t("rotate_title")).click();
            // A confirmation the rotation form may ask for is ticked as a person would: by clicking its label.
            for (WebElement box : browser.all("#rotation-form input[type=checkbox], input[type=checkbox][form=rotation-form]")) {
                browser.all("label[for='" + box.getAttribute("id") + "']").get(0).click();
            }
            browser.press(words.t("rotate_submit"));
            browser.waitForText(words.t("flash_rotation_started"));
            assertActive(browser, words);
            String rotatedId = browser.byId("external-id").getText();
            assertNotEquals(originalId, rotatedId);

            String trust = artifact(browser, words.t("artifact_trust_policy_json")).getText();
            assertTrue(trust.contains(originalId) && trust.contains(rotatedId), "the trust policy accepts both IDs");
            aws.role(setup.roleArn(), trust, artifact(browser, words.t("artifact_permission_policy_json")).getText());
            browser.screenshot("edit-rotated-" + words.language() + "-" + viewport);

            browser.press(words.t("resources_changed_check"));
            browser.waitFor(d -> browser.path().startsWith(page + "/checks/"));
            browser.waitForText(words.t("outcome_passed"));
            assertEquals(List.of(), browser.all("tr.step[data-status='FAIL'], tr.step[data-status='WARN']"),
                    "the new ID and the new bucket work");
            assertTrue(browser.all("tr.step[data-status='PASS'] .step-resource").stream()
                    .anyMatch(resource -> resource.getText().equals(added + "/exports/")), "the new bucket was read");

            browser.byRole("link", words.t("check_back")).click();
            browser.waitForPath(page);
            assertActive(browser, words);
            assertEquals(rotatedId, browser.byId("external-id").getText());
            assertEquals(List.of(), browser.all("#resources-changed, #rotation-in-progress"),
                    "the check ended the notice and the rotation");
            assertTrue(!artifact(browser, words.t("artifact_trust_policy_json")).getText().contains(originalId),
                    "the retired ID left the trust policy");
            assertEquals(words.language(), browser.pageLanguage());
            browser.screenshot("edit-checked-" + words.language() + "-" + viewport);
        }
    }

    private static void assertActive(Browser browser, Words words) {
        assertEquals(words.t("status_ACTIVE"), browser.byId("connection-status").getText());
    }

    private Browser signedIn(Account account, Words words, Viewport viewport) {
        Browser browser = viewport.start(base, words.language());
        browser.open("/login").fill(words.t("login_email"), account.email)
                .fill(words.t("login_password"), Accounts.PASSWORD).press(words.t("login_submit"));
        browser.waitFor(d -> !browser.path().equals("/login") && !browser.path().equals("/j_security_check"));
        return browser;
    }

    /** The code block of the setup page's artifact with this title, its tab chosen first (one artifact shows at a time). */
    private static WebElement artifact(Browser browser, String heading) {
        browser.byRole("link", heading).click();
        WebElement panel = browser.byRole("heading", heading).findElement(By.xpath("ancestor::section[1]"));
        browser.waitFor(d -> panel.isDisplayed());
        return panel.findElement(By.tagName("pre"));
    }
}
