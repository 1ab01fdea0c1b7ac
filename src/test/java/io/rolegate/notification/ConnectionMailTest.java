package io.rolegate.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.Lifecycle;
import io.rolegate.registration.RegistrationRejected;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.MovableClock;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckOutcome;
import io.rolegate.verification.CheckService;
import io.rolegate.web.Language;

/**
 * PRODUCT §14 against a real SMTP server: a connection turning FAILING or INSECURE, or revoked, is e-mailed to the
 * organisation's active customers, each in their language, with a link to its page built from rolegate.public-url
 * and nothing secret; an insecure role also to the staff address; at most one e-mail per connection and kind per
 * quiet period; with the SMTP server down the check still completes and the e-mail is counted failed and sent later.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
@WithTestResource(SmtpServer.class)
class ConnectionMailTest {

    /** E-mail goes out within a second; the margin is for a slow machine. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PERMISSIONS = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
            + "\"Action\": \"s3:ListBucket\", \"Resource\": \"*\"}}";

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckService checks;

    @Inject
    Lifecycle lifecycle;

    @Inject
    Notifier notifier;

    @Inject
    Event<RegistrationRejected> rejections;

    @Inject
    MovableClock clock;

    @Inject
    MeterRegistry metrics;

    private ActiveConnections.Setup setup;
    private Account english;
    private Account japanese;
    private Account deactivated;

    @BeforeEach
    void activeConnectionWithAnEnglishAndAJapaneseCustomer() {
        aws.clearFaults();
        setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        english = customer(Language.EN, true);
        japanese = customer(Language.JA, true);
        deactivated = customer(Language.EN, false);
        // Set up long ago: a denied AssumeRole is final, not IAM propagation still under way.
        QuarkusTransaction.requiringNew().run(() -> Connection.update("roleSubmittedAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofDays(1)), setup.connectionId()));
    }

    @AfterEach
    void serverUpAndClockBack() {
        SmtpServer.up();
        clock.reset();
    }

    private Account customer(Language language, boolean active) {
        Account account = Accounts.customer(setup.organisation());
        QuarkusTransaction.requiringNew().run(() -> Account.update("language = ?1, active = ?2 where id = ?3",
                language, active, account.id));
        return account;
    }

    private CheckOutcome recheck() {
        UUID checkId = checks.recheck(setup.connectionId()).join() instanceof CheckService.Start.Started started
                ? started.checkId() : null;
        return QuarkusTransaction.requiringNew().call(() -> Check.<Check>findById(checkId).outcome);
    }

    private void roleGone() {
        aws.removeRole(setup.roleArn());
    }

    private ConnectionStatus status() {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(setup.connectionId()).status);
    }

    private String link() {
        return SmtpServer.PUBLIC_URL + "connections/" + setup.connectionId();
    }

    private static MimeMessage only(String address) {
        List<MimeMessage> messages = SmtpServer.to(address);
        assertEquals(1, messages.size(), () -> "messages to " + address + ": " + messages.size());
        return messages.get(0);
    }

    private static MimeMessage awaitOne(String address) {
        Awaitility.await().atMost(WAIT).until(() -> !SmtpServer.to(address).isEmpty());
        return only(address);
    }

    private double count(String name) {
        return metrics.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private void assertNothingSecret(String text) {
        String externalId = ActiveConnections.currentExternalId(setup.connectionId());
        assertFalse(text.contains(externalId), "no external ID: " + text);
        assertFalse(text.contains(setup.roleArn()), "no role ARN: " + text);
        assertFalse(text.contains(setup.account()), "no account number: " + text);
        assertFalse(text.toLowerCase().contains("password"), text);
        assertFalse(text.contains("ASIA") || text.contains("AKIA"), "no AWS keys: " + text);
    }

    @Test
    void aConnectionTurningFailingIsMailedToEachActiveCustomerInTheirLanguageWithItsLink() throws Exception {
        roleGone();
        assertEquals(CheckOutcome.FAILED, recheck());

        MimeMessage en = awaitOne(english.email);
        MimeMessage ja = awaitOne(japanese.email);
        String label = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(setup.connectionId()).label);
        assertEquals("Connection \"" + label + "\" is failing", SmtpServer.subject(en));
        assertEquals("接続「" + label + "」が失敗しています", SmtpServer.subject(ja));
        assertEquals(SmtpServer.FROM, en.getFrom()[0].toString());
        for (MimeMessage message : List.of(en, ja)) {
            String text = SmtpServer.text(message);
            assertTrue(text.contains(link()), text);
            assertNothingSecret(text);
        }
        assertTrue(SmtpServer.text(en).contains("The latest check of the connection"), SmtpServer.text(en));
        assertTrue(SmtpServer.text(ja).contains("最新のチェックが失敗しました"), SmtpServer.text(ja));
        assertTrue(SmtpServer.to(deactivated.email).isEmpty(), "deactivated customers get nothing");
        assertTrue(SmtpServer.to(SmtpServer.STAFF).stream().noneMatch(m -> SmtpServer.text(m).contains(link())),
                "a failing connection is the customer's business");
    }

    @Test
    void signingInInJapaneseMakesTheNextMailJapanese() {
        Session.anonymous().withHeader("Accept-Language", "ja").postLogin(english.email, Accounts.PASSWORD)
                .then().statusCode(303);
        roleGone();
        recheck();

        assertEquals("接続「" + QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(
                setup.connectionId()).label) + "」が失敗しています", SmtpServer.subject(awaitOne(english.email)));
    }

    @Test
    void aSecondFailureWithinTheQuietPeriodSendsNothingAndOneAfterItSendsAgain() {
        roleGone();
        recheck();
        awaitOne(english.email);

        double quietBefore = count("rolegate.mail.quiet");
        ActiveConnections.setStatus(setup.connectionId(), ConnectionStatus.ACTIVE);
        clock.advance(Duration.ofHours(5));
        assertEquals(CheckOutcome.FAILED, recheck());
        assertEquals(ConnectionStatus.FAILING, status());
        Awaitility.await().atMost(WAIT).until(() -> count("rolegate.mail.quiet") > quietBefore);
        notifier.deliverDue();
        assertEquals(1, SmtpServer.to(english.email).size(), "within the quiet period: no second e-mail");

        ActiveConnections.setStatus(setup.connectionId(), ConnectionStatus.ACTIVE);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        recheck();
        Awaitility.await().atMost(WAIT).until(() -> SmtpServer.to(english.email).size() == 2);
        Awaitility.await().atMost(WAIT).until(() -> SmtpServer.to(japanese.email).size() == 2);
    }

    @Test
    void anInsecureRoleIsMailedToTheCustomersAndTheStaffAddress() {
        aws.role(setup.roleArn(), "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": "
                + "{\"AWS\": \"arn:aws:iam::111111111111:root\"}, \"Action\": \"sts:AssumeRole\"}}", PERMISSIONS);
        assertEquals(CheckOutcome.INSECURE, recheck());

        String label = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(setup.connectionId()).label);
        MimeMessage en = awaitOne(english.email);
        assertEquals("Connection \"" + label + "\": the role can be assumed without the external ID", SmtpServer.subject(en));
        assertTrue(SmtpServer.subject(awaitOne(japanese.email)).contains("外部 ID なしでロールを引き受けられます"));
        Awaitility.await().atMost(WAIT).until(() -> SmtpServer.to(SmtpServer.STAFF).stream()
                .anyMatch(message -> SmtpServer.text(message).contains(link())));
        MimeMessage staff = SmtpServer.to(SmtpServer.STAFF).stream()
                .filter(message -> SmtpServer.text(message).contains(link())).findFirst().orElseThrow();
        assertTrue(SmtpServer.subject(staff).startsWith(setup.organisation().name + ": "), SmtpServer.subject(staff));
        for (MimeMessage message : List.of(en, staff)) {
            assertNothingSecret(SmtpServer.text(message));
        }

        // Still insecure at the next check, after the quiet period: nothing new to say.
        clock.advance(Duration.ofHours(7));
        assertEquals(CheckOutcome.INSECURE, recheck());
        notifier.deliverDue();
        assertEquals(1, SmtpServer.to(english.email).size());
        assertEquals(1, SmtpServer.to(japanese.email).size());
    }

    @Test
    void aRejectedRegistrationIsMailedToTheStaffAddressWithTheReason() {
        rejections.fire(new RegistrationRejected(setup.connectionId(), "the stack's role is in another account"));

        Awaitility.await().atMost(WAIT).until(() -> SmtpServer.to(SmtpServer.STAFF).stream()
                .anyMatch(message -> SmtpServer.text(message).contains(link())));
        MimeMessage staff = SmtpServer.to(SmtpServer.STAFF).stream()
                .filter(message -> SmtpServer.text(message).contains(link())).findFirst().orElseThrow();
        assertEquals("A registration message was rejected", SmtpServer.subject(staff));
        assertTrue(SmtpServer.text(staff).contains("Reason: the stack's role is in another account"));
        assertTrue(SmtpServer.to(english.email).isEmpty(), "customers are not told");
    }

    /**
     * Each e-mail opens a new SMTP connection and the server greets at once, while the mail thread and other threads
     * (the scheduled retry; here three of the test's) send at the same time. Before every conversation ran on one
     * event loop, the mail client dropped about one greeting in a hundred and waited for it until the server gave
     * up: the attempt failed and the e-mail came a retry later.
     */
    @Test
    void twoHundredEmailsSentFromSeveralThreadsEachArriveAtTheFirstAttempt() throws Exception {
        double failuresBefore = count("rolegate.mail.failures");
        int before = SmtpServer.to(SmtpServer.STAFF).size();
        int count = 200;
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < count; i++) {
                notifier.registrationRejected(UUID.randomUUID(), "rejection " + i);
            }
            Callable<Object> sendWhatIsDue = Executors.callable(() -> {
                while (SmtpServer.to(SmtpServer.STAFF).size() < before + count
                        && count("rolegate.mail.failures") == failuresBefore) {
                    notifier.deliverDue();
                }
            });
            for (Future<?> sender : senders.invokeAll(Collections.nCopies(3, sendWhatIsDue),
                    WAIT.multipliedBy(4).toSeconds(), TimeUnit.SECONDS)) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }
        assertEquals(failuresBefore, count("rolegate.mail.failures"), "no attempt failed");
        Awaitility.await().atMost(WAIT).until(() -> SmtpServer.to(SmtpServer.STAFF).size() >= before + count);
    }

    @Test
    void aRevocationIsMailedToTheCustomersWithTheReason() {
        lifecycle.revoke(setup.connectionId(), "Contract ended on 30 November", Accounts.admin());

        String en = SmtpServer.text(awaitOne(english.email));
        assertTrue(en.contains("Reason given: Contract ended on 30 November"), en);
        assertTrue(en.contains(link()), en);
        String ja = SmtpServer.text(awaitOne(japanese.email));
        assertTrue(ja.contains("理由: Contract ended on 30 November"), ja);
        assertTrue(SmtpServer.subject(awaitOne(english.email)).endsWith("was revoked"));
    }

    @Test
    void withTheSmtpServerDownTheCheckCompletesTheFailureIsCountedAndTheMailIsSentLater() {
        SmtpServer.down();
        double failuresBefore = count("rolegate.mail.failures");
        roleGone();

        assertEquals(CheckOutcome.FAILED, recheck(), "the check completes");
        assertEquals(ConnectionStatus.FAILING, status());
        Awaitility.await().atMost(WAIT).until(() -> count("rolegate.mail.failures") >= failuresBefore + 2);

        SmtpServer.up();
        notifier.deliverDue();
        assertTrue(SmtpServer.to(english.email).isEmpty(), "not due again before its retry time");
        clock.advance(Duration.ofMinutes(2));
        assertTrue(notifier.deliverDue() >= 2);
        assertTrue(SmtpServer.text(only(english.email)).contains(link()));
        assertTrue(SmtpServer.text(only(japanese.email)).contains(link()));
    }
}
