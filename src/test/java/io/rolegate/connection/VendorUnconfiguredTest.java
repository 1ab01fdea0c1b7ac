package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;

/** No vendor account configured and no vendor credentials: no policy can be rendered, and the page says why. */
@QuarkusTest
@TestProfile(VendorUnconfiguredTest.NoVendor.class)
class VendorUnconfiguredTest {

    public static class NoVendor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rolegate.vendor.account-id", "");
        }
    }

    @Test
    void customersAreToldItIsNotReadyAndAdminsWhatToConfigure() {
        Organisation organisation = Accounts.organisation("Unready");
        Session customer = Session.signIn(Accounts.customer(organisation));
        String id = Connections.createThroughForm(customer, Connections.form());

        customer.get("/connections/" + id).then().statusCode(200)
                .body(containsString("id=\"artifacts-unavailable\""))
                .body(containsString("The policies for this connection are not ready yet."))
                .body(not(containsString("rolegate.vendor.account-id")))
                .body(not(containsString("sts:AssumeRole")));
        customer.get("/connections/" + id + "/trust-policy.json").then().statusCode(503);

        Session.signIn(Accounts.admin()).get("/connections/" + id).then().statusCode(200)
                .body(containsString("Set rolegate.vendor.account-id"))
                .body(containsString("id=\"external-id\""));
    }
}
