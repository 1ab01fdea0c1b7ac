package io.rolegate.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rolegate.account.Invite;
import io.rolegate.account.InviteToken;
import io.rolegate.audit.AuditEvent;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;

@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class ApiEndpointsTest {

    @InjectFakeAws
    FakeAws aws;

    /** Without {@code rolegate.public-url}, links are built on http://localhost and the port the app listens on. */
    @TestHTTPResource("/")
    URL base;

    private ApiClient reader;

    @BeforeEach
    void token() {
        reader = ApiClient.withScopes(Scope.READ);
    }

    @Test
    void connectionsAreListedWithFiltersAndPaging() {
        ActiveConnections.Setup active = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        ActiveConnections.Setup pending = ActiveConnections.create(aws, ConnectionStatus.PENDING);

        reader.request().get("/api/v1/connections?organisation=" + active.organisation().id).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(active.connectionId().toString()))
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[0].organisation.name", equalTo(active.organisation().name))
                .body("items[0].roleArn", equalTo(active.roleArn()));
        reader.request().get("/api/v1/connections?status=pending&size=200").then().statusCode(200)
                .body("items.status", everyItem(equalTo("PENDING")))
                .body("items.id", hasItem(pending.connectionId().toString()));
        reader.request().get("/api/v1/connections?size=1&page=1").then().statusCode(200)
                .body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(1));
    }

    @ParameterizedTest
    @CsvSource({ "status=DELETED", "organisation=acme", "page=-1", "size=0", "size=201", "page=x", "size=1.5" })
    void badFiltersAreA400(String query) {
        reader.request().get("/api/v1/connections?" + query).then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));
    }

    @Test
    void oneConnectionShowsItsExternalIdsResourcesAndLastCheck() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        String previous = ActiveConnections.currentExternalId(setup.connectionId());
        String current = ActiveConnections.rotate(setup.connectionId());
        JsonPath json = reader.request().get("/api/v1/connections/" + setup.connectionId()).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("accountId", equalTo(setup.account()))
                .body("partition", equalTo("aws"))
                .body("region", equalTo("us-east-1"))
                .body("resources.buckets[0].bucket", equalTo(setup.bucket()))
                .body("resources.buckets[0].prefix", equalTo(ActiveConnections.PREFIX))
                .extract().jsonPath();
        assertEquals(current, json.getString("externalIds.find { it.state == 'CURRENT' }.value"));
        assertEquals(previous, json.getString("externalIds.find { it.state == 'PREVIOUS' }.value"));

        reader.request().get("/api/v1/connections/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("connection_not_found"));
        reader.request().get("/api/v1/connections/not-an-id").then().statusCode(404);
        reader.request().get("/api/v1/nothing-here").then().statusCode(404);
    }

    @Test
    void aCheckStartedThroughTheApiIsFollowedAsJson() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        String base = "/api/v1/connections/" + setup.connectionId() + "/checks/";
        String url = reader.request().post("/api/v1/connections/" + setup.connectionId() + "/checks").then()
                .statusCode(202)
                .header("Location", matchesPattern(".*" + base + "[0-9a-f-]{36}"))
                .body("url", matchesPattern(base + "[0-9a-f-]{36}"))
                .extract().path("url");
        reader.request().get(url).then().statusCode(200)
                .body("connectionId", equalTo(setup.connectionId().toString()))
                .body("trigger", equalTo("API"))
                .body("outcome", notNullValue())
                .body("steps", notNullValue());
        reader.request().get(base + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("check_not_found"));
        reader.request().get(base + "x").then().statusCode(404);
        reader.request().post("/api/v1/connections/" + UUID.randomUUID() + "/checks").then().statusCode(404);

        ActiveConnections.Setup revoked = ActiveConnections.create(aws, ConnectionStatus.REVOKED);
        reader.request().post("/api/v1/connections/" + revoked.connectionId() + "/checks").then().statusCode(409)
                .body("code", equalTo("connection_revoked"));
    }

    @Test
    void anOrganisationIsCreatedWithAFirstInvite() {
        ApiClient manager = ApiClient.withScopes(Scope.MANAGE);
        String name = "Globex " + Accounts.unique();
        JsonPath created = manager.request().body("{\"name\":\"" + name + "\",\"email\":\"ops@globex.example\"}")
                .post("/api/v1/organisations").then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("name", equalTo(name))
                .body("inviteEmail", equalTo("ops@globex.example"))
                .body("inviteUrl", matchesPattern(Pattern.quote(base + "invite/") + "[A-Za-z0-9_-]{43}"))
                .extract().jsonPath();
        String token = created.getString("inviteUrl").replaceAll(".*/invite/", "");
        Invite invite = QuarkusTransaction.requiringNew().call(() -> Invite.findByTokenHash(InviteToken.hash(token)).orElseThrow());
        assertEquals(created.getString("id"), QuarkusTransaction.requiringNew().call(() ->
                Invite.<Invite>findById(invite.id).organisation.id.toString()));
        assertTrue(invite.expiresAt.isAfter(Instant.now().plus(Duration.ofDays(6))));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name)).isPresent());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("action = ?1 and subject = ?2", "organisation.created", name)));

        manager.request().body("{\"name\":\"" + name + "\",\"email\":\"other@globex.example\"}")
                .post("/api/v1/organisations").then().statusCode(409).body("code", equalTo("organisation_exists"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"\",\"email\":\"a@b.example\"}|invalid_name",
            "{\"name\":\"Fine\",\"email\":\"not an email\"}|invalid_email",
            "{\"name\":\"Fine\"}|invalid_email",
            "{\"name\":42,\"email\":[]}|invalid_request",
            "{\"name\":|invalid_request",
            "''|invalid_body",
    })
    void badOrganisationInputIsA400AndStoresNothing(String body, String code) {
        long before = QuarkusTransaction.requiringNew().call(() -> Organisation.count());
        ApiClient.withScopes(Scope.MANAGE).request().body(body).post("/api/v1/organisations").then()
                .statusCode(400).body("code", equalTo(code));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Organisation.count()));
    }
}
