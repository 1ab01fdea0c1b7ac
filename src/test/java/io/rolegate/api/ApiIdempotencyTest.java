package io.rolegate.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.account.Invite;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;
import io.rolegate.support.MovableClock;
import io.rolegate.verification.Check;

/** Idempotency-Key on every POST of the API: replay, conflict, hashing and expiry (docs/api.md). */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class ApiIdempotencyTest {

    @InjectFakeAws
    FakeAws aws;

    @Inject
    MovableClock clock;

    @Inject
    Idempotency idempotency;

    @AfterEach
    void restore() {
        clock.reset();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aRetriedOrganisationCreationReplaysTheFirstAnswerWithItsInviteLink() {
        ApiClient manager = ApiClient.withScopes(Scope.MANAGE);
        String key = key();
        String name = "Retry " + Accounts.unique();
        String body = "{\"name\":\"" + name + "\",\"email\":\"ops-" + Accounts.unique() + "@retry.example\"}";
        Response first = manager.request().header("Idempotency-Key", key).body(body).post("/api/v1/organisations");
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        Response again = manager.request().header("Idempotency-Key", key).body(body).post("/api/v1/organisations");
        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("Cache-Control", "no-store");
        assertEquals(first.jsonPath().getString("inviteUrl"), again.jsonPath().getString("inviteUrl"), "the invite link again");
        assertEquals(first.asString(), again.asString());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Organisation.count("name", name)));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Invite.count("organisation.name", name)));

        String other = "{\"name\":\"" + name + " 2\",\"email\":\"ops@retry.example\"}";
        manager.request().header("Idempotency-Key", key).body(other).post("/api/v1/organisations").then()
                .statusCode(422).body("code", equalTo("idempotency_key_reused"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name + " 2")).isPresent());

        String token = first.jsonPath().getString("inviteUrl").replaceAll(".*/invite/", "");
        assertNothingStoredInClear(key, token);
    }

    @Test
    void keysBelongToTheirToken() {
        String key = key();
        String body = "{\"name\":\"Token " + Accounts.unique() + "\",\"email\":\"a-" + Accounts.unique() + "@token.example\"}";
        ApiClient.withScopes(Scope.MANAGE).request().header("Idempotency-Key", key).body(body).post("/api/v1/organisations")
                .then().statusCode(201);
        ApiClient.withScopes(Scope.MANAGE).request().header("Idempotency-Key", key).body(body).post("/api/v1/organisations")
                .then().statusCode(409).body("code", equalTo("organisation_exists"));
    }

    @Test
    void aRetriedCheckStartReplaysTheSameCheckAndAnotherConnectionIsA422() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        ActiveConnections.Setup other = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        ApiClient reader = ApiClient.withScopes(Scope.READ);
        String key = key();
        String path = "/api/v1/connections/" + setup.connectionId() + "/checks";
        Response first = reader.request().header("Idempotency-Key", key).post(path);
        first.then().statusCode(202);
        Response again = reader.request().header("Idempotency-Key", key).post(path);
        again.then().statusCode(202).header("Idempotent-Replayed", "true").header("Location", first.getHeader("Location"));
        assertEquals(first.jsonPath().getString("checkId"), again.jsonPath().getString("checkId"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Check.count("connectionId", setup.connectionId())));
        reader.request().header("Idempotency-Key", key).post("/api/v1/connections/" + other.connectionId() + "/checks")
                .then().statusCode(422).body("code", equalTo("idempotency_key_reused"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Check.count("connectionId", other.connectionId())));
    }

    @Test
    void retriedCredentialsAreTheSameAndNeverStoredInClear() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        ApiClient client = ApiClient.withScopes(Scope.CREDENTIALS);
        String key = key();
        String path = "/api/v1/connections/" + setup.connectionId() + "/credentials";
        Response first = client.request().header("Idempotency-Key", key).body("{\"purpose\":\"retry\"}").post(path);
        first.then().statusCode(200);
        Response again = client.request().header("Idempotency-Key", key).body("{ \"purpose\" : \"retry\" }").post(path);
        again.then().statusCode(200).header("Idempotent-Replayed", "true").header("Cache-Control", "no-store");
        assertEquals(first.asString(), again.asString());
        client.request().header("Idempotency-Key", key).body("{\"purpose\":\"other\"}").post(path).then()
                .statusCode(422).body("code", equalTo("idempotency_key_reused"));
        assertNothingStoredInClear(key, first.jsonPath().getString("secretAccessKey"));
        assertNothingStoredInClear(key, first.jsonPath().getString("sessionToken"));
    }

    @Test
    void anErrorIsNotKeptSoTheRetryRunsAgain() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        ApiClient client = ApiClient.withScopes(Scope.CREDENTIALS);
        String key = key();
        String path = "/api/v1/connections/" + setup.connectionId() + "/credentials";
        client.request().header("Idempotency-Key", key).body("{}").post(path).then().statusCode(409)
                .body("code", equalTo("connection_pending"));
        ActiveConnections.setStatus(setup.connectionId(), ConnectionStatus.ACTIVE);
        client.request().header("Idempotency-Key", key).body("{}").post(path).then().statusCode(200)
                .header("Idempotent-Replayed", "false");
    }

    @Test
    void keysExpireAfter24HoursAndTheSchedulerForgetsThem() {
        ApiClient reader = ApiClient.withScopes(Scope.READ);
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        String key = key();
        String path = "/api/v1/connections/" + setup.connectionId() + "/checks";
        String firstCheck = reader.request().header("Idempotency-Key", key).post(path).then().statusCode(202)
                .extract().path("checkId");
        clock.advance(Duration.ofHours(23));
        idempotency.expire();
        assertEquals(1L, rowsOf(key, reader));
        clock.advance(Duration.ofHours(2));
        idempotency.expire();
        assertEquals(0L, rowsOf(key, reader));
        await().until(() -> !"RUNNING".equals(reader.request().get(path + "/" + firstCheck)
                .jsonPath().getString("outcome")));
        String secondCheck = reader.request().header("Idempotency-Key", key).post(path).then().statusCode(202)
                .header("Idempotent-Replayed", "false").extract().path("checkId");
        assertNotEquals(firstCheck, secondCheck, "an expired key starts a new check");
    }

    @Test
    void aKeyThatIsEasyToGuessIsRefused() {
        ApiClient.withScopes(Scope.MANAGE).request().header("Idempotency-Key", "1")
                .body("{\"name\":\"Short\",\"email\":\"a@b.example\"}").post("/api/v1/organisations").then()
                .statusCode(400).body("code", equalTo("invalid_idempotency_key")).body("field", equalTo("Idempotency-Key"));
    }

    private static long rowsOf(String key, ApiClient client) {
        UUID tokenId = QuarkusTransaction.requiringNew().call(() -> ApiToken.findByHash(ApiTokenSecret.hash(client.token()))
                .orElseThrow().id);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) ApiToken.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM idempotency_keys WHERE token_id = ?1")
                .setParameter(1, tokenId).getSingleResult()).longValue());
    }

    /** Neither the key nor the secret appears anywhere in the table, in any column. */
    private static void assertNothingStoredInClear(String key, String secret) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> ApiToken.getEntityManager()
                .createNativeQuery("SELECT key_hash || request_hash || encode(coalesce(response, ''::bytea), 'escape') "
                        + "FROM idempotency_keys").getResultList());
        for (Object row : rows) {
            String stored = row.toString();
            assertFalse(stored.contains(key), "the key is stored only hashed");
            assertFalse(stored.contains(secret), "the answer is stored only encrypted");
        }
    }
}
