package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.Browser;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;
import io.rolegate.support.Viewport;

/**
 * Every page state a customer, support engineer, administrator or visitor meets, in English and Japanese, on a
 * desktop (1366×900) and a phone (390×844): no axe-core violation and no sideways scroll. A screenshot of each
 * is kept under {@code target/screenshots/pages/}. With JavaScript off, no control is dead and every one works.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class PageQualityTest {

    /**
     * One page state: who looks at which page, and what they do there first (submit a form with errors, say). The
     * path is asked for just before the visit (a running check is started then, so it still runs).
     */
    record PageState(String name, Account viewer, Supplier<String> path, Consumer<Browser> action) {

        PageState(String name, Account viewer, String path, Consumer<Browser> action) {
            this(name, viewer, () -> path, action);
        }
    }

    /** The people and connections every state is built from; made once, the tests only read them. */
    record World(Account emptyCustomer, Account customer, Account support, Account admin, Organisation organisation,
            UUID pending, UUID active, UUID failing, UUID revoked, UUID rotating, String passedCheck,
            String failedCheck) {
    }

    private static World world;

    @TestHTTPResource("/")
    URL base;

    @InjectFakeAws
    FakeAws aws;

    static Stream<Arguments> views() {
        return Stream.of("en", "ja").flatMap(language -> Stream.of(Viewport.values())
                .map(viewport -> Arguments.of(language, viewport)));
    }

    @BeforeEach
    void buildTheWorldOnce() {
        if (world == null) {
            world = build();
        }
    }

    @AfterEach
    void calmAws() {
        aws.clearFaults();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("views")
    void everyPageStateHasNoAxeViolationAndNoSidewaysScroll(String language, Viewport viewport) {
        List<String> problems = new ArrayList<>();
        Map<Account, List<PageState>> byViewer = new LinkedHashMap<>();
        for (PageState state : states(true)) {
            byViewer.computeIfAbsent(state.viewer(), viewer -> new ArrayList<>()).add(state);
        }
        byViewer.forEach((viewer, states) -> {
            try (Browser browser = viewport.start(base, language)) {
                if (viewer != null) {
                    browser.signIn(viewer.email, Accounts.PASSWORD);
                }
                for (PageState state : states) {
                    browser.open(state.path().get());
                    if (state.action() != null) {
                        state.action().accept(browser);
                    }
                    browser.screenshot("pages/" + state.name() + "-" + language + "-" + viewport);
                    browser.axeViolations().forEach(violation -> problems.add(state.name() + ": " + violation));
                    long overflow = browser.sidewaysOverflow();
                    if (overflow > 0) {
                        problems.add(state.name() + ": the page scrolls sideways by " + overflow + " px");
                    }
                }
            }
        });
        assertEquals(List.of(), problems, () -> problems.size() + " problems in " + language + " on a " + viewport);
    }

    @Test
    void theCheckersFindTheFaultsTheyLookFor() {
        try (Browser browser = Viewport.PHONE.start(base, "en")) {
            browser.open("/help/codes");
            assertEquals(List.of(), browser.axeViolations());
            assertEquals(0, browser.sidewaysOverflow());
            browser.script("""
                    var main = document.getElementById('main');
                    main.insertAdjacentHTML('afterbegin', '<p><a href="/help/codes" aria-label="Open it">Details</a></p>'
                        + '<img src="/favicon.ico" width="10" height="10">'
                        + '<p id="too-wide">too wide for a phone</p>');
                    // Through the CSSOM: the pages' Content-Security-Policy refuses style attributes.
                    document.getElementById('too-wide').style.width = '500px';
                    """);
            List<String> found = browser.axeViolations();
            assertTrue(found.stream().anyMatch(line -> line.startsWith("label-content-name-mismatch")), found::toString);
            assertTrue(found.stream().anyMatch(line -> line.startsWith("image-alt")), found::toString);
            assertTrue(browser.sidewaysOverflow() > 0, "a 500 px paragraph in a 390 px window");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void withoutJavaScriptNoControlIsDeadAndTheSetupAndCheckWork(String language) {
        UUID id = ActiveConnections.create(aws, ConnectionStatus.PENDING, world.organisation()).connectionId();
        List<String> dead = new ArrayList<>();
        try (Browser browser = Viewport.DESKTOP.start(base, language)) {
            browser.withoutJavaScript().signIn(world.customer().email, Accounts.PASSWORD);
            for (PageState state : states(false)) {
                if (world.customer().equals(state.viewer()) && state.action() == null) {
                    browser.open(state.path().get());
                    deadControls(browser).forEach(control -> dead.add(state.name() + ": " + control));
                }
            }
            browser.open("/connections/" + id);
            List<WebElement> tabs = browser.all(".tab-list a.tab");
            assertTrue(tabs.size() >= 4, "the artifacts are offered as tabs");
            assertVisiblePanels(browser, List.of("artifact-0-panel"));
            for (int index = tabs.size() - 1; index >= 0; index--) {
                browser.all(".tab-list a.tab").get(index).click();
                assertVisiblePanels(browser, List.of("artifact-" + index + "-panel"));
            }
            assertTrue(browser.all("button.copy").stream().noneMatch(WebElement::isDisplayed),
                    "no copy button without JavaScript");

            browser.byId("check-form").findElement(By.tagName("button")).click();
            browser.waitFor(d -> browser.path().contains("/checks/"));
            browser.waitFor(d -> !browser.all("#check[data-outcome='PASSED']").isEmpty());
            dead.addAll(deadControls(browser));
        }
        assertEquals(List.of(), dead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void withJavaScriptTheCopyButtonsShowAndTheTabsAreAriaTabs(String language) {
        try (Browser browser = Viewport.DESKTOP.start(base, language)) {
            browser.signIn(world.customer().email, Accounts.PASSWORD).open("/connections/" + world.pending());
            browser.waitFor(d -> !browser.all("[role='tablist']").isEmpty());
            assertTrue(browser.byId("external-id").findElement(By.xpath("..//button[@data-copy-target]")).isDisplayed(),
                    "the external ID has a copy button");
            List<WebElement> tabs = browser.all("[role='tab']");
            assertEquals("true", tabs.get(0).getAttribute("aria-selected"));
            assertVisiblePanels(browser, List.of("artifact-0-panel"));
            tabs.get(2).click();
            assertEquals("true", browser.all("[role='tab']").get(2).getAttribute("aria-selected"));
            assertVisiblePanels(browser, List.of("artifact-2-panel"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void onADesktopTheLatestCheckOpensTheSetupPageAndTheRoleArnAndCheckButtonAreInTheFirstScreenful(String language) {
        try (Browser browser = Viewport.DESKTOP.start(base, language)) {
            browser.signIn(world.customer().email, Accounts.PASSWORD);
            for (UUID id : List.of(world.pending(), world.failing(), world.rotating())) {
                browser.open("/connections/" + id);
                // Without a role ARN the check step says to save one first instead of offering the button.
                for (WebElement needed : List.of(browser.byId("roleArn"),
                        browser.byId("role-form").findElement(By.tagName("button")),
                        browser.byId("check").findElements(By.cssSelector("#check-form button, .hint")).get(0))) {
                    int bottom = needed.getRect().getY() + needed.getRect().getHeight();
                    assertTrue(needed.isDisplayed() && bottom <= Viewport.DESKTOP.height(),
                            id + ": " + needed.getAttribute("outerHTML") + " ends at " + bottom + " px");
                }
            }
            browser.open("/connections/" + world.failing());
            WebElement latest = browser.byId("latest-check");
            assertTrue(latest.getRect().getY() < browser.byId("step-role").getRect().getY(), "the latest check comes first");
            assertTrue(latest.getText().contains("RG-S3-LIST-DENIED"), latest.getText());
            assertTrue(browser.byId("latest-check-fix").getText().contains("s3:ListBucket"), latest.getText());
        }
    }

    static Stream<String> languages() {
        return Stream.of("en", "ja");
    }

    /** Buttons that need a script (type="button") or belong to no form: they would do nothing without JavaScript. */
    private static List<String> deadControls(Browser browser) {
        List<String> dead = new ArrayList<>();
        for (WebElement button : browser.all("button")) {
            boolean submits = !"button".equals(button.getAttribute("type"))
                    && !button.findElements(By.xpath("ancestor::form")).isEmpty();
            if (button.isDisplayed() && !submits) {
                dead.add(browser.path() + " " + button.getText());
            }
        }
        return dead;
    }

    private static void assertVisiblePanels(Browser browser, List<String> expected) {
        browser.waitFor(d -> browser.all(".tab-panel").stream().filter(WebElement::isDisplayed)
                .map(panel -> panel.getAttribute("id")).toList().equals(expected));
    }

    /** Every page state; the running check (with its propagation narration) first among the customer's. */
    private List<PageState> states(boolean withRunningCheck) {
        World w = world;
        String pending = "/connections/" + w.pending();
        List<PageState> states = new ArrayList<>();
        if (withRunningCheck) {
            states.add(new PageState("check-running", w.customer(), this::runningCheck, null));
        }
        states.addAll(List.of(
                new PageState("login", null, "/login", null),
                new PageState("login-failed", null, "/login", browser -> {
                    browser.byId("j_username").sendKeys(w.customer().email);
                    browser.byId("j_password").sendKeys("not the password");
                    browser.byId("j_password").submit();
                    browser.byId("login-error");
                }),
                new PageState("invite", null, "/invite/" + Invites.customer(w.organisation(),
                        "invitee-" + Accounts.unique() + "@example.com", Duration.ofDays(1)), null),
                new PageState("invite-unusable", null, "/invite/not-a-token-" + Accounts.unique(), null),
                new PageState("codes", null, "/help/codes", null),
                new PageState("connections-empty", w.emptyCustomer(), "/connections", null),
                new PageState("connections", w.customer(), "/connections", null),
                new PageState("connection-new", w.customer(), "/connections/new", null),
                new PageState("connection-new-errors", w.customer(), "/connections/new", browser -> {
                    browser.byId("accountId").sendKeys("12");
                    browser.byId("connection-form").submit();
                    browser.byId("accountId-error-0");
                }),
                new PageState("setup-pending", w.customer(), pending, null),
                new PageState("setup-role-error", w.customer(), pending, browser -> {
                    browser.byId("roleArn").clear();
                    browser.byId("roleArn").sendKeys("arn:aws:iam::123456789012:user/alice");
                    browser.byId("role-form").submit();
                    browser.byId("roleArn-error-0");
                }),
                new PageState("setup-active", w.customer(), "/connections/" + w.active(), null),
                new PageState("setup-failing", w.customer(), "/connections/" + w.failing(), null),
                new PageState("setup-revoked", w.customer(), "/connections/" + w.revoked(), null),
                new PageState("setup-rotation", w.customer(), "/connections/" + w.rotating(), null),
                new PageState("edit", w.customer(), pending + "/edit", null),
                new PageState("check-passed", w.customer(), w.passedCheck(), null),
                new PageState("check-failed", w.customer(), w.failedCheck(), null),
                new PageState("not-found", w.customer(), "/connections/" + UUID.randomUUID(), null),
                new PageState("forbidden", w.customer(), "/staff/users", null),
                new PageState("staff-console", w.support(), "/staff/connections", null),
                new PageState("staff-console-failing", w.support(), "/staff/connections?status=failing", null),
                new PageState("staff-setup", w.support(), "/connections/" + w.failing(), null),
                new PageState("staff-check-failed", w.support(), w.failedCheck(), null),
                new PageState("audit", w.support(), "/staff/audit", null),
                new PageState("users", w.admin(), "/staff/users", null),
                new PageState("organisations", w.admin(), "/staff/organisations", null),
                new PageState("organisation-created", w.admin(), "/staff/organisations", browser -> {
                    browser.byId("org-name").sendKeys("Pages " + Accounts.unique());
                    browser.byId("org-email").sendKeys("first-" + Accounts.unique() + "@example.com");
                    browser.byId("create-organisation").submit();
                    browser.waitFor(d -> !browser.all(".flash").isEmpty());
                }),
                new PageState("api-tokens", w.admin(), "/staff/api-tokens", null),
                new PageState("api-token-created", w.admin(), "/staff/api-tokens", browser -> {
                    browser.byId("name").sendKeys("pages " + Accounts.unique());
                    // The read scope is chosen already.
                    browser.byId("token-form").submit();
                    browser.byId("new-token");
                }),
                new PageState("admin-setup", w.admin(), "/connections/" + w.active(), null),
                new PageState("codes-filtered", null, "/help/codes?q=kms", null),
                new PageState("staff-console-code", w.support(), "/staff/connections?code=RG-S3-READ-DENIED", null),
                new PageState("trust-diagnosis", w.customer(), "/connections/" + w.failing(), browser -> {
                    browser.byId("trustPolicy").sendKeys("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"sts:AssumeRole\"}}");
                    browser.byId("trust-diagnosis-form").submit();
                    browser.waitFor(d -> !browser.all(".finding").isEmpty());
                }),
                new PageState("trust-diagnosis-error", w.customer(), "/connections/" + w.failing(), browser -> {
                    browser.byId("trustPolicy").sendKeys("not a policy");
                    browser.byId("trust-diagnosis-form").submit();
                    browser.byId("trustPolicy-error-0");
                }),
                new PageState("invite-shown-again", w.admin(), "/staff/users", browser -> {
                    browser.all("a[href^='/staff/invites/']").get(0).click();
                    browser.waitFor(d -> browser.path().startsWith("/staff/invites/"));
                })));
        return states;
    }

    /** A check waiting for IAM propagation: its role does not exist (yet) and its ARN was submitted just now. */
    private String runningCheck() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING, world.organisation());
        aws.removeRole(setup.roleArn());
        String path = startCheck(setup.connectionId());
        Session session = Session.signIn(Accounts.customer(world.organisation()));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> session.request().accept("application/json")
                .get(path).then().extract().path("steps.find { it.name == 'assume-role' }.code"),
                code -> "RG-TRUST-PROPAGATING".equals(code));
        return path;
    }

    private World build() {
        Organisation organisation = Accounts.organisation("Pages");
        Account customer = Accounts.customer(organisation);
        UUID pending = UUID.fromString(Connections.createThroughForm(Session.signIn(customer), Connections.form()));

        ActiveConnections.Setup active = passedLongAgo(organisation);
        String passedCheck = startCheck(active.connectionId());
        awaitOutcome(passedCheck, "PASSED");

        ActiveConnections.Setup failing = passedLongAgo(organisation);
        awaitOutcome(startCheck(failing.connectionId()), "PASSED");
        aws.role(failing.roleArn(), trustPolicyOf(failing), """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetBucketLocation","Resource":"*"}}""");
        String failedCheck = startCheck(failing.connectionId());
        awaitOutcome(failedCheck, "FAILED");

        ActiveConnections.Setup revoked = passedLongAgo(organisation);
        Session admin = Session.signIn(Accounts.admin());
        String revokedPage = "/connections/" + revoked.connectionId();
        admin.post(revokedPage, revokedPage + "/revoke", Map.of("reason", "The contract ended.", "confirm", "yes"))
                .then().statusCode(303);

        ActiveConnections.Setup rotating = passedLongAgo(organisation);
        ActiveConnections.rotate(rotating.connectionId());

        return new World(Accounts.customer(Accounts.organisation("Pages empty")), customer, Accounts.support(),
                Accounts.admin(), organisation, pending, active.connectionId(), failing.connectionId(),
                revoked.connectionId(), rotating.connectionId(), passedCheck, failedCheck);
    }

    /** An active connection whose role ARN was submitted long ago (a denial is not taken for IAM propagation). */
    private ActiveConnections.Setup passedLongAgo(Organisation organisation) {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING, organisation);
        QuarkusTransaction.requiringNew().run(() -> Connection.update("roleSubmittedAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofHours(1)), setup.connectionId()));
        return setup;
    }

    private static String trustPolicyOf(ActiveConnections.Setup setup) {
        Session session = Session.signIn(Accounts.customer(setup.organisation()));
        return session.get("/connections/" + setup.connectionId() + "/trust-policy.json").asString();
    }

    /** Starts a check as a customer of the connection's organisation (a new one each time: no rate limit). */
    private static String startCheck(UUID connectionId) {
        Organisation organisation = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(
                connectionId).organisation);
        String page = "/connections/" + connectionId;
        String location = Session.signIn(Accounts.customer(organisation)).post(page, page + "/checks", Map.of())
                .then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("/connections/"));
    }

    private static void awaitOutcome(String checkPath, String outcome) {
        Session session = Session.signIn(Accounts.support());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> session.request().accept("application/json")
                .get(checkPath).then().extract().path("outcome"), outcome::equals);
    }
}
