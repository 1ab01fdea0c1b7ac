package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
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
                .body(containsString("aws iam delete-role --role-name rolegate-" + id + " --region eu-west-1"))
                .body(not(containsString("id=\"role-form\"")))
                .body(not(containsString("id=\"rotation-form\"")))
                .body(not(containsString("id=\"check-form\"")));
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(
                () -> AuditEvent.recentForConnection(UUID.fromString(id), 10));
        assertTrue(events.stream().anyMatch(e -> e.action.equals("connection.revoked") && e.detail.contains("contract ended")));
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
        customer.post("/connections/" + id, "/connections/" + id + "/rotation", Map.of()).then().statusCode(303);
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

        customer.post("/connections/" + id, "/connections/" + id + "/rotation", Map.of()).then().statusCode(303);
        List<IssuedExternalId> again = externalIds();
        assertEquals(3, again.size());
        assertEquals(IssuedExternalId.State.RETIRED, again.get(0).state, "an unfinished rotation's old ID is retired");
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
        customer.postWithoutCsrf("/connections/" + id + "/rotation", Map.of()).then().statusCode(400);
        assertEquals(1, externalIds().size());
    }

    @Test
    void anotherOrganisationCannotRotateOrSeeTheConnection() {
        Session stranger = Session.signIn(Accounts.customer(Accounts.organisation("Other")));
        stranger.post("/connections", "/connections/" + id + "/rotation", Map.of()).then().statusCode(404);
        assertEquals(1, externalIds().size());
    }
}
