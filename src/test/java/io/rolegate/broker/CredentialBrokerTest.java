package io.rolegate.broker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rolegate.api.Scope;
import io.rolegate.audit.AuditEvent;
import io.rolegate.aws.fake.AwsCall;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;
import io.rolegate.support.MovableClock;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The credential broker through the API, against the fake AWS and its call log. */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class CredentialBrokerTest {

    @InjectFakeAws
    FakeAws aws;

    @Inject
    MovableClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Engine engine;

    @Inject
    CredentialUses uses;

    private ApiClient client;

    @BeforeEach
    void token() {
        client = ApiClient.withScopes(Scope.CREDENTIALS);
    }

    private Duration advanced = Duration.ZERO;

    @AfterEach
    void restore() {
        clock.reset();
        aws.advanceTime(advanced.negated());
        aws.clearFaults();
    }

    /** Moves Rolegate's clock and the fake's together, so STS expirations and the cache agree on the time. */
    private void advance(Duration duration) {
        clock.advance(duration);
        aws.advanceTime(duration);
        advanced = advanced.plus(duration);
    }

    private JsonPath credentials(ActiveConnections.Setup setup, String body) {
        return client.request().body(body).post("/api/v1/connections/" + setup.connectionId() + "/credentials")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
    }

    private List<AwsCall> assumeRoles(ActiveConnections.Setup setup) {
        return aws.calls().stream()
                .filter(call -> "AssumeRole".equals(call.operation()) && setup.roleArn().equals(call.roleArn()))
                .toList();
    }

    private S3Client s3(JsonPath credentials) {
        return S3Client.builder()
                .endpointOverride(aws.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.getString("accessKeyId"), credentials.getString("secretAccessKey"),
                        credentials.getString("sessionToken"))))
                .build();
    }

    @Test
    void anActiveConnectionGetsWorkingCredentialsForItsGrantOnly() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        JsonPath answer = credentials(setup, "{\"purpose\":\"exporter\",\"durationSeconds\":1200}");

        assertEquals(setup.roleArn(), answer.getString("roleArn"));
        assertEquals("us-east-1", answer.getString("region"));
        Instant expiration = Instant.parse(answer.getString("expiration"));
        assertTrue(expiration.isAfter(Instant.now().plus(Duration.ofMinutes(19))), "asked for 20 minutes");
        AwsCall call = assumeRoles(setup).get(0);
        assertEquals(ActiveConnections.currentExternalId(setup.connectionId()), call.externalId());
        assertEquals("rolegate-" + setup.connectionId().toString().substring(0, 8) + "-exporter", call.roleSessionName());
        assertEquals(1200, call.durationSeconds());

        try (S3Client s3 = s3(answer)) {
            List<String> keys = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(setup.bucket())
                    .prefix(ActiveConnections.PREFIX).build()).contents().stream().map(o -> o.key()).toList();
            assertEquals(List.of(ActiveConnections.INSIDE), keys);
            byte[] content = s3.getObject(GetObjectRequest.builder().bucket(setup.bucket())
                    .key(ActiveConnections.INSIDE).build(), ResponseTransformer.toBytes()).asByteArray();
            assertEquals(new String(ActiveConnections.CONTENT), new String(content));
            S3Exception outside = assertThrows(S3Exception.class, () -> s3.getObject(GetObjectRequest.builder()
                    .bucket(setup.bucket()).key(ActiveConnections.OUTSIDE).build(), ResponseTransformer.toBytes()));
            assertEquals(403, outside.statusCode());
            assertThrows(S3Exception.class, () -> s3.listObjectsV2(ListObjectsV2Request.builder()
                    .bucket(setup.bucket()).prefix("private/").build()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ConnectionStatus.class, names = { "PENDING", "FAILING", "REVOKED" })
    void anyOtherStatusIsRefusedWithoutCallingAws(ConnectionStatus status) {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, status);
        aws.clearCalls();
        client.request().body("{}").post("/api/v1/connections/" + setup.connectionId() + "/credentials").then()
                .statusCode(409)
                .body("code", equalTo("connection_" + status.id()))
                .body("detail", startsWith("The connection is " + status.name()));
        assertEquals(List.of(), assumeRoles(setup));
    }

    @Test
    void cachedCredentialsAreReusedAndRefreshedOnceBeforeTheyRunOut() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        JsonPath first = credentials(setup, "{}");
        JsonPath second = credentials(setup, "{\"purpose\":\"default\",\"durationSeconds\":900}");
        assertEquals(first.getString("accessKeyId"), second.getString("accessKeyId"));
        assertEquals(1, assumeRoles(setup).size(), "the second request is served from the cache");

        advance(Duration.ofMinutes(9));
        assertEquals(first.getString("accessKeyId"), credentials(setup, "{}").getString("accessKeyId"),
                "six minutes left are still enough");
        assertEquals(1, assumeRoles(setup).size());

        advance(Duration.ofMinutes(1).plusSeconds(1));
        JsonPath refreshed = credentials(setup, "{}");
        assertNotEquals(first.getString("accessKeyId"), refreshed.getString("accessKeyId"));
        credentials(setup, "{}");
        assertEquals(2, assumeRoles(setup).size(), "exactly one new AssumeRole when under five minutes were left");

        credentials(setup, "{\"purpose\":\"other\"}");
        assertEquals(3, assumeRoles(setup).size(), "another purpose is another session");
    }

    @Test
    void revocationInTheDatabaseRefusesAtOnceDespiteCachedCredentials() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        credentials(setup, "{}");
        ActiveConnections.setStatus(setup.connectionId(), ConnectionStatus.REVOKED);
        aws.clearCalls();
        client.request().body("{}").post("/api/v1/connections/" + setup.connectionId() + "/credentials").then()
                .statusCode(409).body("code", equalTo("connection_revoked"));
        assertEquals(List.of(), assumeRoles(setup));
    }

    @Test
    void rotationUsesTheNewExternalIdAtOnce() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        JsonPath before = credentials(setup, "{}");
        String fresh = ActiveConnections.rotate(setup.connectionId());
        ActiveConnections.registerRole(aws, setup.connectionId(), setup.roleArn());

        JsonPath after = credentials(setup, "{}");
        assertNotEquals(before.getString("accessKeyId"), after.getString("accessKeyId"));
        List<AwsCall> calls = assumeRoles(setup);
        assertEquals(2, calls.size());
        assertEquals(fresh, calls.get(1).externalId());
    }

    @Test
    void concurrentRequestsShareOneAssumeRole() throws Exception {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        aws.latency(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> credentials(setup, "{\"purpose\":\"burst\"}").getString("accessKeyId"));
            }
            List<String> keys = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(requests)) {
                keys.add(answer.get());
            }
            assertEquals(1, keys.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, assumeRoles(setup).size());
    }

    @Test
    void theSecretNeverReachesLogsAuditOrAnyTable() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + String.valueOf(record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        JsonPath answer;
        ActiveConnections.Setup setup;
        try {
            setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
            answer = credentials(setup, "{\"purpose\":\"audit-me\"}");
            credentials(setup, "{\"purpose\":\"audit-me\"}");
        } finally {
            root.removeHandler(capture);
        }
        String secret = answer.getString("secretAccessKey");
        String sessionToken = answer.getString("sessionToken");
        assertTrue(logged.stream().noneMatch(line -> line.contains(secret) || line.contains(sessionToken)));

        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "connectionId = ?1 and action = ?2", setup.connectionId(), "credentials.issued"));
        assertEquals(1, events.size(), "one audit event per session and token, not per request");
        assertTrue(events.get(0).actor.startsWith("api-token:service-"));
        assertEquals("audit-me", events.get(0).subject);

        List<?> tables = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                        + "AND table_type = 'BASE TABLE'").getResultList());
        for (Object table : tables) {
            long hits = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                            "SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?1 OR t::text LIKE ?2 OR t::text LIKE ?3")
                    .setParameter(1, "%" + secret + "%")
                    .setParameter(2, "%" + sessionToken.substring(0, 40) + "%")
                    .setParameter(3, "%" + answer.getString("accessKeyId") + "%")
                    .getSingleResult()).longValue());
            assertEquals(0, hits, "table " + table);
        }
    }

    @Test
    void usesAreCountedPerPurposeAndShownByTheTag() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        credentials(setup, "{\"purpose\":\"nightly\"}");
        credentials(setup, "{\"purpose\":\"nightly\"}");
        credentials(setup, "{\"purpose\":\"adhoc\"}");
        ActiveConnections.Setup other = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);

        String html = engine.parse("{#credentialUses uses=uses /}").data("uses", uses.recent(setup.connectionId()))
                .render();
        assertTrue(Pattern.compile("<code>nightly</code></td>\\s*<td[^>]*>2</td>").matcher(html).find(), html);
        assertTrue(Pattern.compile("<code>adhoc</code></td>\\s*<td[^>]*>1</td>").matcher(html).find(), html);
        String none = engine.parse("{#credentialUses uses=uses /}").data("uses", uses.recent(other.connectionId()))
                .render();
        assertTrue(none.contains("credential-uses-empty"));
        assertFalse(none.contains("nightly"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"purpose\":\"has space\"}", "{\"purpose\":\"\"}", "{\"purpose\":\"x123456789x123456789x123456789xyz\"}",
            "{\"durationSeconds\":899}", "{\"durationSeconds\":3601}", "{\"durationSeconds\":\"long\"}",
            "{\"purpose\":", "[1,2]", "{\"purpose\":[\"a\"]}" })
    void badInputIsA400WithoutCallingAws(String body) {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        aws.clearCalls();
        client.request().body(body).post("/api/v1/connections/" + setup.connectionId() + "/credentials").then()
                .statusCode(400).body("code", notNullValue());
        assertEquals(List.of(), assumeRoles(setup));
    }

    @Test
    void unknownConnectionsAre404() {
        for (String id : new String[] { UUID.randomUUID().toString(), "not-a-uuid" }) {
            client.request().body("{}").post("/api/v1/connections/" + id + "/credentials").then()
                    .statusCode(404).body("code", equalTo("connection_not_found"));
        }
    }

    @Test
    void awsRefusalIsABadGatewayAndNothingIsCached() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        aws.removeRole(setup.roleArn());
        client.request().body("{}").post("/api/v1/connections/" + setup.connectionId() + "/credentials").then()
                .statusCode(502).body("code", equalTo("assume_role_failed"));
        ActiveConnections.registerRole(aws, setup.connectionId(), setup.roleArn());
        credentials(setup, "{}");
    }
}
