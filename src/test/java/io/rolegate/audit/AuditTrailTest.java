package io.rolegate.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;

@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnAuditEvent() {
        Long id = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select max(e.id) from AuditEvent e", Long.class).getSingleResult());
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update audit_events set detail = 'tampered' where id = ?1").setParameter(1, id)
                .executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from audit_events where id = ?1").setParameter(1, id).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("truncate audit_events").executeUpdate()));
        long remaining = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(e) from AuditEvent e where e.id = ?1", Long.class).setParameter(1, id)
                .getSingleResult());
        assertEquals(1, remaining);
    }

    @Test
    void staffFilterTheTrailAndCustomersSeeTheirConnectionsEvents() {
        Organisation acme = Accounts.organisation("Audited");
        Account customerAccount = Accounts.customer(acme);
        Session customer = Session.signIn(customerAccount);
        String location = customer.post("/connections/new", "/connections", Connections.form())
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        customer.post("/connections/" + id, "/connections/" + id + "/role",
                Map.of("roleArn", "arn:aws:iam::123456789012:role/audited"));

        Session support = Session.signIn(Accounts.support());
        support.get("/staff/audit?connection=" + id).then().statusCode(200)
                .body(containsString("Connection created</a>"))
                .body(containsString("Role ARN submitted</a>"))
                .body(containsString("<code>arn:aws:iam::123456789012:role/audited</code>"))
                .body(containsString(customerAccount.email));
        support.get("/staff/audit?connection=" + id + "&action=connection.created").then()
                .body(containsString("Connection created</a>")).body(not(containsString("Role ARN submitted</a>")))
                .body(containsString("<option value=\"connection.created\" selected>"));
        support.get("/staff/audit?actor=" + customerAccount.email + "&from=2000-01-01&to=2000-01-02").then()
                .body(containsString("No event matches these filters."));
        support.get("/staff/audit?organisation=" + acme.id).then().body(containsString("Connection created</a>"));

        customer.get("/connections/" + id).then().body(containsString("Role ARN submitted"))
                .body(not(containsString("connection.role-submitted")));
        customer.get("/staff/audit").then().statusCode(403);
    }
}
