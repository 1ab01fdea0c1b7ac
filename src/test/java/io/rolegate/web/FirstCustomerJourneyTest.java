package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.support.Accounts;
import io.rolegate.support.Browser;
import io.rolegate.support.Invites;
import io.rolegate.support.Viewport;

/** In a real browser, in each language, on a desktop and a phone: an administrator brings in a customer who then signs in. */
@QuarkusTest
class FirstCustomerJourneyTest {

    /** What a person reads on the way, in one language. */
    record Words(String language, String email, String password, String signIn, String organisationName,
            String firstEmail, String createOrganisation, String created, String yourName, String repeatPassword,
            String createAccount, String accountReady, String connections, String noConnections) {
    }

    /** Every journey in each language, on a desktop and on a phone. */
    static Stream<Arguments> journeys() {
        return languages().flatMap(words -> Stream.of(Viewport.values()).map(viewport -> Arguments.of(words, viewport)));
    }

    static Stream<Words> languages() {
        return Stream.of(
                new Words("en", "Email", "Password", "Sign in", "Organisation name", "Email of the first customer",
                        "Create organisation and invite", "was created", "Your name", "Repeat the password",
                        "Create my account", "Your account is ready.", "Connections", "No connections yet."),
                new Words("ja", "メールアドレス", "パスワード", "サインイン", "組織名", "最初の顧客のメールアドレス",
                        "組織を作成して招待", "を作成しました", "名前", "パスワード（確認）",
                        "アカウントを作成", "アカウントの準備ができました。", "接続", "接続はまだありません。"));
    }

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("journeys")
    void anInvitedCustomerSetsAPasswordAndSeesTheirEmptyConnections(Words words, Viewport viewport) {
        String organisation = "Journey " + Accounts.unique();
        String email = "journey-" + Accounts.unique() + "@example.com";
        String password = "journey password " + Accounts.unique();
        String link;
        try (Browser admin = viewport.start(base, words.language())) {
            admin.open("/login").fill(words.email(), "admin@test.rolegate")
                    .fill(words.password(), "admin-password-for-tests").press(words.signIn());
            admin.waitForPath("/staff/connections");
            admin.open("/staff/organisations").fill(words.organisationName(), organisation)
                    .fill(words.firstEmail(), email).press(words.createOrganisation());
            link = Invites.linkIn(admin.waitForText(words.created()));
            admin.screenshot("organisation-invited-" + words.language() + "-" + viewport);
            assertEquals(words.language(), admin.pageLanguage());
        }
        try (Browser customer = viewport.start(base, words.language())) {
            customer.open(link).fill(words.yourName(), "Journey Customer").fill(words.password(), password)
                    .fill(words.repeatPassword(), password).press(words.createAccount());
            customer.waitForPath("/login");
            customer.waitForText(words.accountReady());
            customer.fill(words.email(), email).fill(words.password(), password).press(words.signIn());
            customer.waitForPath("/connections");
            customer.byRole("heading", words.connections());
            assertTrue(customer.waitForText(words.noConnections()).contains(words.noConnections()));
            customer.screenshot("first-customer-empty-" + words.language() + "-" + viewport);
            assertEquals(words.language(), customer.pageLanguage());
        }
    }
}
