package io.rolegate.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.aws.fake.Stack;
import io.rolegate.support.Accounts;
import io.rolegate.support.Browser;

/**
 * A customer onboards with the Launch Stack button only, in a real browser, in each language: the button opens the
 * CloudFormation console's quick-create page (played here by the stand-in), the setup page waits for the stack by
 * itself and opens the passing check when the registration arrives. Nobody types a role ARN.
 */
@QuarkusTest
@WithTestResource(OnboardingAws.class)
class LaunchStackJourneyTest {

    private static final byte[] REPORT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    record Words(String language, Map<String, String> text) {

        String t(String key) {
            return text.get(key);
        }

        @Override
        public String toString() {
            return language;
        }
    }

    static Stream<Words> languages() {
        return Stream.of(words("en", "login_email", "Email", "login_password", "Password", "login_submit", "Sign in",
                        "list_new", "New connection", "field_label", "Label", "field_accountId", "AWS account ID",
                        "field_region", "Home region", "field_buckets", "S3 buckets", "create_submit", "Create connection",
                        "launch_button", "Launch stack in AWS", "waiting_title", "Waiting for your stack",
                        "outcome_passed", "Outcome: Passed"),
                words("ja", "login_email", "メールアドレス", "login_password", "パスワード", "login_submit", "サインイン",
                        "list_new", "新しい接続", "field_label", "ラベル", "field_accountId", "AWS アカウント ID",
                        "field_region", "ホームリージョン", "field_buckets", "S3 バケット", "create_submit", "接続を作成",
                        "launch_button", "AWS でスタックを起動", "waiting_title", "スタックを待っています",
                        "outcome_passed", "結果: 合格"));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void aCustomerOnboardsWithTheLaunchStackButtonOnly(Words words) {
        Account customer = Accounts.customer(Accounts.organisation("Launch"));
        String account = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
        String bucket = "rg-" + Accounts.unique();
        aws.bucket(bucket, "us-east-1", account);
        aws.object(bucket, "reports/daily.csv", REPORT, null);
        try (Browser browser = Browser.start(base, words.language())) {
            browser.open("/login").fill(words.t("login_email"), customer.email)
                    .fill(words.t("login_password"), Accounts.PASSWORD).press(words.t("login_submit"));
            browser.waitFor(d -> !browser.path().equals("/login") && !browser.path().equals("/j_security_check"));
            browser.open("/connections");
            browser.byRole("link", words.t("list_new")).click();
            browser.waitForPath("/connections/new");
            browser.fill(words.t("field_label"), "Reports " + Accounts.unique()).fill(words.t("field_accountId"), account)
                    .fill(words.t("field_region"), "us-east-1").fill(words.t("field_buckets"), bucket + "/reports")
                    .press(words.t("create_submit"));
            browser.waitFor(d -> browser.path().matches("/connections/[0-9a-f-]{36}"));
            String id = browser.path().substring("/connections/".length());

            WebElement button = browser.byRole("link", words.t("launch_button"));
            assertTrue(browser.byId("stack-waiting").getText().contains(words.t("waiting_title")));
            browser.screenshot("launch-stack-waiting-" + words.language());
            Map<String, String> quickCreate = quickCreate(button.getAttribute("href"));
            Stack stack = aws.launchStack(account, "us-east-1", quickCreate.get("stackName"), quickCreate.get("templateURL"),
                    Map.of("ExternalId", quickCreate.get("param_ExternalId")));
            assertEquals("CREATE_COMPLETE", stack.awaitCompletion(Duration.ofSeconds(30)));

            browser.waitFor(d -> browser.path().startsWith("/connections/" + id + "/checks/"));
            browser.waitForText(words.t("outcome_passed"));
            assertEquals(words.language(), browser.pageLanguage());
            browser.screenshot("launch-stack-passed-" + words.language());
        }
    }

    /** The quick-create parameters of a Launch Stack link (they follow the {@code #/stacks/quickcreate?} fragment). */
    private static Map<String, String> quickCreate(String href) {
        String fragment = URI.create(href).getRawFragment();
        Map<String, String> values = new HashMap<>();
        for (String pair : fragment.substring(fragment.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
