package io.rolegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;

/** Fresh credentials on demand: refresh: true or Cache-Control: no-cache assumes the role again (docs/api.md). */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class ApiCredentialsRefreshTest {

    @InjectFakeAws
    FakeAws aws;

    @Test
    void aRefreshAssumesTheRoleAgainAndReplacesTheCachedSet() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        ApiClient client = ApiClient.withScopes(Scope.CREDENTIALS);
        String cached = accessKey(client, setup, "{}", null);
        assertEquals(cached, accessKey(client, setup, "{}", null), "served from the cache");
        assertEquals(1, assumeRoles(setup));

        String refreshed = accessKey(client, setup, "{\"refresh\":true}", null);
        assertEquals(2, assumeRoles(setup), "a second AssumeRole reached AWS");
        assertNotEquals(cached, refreshed);
        assertEquals(refreshed, accessKey(client, setup, "{}", null), "the cache holds the new set");
        assertEquals(2, assumeRoles(setup));

        String noCache = accessKey(client, setup, "{}", "no-cache");
        assertEquals(3, assumeRoles(setup), "Cache-Control: no-cache asks for a new set too");
        assertNotEquals(refreshed, noCache);
        assertEquals(noCache, accessKey(client, setup, "{\"refresh\":false}", null));
    }

    private static String accessKey(ApiClient client, ActiveConnections.Setup setup, String body, String cacheControl) {
        RequestSpecification request = client.request().body(body);
        if (cacheControl != null) {
            request.header("Cache-Control", cacheControl);
        }
        return request.post("/api/v1/connections/" + setup.connectionId() + "/credentials").then().statusCode(200)
                .extract().path("accessKeyId");
    }

    private long assumeRoles(ActiveConnections.Setup setup) {
        return aws.calls().stream()
                .filter(call -> "AssumeRole".equals(call.operation()) && setup.roleArn().equals(call.roleArn()))
                .count();
    }
}
