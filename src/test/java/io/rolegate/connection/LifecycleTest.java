package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.audit.AuditEvent;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;

@QuarkusTest
class LifecycleTest {

    private static final Map<String, String> CONFIRMED = Map.of("confirm", "yes");

    @Inject
    EntityManager entityManager;

    private Organisation acme;
    private Session customer;
    private Session admin;
    private String id;

    @BeforeEach
    void connection() {
        acme = Accounts.organisation("Acme");
        customer = Session.signIn(Accounts.customer(acme));
        admin = Session.signIn(Accounts.admin());
        String location = customer.post("/connections/new", "/connections", Connections.form())
                .getHeader("Location");
        id = location.substring(location.lastIndexOf('/') + 1);
    }

    private Connection stored() {
        return QuarkusTransaction.requiringNew().call(() -> Connection.findById(UUID.fromString(id)));
    }

    private List<IssuedExternalId> externalIds() {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>list(
                "connection.id = ?1 order by issuedAt", UUID.fromString(id)));
    }

    @Test
    void revocationWithoutConfirmationOrReasonChangesNothing() {
        admin.post("/connections/" + id, "/connections/" + id + "/revoke", Map.of("reason", "customer left"))
                .then().statusCode(400).body(containsString("Tick the box to confirm the revocation."))
                .body(containsString("customer left"));
        admin.post("/connections/" + id, "/connections/" + id + "/revoke", Map.of("reason", " ", "confirm", "yes"))
                .then().statusCode(400).body(containsString("Give a reason for the revocation."));
        assertEquals(ConnectionStatus.PENDING, stored().status);
    }

    @Test
    void anAdminRevokesWithAReasonAndTheCustomerSeesHowToDeleteTheRole() {
        admin.post("/connections/" + id, "/connections/" + id + "/revoke",
                Map.of("reason", "contract ended", "confirm", "yes")).then().statusCode(303);
        Connection revoked = stored();
        assertEquals(ConnectionStatus.REVOKED, revoked.status);
        assertEquals("contract ended", revoked.revokeReason);
        customer.get("/connections/" + id).then().statusCode(200)
                .body(containsString("This connection is revoked"))
                .body(containsString("<dd id=\"revoked-by\">an administrator of your service provider</dd>"))
                .body(containsString("<dd class=\"reason\" id=\"revoke-reason\">contract ended</dd>"))
                .body(containsString("aws iam delete-role --role-name rolegate-" + id + " --region eu-west-1"))
                .body(not(containsString("id=\"role-form\"")))
                .body(not(containsString("id=\"rotation-form\"")))
                .body(not(containsString("id=\"check-form\"")));
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(
                () -> AuditEvent.recentForConnection(UUID.fromString(id), 10));
        assertTrue(events.stream().anyMatch(e -> e.action.equals("connection.revoked")
                && List.of(e.detailArgs).equals(List.of("PENDING", "contract ended"))), "audit: " + events);
        customer.post("/connections", "/connections/" + id + "/role",
                Map.of("roleArn", "arn:aws:iam::123456789012:role/x")).then().statusCode(303);
        assertNull(stored().roleArn, "a revoked connection takes no role");
        customer.get("/connections/" + id + "/trust-policy.json").then().statusCode(404);
    }

    @Test
    void supportAndCustomersCannotRevoke() {
        Session support = Session.signIn(Accounts.support());
        support.post("/connections/" + id, "/connections/" + id + "/revoke",
                Map.of("reason", "x", "confirm", "yes")).then().statusCode(403);
        customer.post("/connections/" + id, "/connections/" + id + "/revoke",
                Map.of("reason", "x", "confirm", "yes")).then().statusCode(403);
        admin.postWithoutCsrf("/connections/" + id + "/revoke", Map.of("reason", "x", "confirm", "yes"))
                .then().statusCode(400);
        assertEquals(ConnectionStatus.PENDING, stored().status);
    }

    @Test
    void rotationRendersBothIdsUntilTheOldOneIsRetired() {
        String before = externalIds().get(0).value;
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        List<IssuedExternalId> ids = externalIds();
        assertEquals(2, ids.size());
        assertEquals(IssuedExternalId.State.PREVIOUS, ids.get(0).state);
        assertEquals(IssuedExternalId.State.CURRENT, ids.get(1).state);
        String trust = customer.get("/connections/" + id + "/trust-policy.json").asString();
        assertTrue(trust.contains(before) && trust.contains(ids.get(1).value), "the trust policy accepts both IDs");
        for (String file : List.of("cloudformation.yaml", "main.tf", "create-role.sh")) {
            String artifact = customer.get("/connections/" + id + "/" + file).asString();
            assertTrue(artifact.contains(before) && artifact.contains(ids.get(1).value), file + " carries both IDs");
        }

        customer.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        List<IssuedExternalId> again = externalIds();
        assertEquals(3, again.size());
        assertEquals(IssuedExternalId.State.RETIRED, again.get(0).state, "an unfinished rotation's old ID is retired");
        assertTrue(auditEvents().stream().anyMatch(e -> e.action.equals("external-id.retired") && e.subject.equals(before)
                && List.of(e.detailArgs).equals(List.of("ROTATION"))), "the retirement is audited");
        assertNotEquals(again.get(1).value, again.get(2).value);
        assertTrue(!customer.get("/connections/" + id + "/trust-policy.json").asString().contains(before));
    }

    @Test
    void externalIdsAreUniqueInTheDatabaseAndNeverDeleted() {
        String existing = externalIds().get(0).value;
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into external_ids (id, connection_id, value, state, issued_at) values (?1, ?2, ?3, 'RETIRED', now())")
                .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.fromString(id)).setParameter(3, existing)
                .executeUpdate()));
    }

    @Test
    void aRotationWithoutTheCsrfTokenIsRefusedAndIssuesNothing() {
        customer.get("/connections/" + id);
        customer.postWithoutCsrf("/connections/" + id + "/rotation", CONFIRMED).then().statusCode(400);
        assertEquals(1, externalIds().size());
    }

    @Test
    void anotherOrganisationCannotRotateOrSeeTheConnection() {
        Session stranger = Session.signIn(Accounts.customer(Accounts.organisation("Other")));
        stranger.post("/connections", "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(404);
        assertEquals(1, externalIds().size());
    }

    @Test
    void aRotationWithoutItsConfirmationIsRefusedAndIssuesNothing() {
        String before = externalIds().get(0).value;
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", Map.of()).then().statusCode(400)
                .body(containsString("<p class=\"field-error\" id=\"rotationConfirm-error-0\">Tick the box to confirm the rotation.</p>"))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("<details class=\"rotation\" open>"));
        admin.post("/connections/" + id, "/connections/" + id + "/rotation", Map.of("confirm", "no")).then().statusCode(400);
        customer.request().header("Accept-Language", "ja").formParam("csrf-token", customer.csrfToken("/connections/" + id))
                .post("/connections/" + id + "/rotation").then().statusCode(400)
                .body(containsString("チェックボックスをオンにしてローテーションを確認してください。"));
        List<IssuedExternalId> ids = externalIds();
        assertEquals(1, ids.size(), "no new external ID");
        assertEquals(before, ids.get(0).value);
        assertEquals(IssuedExternalId.State.CURRENT, ids.get(0).state);
        assertTrue(auditActions().stream().noneMatch(action -> action.startsWith("connection.rotation")));
    }

    @Test
    void theCustomerCancelsARotationAndOnlyTheOriginalIdIsRenderedAgain() {
        String original = externalIds().get(0).value;
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        String rotated = externalIds().get(1).value;
        customer.get("/connections/" + id).then().statusCode(200)
                .body(containsString("<code id=\"external-id\">" + rotated + "</code>"))
                .body(containsString("<code id=\"previous-external-id\">" + original + "</code>"))
                .body(containsString("id=\"rotation-cancel-form\""))
                .body(not(containsString("id=\"rotation-pending\"")));

        customer.post("/connections/" + id, "/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/connections/" + id));
        customer.get("/connections/" + id).then().statusCode(200)
                .body(containsString("The rotation is cancelled: the new external ID is retired"))
                .body(containsString("<code id=\"external-id\">" + original + "</code>"))
                .body(not(containsString(rotated)))
                .body(not(containsString("id=\"rotation-cancel-form\"")));
        assertEquals(IssuedExternalId.State.CURRENT, stateOf(original));
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(rotated));
        assertNull(QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find("value", original)
                .singleResult().retiredAt));
        for (String file : List.of("trust-policy.json", "cloudformation.yaml", "main.tf", "create-role.sh")) {
            String artifact = customer.get("/connections/" + id + "/" + file).then().statusCode(200).extract().asString();
            assertTrue(artifact.contains(original) && !artifact.contains(rotated), file + " renders only the original ID");
        }
        List<AuditEvent> events = auditEvents();
        assertTrue(events.stream().anyMatch(e -> e.action.equals("connection.rotation-cancelled")), "audit: " + events);
        assertTrue(events.stream().anyMatch(e -> e.action.equals("external-id.retired") && e.subject.equals(rotated)
                && List.of(e.detailArgs).equals(List.of("CANCELLED"))));
        assertEquals(ConnectionStatus.PENDING, stored().status, "the status does not change");

        customer.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        String third = externalIds().get(2).value;
        assertNotEquals(rotated, third, "a retired ID is never issued again");
        assertEquals(IssuedExternalId.State.RETIRED, stateOf(rotated));
        assertEquals(IssuedExternalId.State.PREVIOUS, stateOf(original));
    }

    @Test
    void anAdminMayCancelACustomersRotation() {
        String original = externalIds().get(0).value;
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        admin.post("/connections/" + id, "/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/connections/" + id));
        assertEquals(IssuedExternalId.State.CURRENT, stateOf(original));
        assertEquals(1, externalIds().stream().filter(x -> x.state != IssuedExternalId.State.RETIRED).count());
    }

    @Test
    void cancellingWithoutARotationInProgressSaysSoAndChangesNothing() {
        String original = externalIds().get(0).value;
        customer.post("/connections/" + id, "/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/connections/" + id));
        customer.get("/connections/" + id).then().statusCode(200)
                .body(containsString("No rotation is in progress, so there is nothing to cancel."))
                .body(containsString("flash-error"));
        List<IssuedExternalId> ids = externalIds();
        assertEquals(1, ids.size());
        assertEquals(original, ids.get(0).value);
        assertEquals(IssuedExternalId.State.CURRENT, ids.get(0).state);
        assertTrue(auditActions().stream().noneMatch(action -> action.equals("connection.rotation-cancelled")
                || action.equals("external-id.retired")));
    }

    @Test
    void onlyTheOwnerAndAdminsCancelAndOnlyWithTheCsrfToken() {
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        List<IssuedExternalId> before = externalIds();

        Session stranger = Session.signIn(Accounts.customer(Accounts.organisation("Other")));
        stranger.post("/connections", "/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(404);
        Session support = Session.signIn(Accounts.support());
        support.post("/connections/" + id, "/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(403);
        customer.postWithoutCsrf("/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(400);
        admin.postWithoutCsrf("/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(400);

        List<IssuedExternalId> after = externalIds();
        assertEquals(before.stream().map(x -> x.value + x.state).toList(), after.stream().map(x -> x.value + x.state).toList(),
                "the rotation is still in progress");
        support.get("/connections/" + id).then().statusCode(200).body(not(containsString("id=\"rotation-cancel-form\"")));
    }

    @Test
    void aRevokedConnectionNeitherRotatesNorCancels() {
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        admin.post("/connections/" + id, "/connections/" + id + "/revoke", Map.of("reason", "contract ended", "confirm", "yes"))
                .then().statusCode(303);
        List<IssuedExternalId> before = externalIds();

        customer.post("/connections/" + id, "/connections/" + id + "/rotation/cancel", Map.of()).then().statusCode(303);
        customer.get("/connections/" + id).then().body(containsString("This connection is revoked; it no longer accepts changes."));
        admin.post("/connections/" + id, "/connections/" + id + "/rotation", CONFIRMED).then().statusCode(303);
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", Map.of()).then().statusCode(303);

        assertEquals(before.stream().map(x -> x.value + x.state).toList(),
                externalIds().stream().map(x -> x.value + x.state).toList());
    }

    private IssuedExternalId.State stateOf(String value) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find("value", value)
                .singleResult().state);
    }

    private List<AuditEvent> auditEvents() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.recentForConnection(UUID.fromString(id), 100));
    }

    private List<String> auditActions() {
        return auditEvents().stream().map(event -> event.action).toList();
    }
}
