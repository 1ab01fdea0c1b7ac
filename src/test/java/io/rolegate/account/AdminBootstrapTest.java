package io.rolegate.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.support.Session;

@QuarkusTest
class AdminBootstrapTest {

    @Test
    void theConfiguredAdministratorExistsOnceAndCanSignIn() {
        Session admin = Session.signIn("admin@test.rolegate", "admin-password-for-tests");
        admin.get("/staff/organisations").then().statusCode(200).body(containsString("Organisations"));
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail("admin@test.rolegate").orElseThrow());
        assertEquals(Role.ADMIN, account.role);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                Account.count("lower(email) = 'admin@test.rolegate'")));
    }
}
