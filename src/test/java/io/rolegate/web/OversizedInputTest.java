package io.rolegate.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.api.Scope;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Session;

/**
 * Oversized fields and bodies (docs/input.md): up to the 2 MB body limit every field answers with its own limit
 * in a 400 that keeps the rest of the form (and does not send the megabyte back), the API names the field;
 * above it, a 413 page or JSON that says so. Nothing is stored either way.
 */
@QuarkusTest
class OversizedInputTest {

    private static final String MEGABYTE = "x".repeat(1_000_000);
    /** The longest value a re-rendered form shows: one character past the longest field, the bucket list. */
    private static final int LONGEST_SHOWN = 32_768 + 1;
    private static final String ABOVE_THE_LIMIT = "x".repeat(3 * 1024 * 1024);

    /** What each field says about a value far too long: its limit, or for a choice, the choices. */
    private static final Map<String, String> LIMITS = Map.ofEntries(
            Map.entry("new connection/label", "The label can have at most 100 characters."),
            Map.entry("new connection/accountId", "An AWS account ID is exactly 12 digits"),
            Map.entry("new connection/partition", "is not a partition. Choose aws, aws-cn or aws-us-gov."),
            Map.entry("new connection/region", "is not an AWS region."),
            Map.entry("new connection/buckets", "The bucket list is too long (at most 32768 characters)."),
            Map.entry("new connection/kmsKeyArns", "The key list is too long (at most 8192 characters)."),
            Map.entry("role ARN/roleArn", "A role ARN has 20 to 2048 characters."),
            Map.entry("revocation/reason", "The reason has at most 500 characters"),
            Map.entry("revocation/confirm", "Tick the box to confirm the revocation."),
            Map.entry("organisation/name", "Use at most 100 characters for the name."),
            Map.entry("organisation/email", "Use at most 254 characters for the email address."),
            Map.entry("invite/email", "Use at most 254 characters for the email address."),
            Map.entry("invite/role", "Choose a role: customer, support or administrator."),
            Map.entry("invite/organisationId", "Customers belong to an organisation: choose one."),
            Map.entry("accepting an invite/displayName", "Use at most 100 characters for the name."),
            Map.entry("accepting an invite/password", "at least 12 and at most 128 characters."),
            Map.entry("accepting an invite/confirmation", "The two passwords are not the same."),
            Map.entry("API token/name", "The name can have at most 100 characters."),
            Map.entry("API token/scopes", "Choose at least one scope."),
            Map.entry("trust diagnosis/trustPolicy", "This is longer than 20000 characters"));

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.rolegate.web.FormCase#everyField")
    void aFieldFarTooLongGetsItsOwnLimitAndTheRestIsKept(FormCase form, String field) {
        FormCase.Filled filled = form.open().get();
        long before = filled.stored().getAsLong();
        Map<String, Object> fields = new HashMap<>(filled.fields());
        fields.put(field, field.equals("buckets") ? tenThousandBuckets()
                : field.equals("scopes") ? List.of(MEGABYTE) : MEGABYTE);
        String page = filled.session().post(filled.page(), filled.action(), fields).then().statusCode(400)
                .body(containsString(LIMITS.get(form.name() + "/" + field))).extract().asString();
        assertTrue(FormCase.marksInvalid(page, field), field + " is marked invalid");
        filled.shown().forEach((other, shown) -> {
            if (!other.equals(field)) {
                assertTrue(page.contains(shown), other + " is kept: " + shown);
            }
        });
        assertFalse(page.contains(MEGABYTE.substring(0, LONGEST_SHOWN + 2)), "the megabyte is not sent back");
        assertEquals(before, filled.stored().getAsLong(), "nothing stored");
    }

    @Test
    void everyFieldOfEveryFormHasItsLimit() {
        assertEquals(LIMITS.keySet(), FormCase.all().flatMap(form -> form.fields().stream().map(field -> form.name() + "/" + field))
                .collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "j_username", "j_password" })
    void aSignInFieldFarTooLongIsAWrongEmailOrPasswordAndRecordsNothing(String field) {
        Account customer = Accounts.customer(Accounts.organisation("Long"));
        Map<String, String> form = new HashMap<>(Map.of("j_username", customer.email, "j_password", Accounts.PASSWORD));
        form.put(field, MEGABYTE);
        Session.anonymous().post("/login", "/j_security_check", form).then().statusCode(303)
                .header("Location", endsWith("/login?error=true"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) Account.getEntityManager()
                .createNativeQuery("select count(*) from login_failures where length(email) > 254").getSingleResult())
                .longValue()));
    }

    @Test
    void anApiBodyFieldFarTooLongIsA400NamingIt() {
        ApiClient client = ApiClient.withScopes(Scope.MANAGE, Scope.CREDENTIALS);
        long before = QuarkusTransaction.requiringNew().call(() -> Organisation.count());
        client.request().body("{\"name\":\"" + MEGABYTE + "\",\"email\":\"a@b.example\"}").post("/api/v1/organisations")
                .then().statusCode(400).body("code", equalTo("invalid_name")).body("field", equalTo("name"))
                .body("detail", containsString("1 to 100 characters"));
        client.request().body("{\"name\":\"Long " + Accounts.unique() + "\",\"email\":\"" + MEGABYTE + "@b.example\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).body("code", equalTo("invalid_email")).body("field", equalTo("email"))
                .body("detail", containsString("at most 254 characters"));
        client.request().body("{\"purpose\":\"" + MEGABYTE + "\"}").post("/api/v1/connections/" + UUID.randomUUID() + "/credentials")
                .then().statusCode(400).body("field", equalTo("purpose")).body("detail", containsString("1 to 32 characters"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Organisation.count()));
    }

    @Test
    void aBodyAboveTheLimitIsA413ThatSaysSo() {
        String name = "Huge " + Accounts.unique();
        Session admin = Session.signIn(Accounts.admin());
        admin.post("/staff/organisations", "/staff/organisations", Map.of("name", name, "email", ABOVE_THE_LIMIT))
                .then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("The request is too large"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name).isPresent()));
        admin.get("/staff/organisations").then().statusCode(200);

        ApiClient.withScopes(Scope.MANAGE).request().body("{\"name\":\"" + name + "\",\"email\":\"" + ABOVE_THE_LIMIT + "\"}")
                .post("/api/v1/organisations").then().statusCode(413).contentType(containsString("application/problem+json"))
                .body("code", equalTo("request_too_large"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name).isPresent()));

        Session.anonymous().request().formParam("j_username", ABOVE_THE_LIMIT).formParam("j_password", "x")
                .post("/j_security_check").then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("The request is too large"));
    }

    private static String tenThousandBuckets() {
        return IntStream.range(0, 10_000).mapToObj(i -> String.format("bucket-%05d", i)).collect(Collectors.joining("\n"));
    }
}
