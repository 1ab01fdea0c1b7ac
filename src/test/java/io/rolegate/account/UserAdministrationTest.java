package io.rolegate.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

@QuarkusTest
class UserAdministrationTest {

    private static final String PAGE = "/staff/users";

    private static Invite inviteFor(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Invite.<Invite>find(
                "select i from Invite i left join fetch i.organisation where i.email = ?1", email).singleResult());
    }

    @Test
    void theListShowsUsersWithTheirRoleOrganisationAndStatus() {
        Organisation organisation = Accounts.organisation("Listed");
        Account customer = Accounts.customer(organisation);
        Account support = Accounts.support();
        Session.signIn(Accounts.admin()).get(PAGE).then().statusCode(200)
                .body(containsString(">" + customer.email + "</td>"))
                .body(containsString(">" + organisation.name + "</td>"))
                .body(containsString(">" + support.email + "</td>"))
                .body(containsString(">Support</td>"))
                .body(containsString(">Active</td>"));
    }

    @Test
    void aCustomerInviteNeedsAnOrganisationAndShowsItsLink() {
        Organisation organisation = Accounts.organisation("Invited");
        Session admin = Session.signIn(Accounts.admin());
        String email = "new-" + Accounts.unique() + "@example.com";
        admin.post(PAGE, "/staff/invites", Map.of("email", email, "role", "customer", "organisationId", ""))
                .then().statusCode(400).body(containsString("Customers belong to an organisation: choose one."))
                .body(containsString("value=\"" + email + "\""));
        assertEquals(0, Invites.inviteCount(email));

        admin.post(PAGE, "/staff/invites", Map.of("email", email, "role", "customer",
                "organisationId", organisation.id.toString())).then().statusCode(303).header("Location", endsWith(PAGE));
        String page = admin.get(PAGE).then().statusCode(200).body(containsString("Invite for " + email + " created"))
                .extract().asString();
        String token = Invites.tokenOf(Invites.linkIn(page));
        Invite invite = inviteFor(email);
        assertEquals(InviteToken.hash(token), invite.tokenHash);
        assertEquals(organisation.id, invite.organisation.id);
        assertTrue(Invites.auditOf(email).stream().anyMatch(event -> event.action.equals("invite.created")));
        admin.get(PAGE).then().body(containsString(">" + email + "</td>"));
    }

    @Test
    void aStaffInviteIgnoresAnyOrganisation() {
        Organisation organisation = Accounts.organisation("Ignored");
        String email = "staff-" + Accounts.unique() + "@example.com";
        Session.signIn(Accounts.admin()).post(PAGE, "/staff/invites", Map.of("email", email, "role", "support",
                "organisationId", organisation.id.toString())).then().statusCode(303);
        Invite invite = inviteFor(email);
        assertEquals(Role.SUPPORT, invite.role);
        assertNull(invite.organisation);
    }

    @Test
    void badInvitesAreRefusedWithFieldMessages() {
        Session admin = Session.signIn(Accounts.admin());
        Account existing = Accounts.support();
        admin.post(PAGE, "/staff/invites", Map.of("email", "", "role", "support")).then().statusCode(400)
                .body(containsString("Enter an email address."));
        admin.post(PAGE, "/staff/invites", Map.of("email", "x@example.com", "role", "root")).then().statusCode(400)
                .body(containsString("Choose a role"));
        admin.post(PAGE, "/staff/invites", Map.of("email", existing.email.toUpperCase(), "role", "admin"))
                .then().statusCode(400).body(containsString("A user with this email address already exists."));
        admin.post(PAGE, "/staff/invites", Map.of("email", "<script>@x", "role", "admin")).then().statusCode(400)
                .body(containsString("value=\"&lt;script&gt;@x\""));
        assertEquals(0, Invites.inviteCount("x@example.com") + Invites.inviteCount(existing.email));
    }

    @Test
    void aDeactivatedUsersSessionEndsOnItsNextRequest() {
        Account customer = Accounts.customer(Accounts.organisation("Leaving"));
        Session victim = Session.signIn(customer);
        victim.get("/connections").then().statusCode(200);

        Account admin = Accounts.admin();
        Session.signIn(admin).post(PAGE, PAGE + "/" + customer.id + "/deactivate", Map.of())
                .then().statusCode(303).header("Location", endsWith(PAGE));

        victim.get("/connections").then().statusCode(302).header("Location", endsWith("/login"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(customer.id).active));
        assertTrue(Invites.auditOf(customer.email).stream().anyMatch(event ->
                event.action.equals("user.deactivated") && admin.id.equals(event.actorId)));
        Session.anonymous().postLogin(customer.email, Accounts.PASSWORD).then().statusCode(303)
                .header("Location", containsString("/login?error=true"));
    }

    @Test
    void deactivationEndsEverySessionOfTheUserForGood() {
        Account customer = Accounts.customer(Accounts.organisation("Leaving"));
        Session laptop = Session.signIn(customer);
        Session phone = Session.signIn(customer);
        Session.signIn(Accounts.admin()).post(PAGE, PAGE + "/" + customer.id + "/deactivate", Map.of())
                .then().statusCode(303);

        QuarkusTransaction.requiringNew().run(() -> Account.update("active = true where id = ?1", customer.id));
        laptop.get("/connections").then().statusCode(302).header("Location", endsWith("/login"));
        phone.get("/connections").then().statusCode(302).header("Location", endsWith("/login"));
        Session.signIn(customer).get("/connections").then().statusCode(200);
    }

    @Test
    void anAdministratorCannotDeactivateThemself() {
        Account admin = Accounts.admin();
        Session session = Session.signIn(admin);
        session.post(PAGE, PAGE + "/" + admin.id + "/deactivate", Map.of()).then().statusCode(400)
                .body(containsString("You cannot deactivate your own account."));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(admin.id).active));
        session.get(PAGE).then().statusCode(200);
    }

    @Test
    void deactivatingAnUnknownUserAnswersNotFound() {
        Session.signIn(Accounts.admin()).post(PAGE, PAGE + "/" + UUID.randomUUID() + "/deactivate", Map.of())
                .then().statusCode(404);
    }
}
