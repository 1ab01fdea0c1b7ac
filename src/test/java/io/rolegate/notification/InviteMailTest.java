package io.rolegate.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Invite;
import io.rolegate.api.Scope;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Invites;
import io.rolegate.support.MovableClock;
import io.rolegate.support.Session;

/**
 * PRODUCT §1, §14: with e-mail configured the invitee receives the invite link, in the language of the administrator
 * who invited them, built from rolegate.public-url, the same link the page shows and the API answers; a re-sent
 * invite brings a new link and the old one is dead; a cancelled invite's unsent e-mail is never sent.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
@WithTestResource(SmtpServer.class)
class InviteMailTest {

    /** E-mail goes out within a second; the margin is for a slow machine. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USERS = "/staff/users";

    @Inject
    Notifier notifier;

    @Inject
    MovableClock clock;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void serverUpAndClockBack() {
        SmtpServer.up();
        clock.reset();
    }

    private static String email() {
        return "invitee-" + Accounts.unique() + "@example.com";
    }

    private static MimeMessage awaitOne(String address) {
        Awaitility.await().atMost(WAIT).until(() -> !SmtpServer.to(address).isEmpty());
        List<MimeMessage> messages = SmtpServer.to(address);
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    private static String mailedLink(MimeMessage message) {
        return Invites.linkIn(SmtpServer.text(message));
    }

    private static void assertNoPassword(String text) {
        assertFalse(text.contains(Accounts.PASSWORD), text);
        assertFalse(text.contains("admin-password-for-tests"), text);
    }

    private static UUID inviteId(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Invite.<Invite>find("email", email).singleResult().id);
    }

    @Test
    void anInviteIsMailedInTheInvitingAdministratorsLanguageWithTheLinkThePageShows() throws Exception {
        Session admin = Session.signIn(Accounts.admin()).withHeader("Accept-Language", "ja");
        String email = email();
        admin.post(USERS, "/staff/invites", Map.of("email", email, "role", "support")).then().statusCode(303);
        String page = admin.get(USERS).then().statusCode(200).extract().asString();
        assertTrue(page.contains("下のリンクを記載したメールを送信しています"), page);
        String shown = Invites.linkIn(page);

        MimeMessage mail = awaitOne(email);
        assertEquals("Rolegate への招待", SmtpServer.subject(mail));
        assertEquals(SmtpServer.FROM, mail.getFrom()[0].toString());
        String text = SmtpServer.text(mail);
        assertTrue(text.contains("ベンダーのスタッフとして Rolegate に招待されました"), text);
        assertTrue(text.contains("(日本時間)"), text);
        assertEquals(shown, mailedLink(mail));
        assertTrue(shown.startsWith(SmtpServer.PUBLIC_URL + "invite/"), shown);
        assertNoPassword(text);
        Session.anonymous().get("/invite/" + Invites.tokenOf(shown)).then().statusCode(200);
    }

    @Test
    void theFirstCustomerOfANewOrganisationGetsTheInviteInEnglishFromAnEnglishAdministrator() {
        Session admin = Session.signIn(Accounts.admin());
        String email = email();
        String name = "Mailed " + Accounts.unique();
        admin.post("/staff/organisations", "/staff/organisations", Map.of("name", name, "email", email))
                .then().statusCode(303);
        String shown = Invites.linkIn(admin.get("/staff/organisations").asString());

        MimeMessage mail = awaitOne(email);
        assertEquals("Your invitation to Rolegate", SmtpServer.subject(mail));
        String text = SmtpServer.text(mail);
        assertTrue(text.contains("You are invited to Rolegate to connect the AWS accounts of " + name + "."), text);
        assertTrue(text.contains(" UTC:"), text);
        assertEquals(shown, mailedLink(mail));
        assertNoPassword(text);
    }

    @Test
    void theApisInviteUrlIsTheMailedLink() {
        String email = email();
        String inviteUrl = ApiClient.withScopes(Scope.MANAGE).request()
                .body("{\"name\":\"Api mailed " + Accounts.unique() + "\",\"email\":\"" + email + "\"}")
                .post("/api/v1/organisations").then().statusCode(201).extract().jsonPath().getString("inviteUrl");
        assertEquals(inviteUrl, mailedLink(awaitOne(email)));
    }

    @Test
    void aReSentInviteBringsANewLinkAndTheMailedOldOneNoLongerWorks() {
        Session admin = Session.signIn(Accounts.admin());
        String email = email();
        admin.post(USERS, "/staff/invites", Map.of("email", email, "role", "admin")).then().statusCode(303);
        String first = mailedLink(awaitOne(email));
        String page = "/staff/invites/" + inviteId(email);

        admin.post(page, page + "/resend", Map.of()).then().statusCode(303);
        Awaitility.await().atMost(WAIT).until(() -> SmtpServer.to(email).size() == 2);
        String second = SmtpServer.to(email).stream().map(InviteMailTest::mailedLink)
                .filter(link -> !link.equals(first)).findFirst().orElseThrow();
        assertNotEquals(first, second);
        assertEquals(second, Invites.linkIn(admin.get(page).asString()), "the page shows the mailed link");
        Session.anonymous().get("/invite/" + Invites.tokenOf(first)).then().statusCode(404);
        Session.anonymous().get("/invite/" + Invites.tokenOf(second)).then().statusCode(200);
    }

    @Test
    void aCancelledInvitesUnsentMailIsNeverSent() {
        SmtpServer.down();
        double failures = count("rolegate.mail.failures");
        Session admin = Session.signIn(Accounts.admin());
        String email = email();
        admin.post(USERS, "/staff/invites", Map.of("email", email, "role", "support")).then().statusCode(303);
        Awaitility.await().atMost(WAIT).until(() -> count("rolegate.mail.failures") > failures);
        String page = "/staff/invites/" + inviteId(email);
        admin.post(page, page + "/cancel", Map.of()).then().statusCode(303);

        SmtpServer.up();
        clock.advance(Duration.ofMinutes(2));
        notifier.deliverDue();
        assertTrue(SmtpServer.to(email).isEmpty());
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) Invite.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM mail_outbox WHERE invite_id = ?1")
                .setParameter(1, inviteId(email)).getSingleResult()).longValue());
        assertEquals(0, left, "nothing left to send");
    }

    private double count(String name) {
        return metrics.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
