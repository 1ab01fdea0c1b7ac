package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.account.Invite;
import io.rolegate.api.ApiToken;
import io.rolegate.api.Scope;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/**
 * Every field a person fills in by pasting keeps only what the person meant (PRODUCT §10): a non-breaking
 * space copied from a console, a zero-width space from a chat, a byte order mark from a file are dropped
 * like ordinary spaces, and the stored value is clean. Each test runs with U+00A0, U+200B and U+FEFF
 * around the value, U+200B also inside identifiers.
 */
@QuarkusTest
class PastedInputTest {

    private static String around(String hex, String value) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        return c + " " + value + c;
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void theRoleArnIsStoredClean(String hex) {
        Session customer = Session.signIn(Accounts.customer(Accounts.organisation("Pasted role")));
        String id = Connections.createThroughForm(customer, Connections.form());
        String page = "/connections/" + id;
        customer.post(page, page + "/role", Map.of("roleArn", around(hex, "arn:aws:iam::123456789012:role/Vendor\u200BRole")))
                .then().statusCode(303);
        assertEquals("arn:aws:iam::123456789012:role/VendorRole", stored(id).roleArn);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void everyConnectionFieldIsStoredClean(String hex) {
        Session customer = Session.signIn(Accounts.customer(Accounts.organisation("Pasted form")));
        Map<String, String> form = Connections.form();
        form.put("label", around(hex, "Reports bucket"));
        form.put("accountId", around(hex, "1234\u200B-5678-9012"));
        form.put("region", around(hex, "eu-west-1"));
        form.put("buckets", around(hex, "acme-reports/exports") + "\n" + around(hex, "acme-\u200Braw"));
        form.put("kmsKeyArns", around(hex, "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        Connection connection = stored(Connections.createThroughForm(customer, form));
        assertEquals("Reports bucket", connection.label);
        assertEquals("123456789012", connection.accountId);
        assertEquals("eu-west-1", connection.region);
        assertEquals(List.of("acme-reports/exports", "acme-raw"), connection.buckets.stream().map(GrantedBucket::display).toList());
        assertEquals(List.of("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"), connection.kmsKeyArns);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void theInviteEmailIsStoredClean(String hex) {
        Session admin = Session.signIn(Accounts.admin());
        String email = "pasted-" + Accounts.unique() + "@example.com";
        admin.post("/staff/users", "/staff/invites", Map.of("email", around(hex, email.replace("@", "@\u200B")), "role", "support"))
                .then().statusCode(303);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Invite.count("email", email)));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void theOrganisationFormsNameAndEmailAreStoredClean(String hex) {
        Session admin = Session.signIn(Accounts.admin());
        String name = "Pasted Ltd " + Accounts.unique();
        String email = "first-" + Accounts.unique() + "@example.com";
        admin.post("/staff/organisations", "/staff/organisations", Map.of("name", around(hex, name), "email", around(hex, email)))
                .then().statusCode(303);
        assertEquals(name, QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name).orElseThrow().name));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Invite.count("email", email)));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void theDisplayNameChosenWithAnInviteIsStoredClean(String hex) {
        String email = "joiner-" + Accounts.unique() + "@example.com";
        String token = Invites.customer(Accounts.organisation("Pasted name"), email, Duration.ofDays(1));
        String page = "/invite/" + token;
        Session.anonymous().post(page, page, Map.of("displayName", around(hex, "Ada Lovelace"), "password", Accounts.PASSWORD,
                "confirmation", Accounts.PASSWORD)).then().statusCode(303);
        assertEquals("Ada Lovelace", QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().displayName));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void theApisOrganisationEmailIsStoredClean(String hex) {
        String name = "Pasted API " + Accounts.unique();
        String email = "ops-" + Accounts.unique() + "@example.com";
        ApiClient.withScopes(Scope.MANAGE).request().body(Map.of("name", around(hex, name), "email", around(hex, email)))
                .post("/api/v1/organisations").then().statusCode(201)
                .body("name", equalTo(name))
                .body("inviteEmail", equalTo(email));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void theApiTokenNameIsStoredClean(String hex) {
        String name = "exporter " + Accounts.unique();
        Session.signIn(Accounts.admin()).post("/staff/api-tokens", "/staff/api-tokens", Map.of("name", around(hex, name), "scopes", "read"))
                .then().statusCode(303);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ApiToken.count("name", name)));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void theRevocationReasonIsStoredClean(String hex) {
        Connection connection = Connections.create(Accounts.organisation("Pasted reason"), "revoked " + Accounts.unique());
        String page = "/connections/" + connection.id;
        Session.signIn(Accounts.admin()).post(page, page + "/revoke", Map.of("reason", around(hex, "contract ended"), "confirm", "yes"))
                .then().statusCode(303);
        assertEquals("contract ended", stored(connection.id.toString()).revokeReason);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF"})
    void staffSearchesFindAPastedExternalIdAndEmail(String hex) {
        String label = "searched " + Accounts.unique();
        Connection connection = Connections.create(Accounts.organisation("Pasted search"), label, ConnectionStatus.ACTIVE, null, null);
        Session support = Session.signIn(Accounts.support());
        support.request().queryParam("q", around(hex, Connections.currentExternalId(connection))).get("/staff/connections")
                .then().statusCode(200).body(containsString(label));

        Account customerAccount = Accounts.customer(Accounts.organisation("Pasted audit"));
        Connections.createThroughForm(Session.signIn(customerAccount), Connections.form());
        support.request().queryParam("actor", around(hex, customerAccount.email)).get("/staff/audit")
                .then().statusCode(200).body(containsString("Connection created</a>")).body(not(containsString("No event matches these filters.")));
    }

    private static Connection stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(UUID.fromString(id));
            connection.buckets.size();
            connection.kmsKeyArns.size();
            return connection;
        });
    }
}
