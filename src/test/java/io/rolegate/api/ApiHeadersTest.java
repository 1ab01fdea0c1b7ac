package io.rolegate.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;

/** Paging links, unknown parameters, rate-limit and caching headers of the API (docs/api.md). */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class ApiHeadersTest {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|prev)\"");

    @InjectFakeAws
    FakeAws aws;

    @Test
    void threePagesAreWalkedByTheirNextLinksAndBackByPrev() {
        Organisation organisation = Accounts.organisation("Paged");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Connections.create(organisation, "paged " + i).id.toString());
        }
        ApiClient reader = ApiClient.withScopes(Scope.READ);
        String url = "/api/v1/connections?size=1&organisation=" + organisation.id;
        List<String> seen = new ArrayList<>();
        List<String> prevs = new ArrayList<>();
        while (url != null) {
            Response page = reader.request().get(url);
            page.then().statusCode(200).body("total", equalTo(3));
            seen.add(page.jsonPath().getString("items[0].id"));
            String next = page.jsonPath().getString("next");
            assertEquals(next, links(page).get("next"), "the Link header and the body agree");
            assertEquals(page.jsonPath().getString("prev"), links(page).get("prev"));
            prevs.add(page.jsonPath().getString("prev"));
            url = next;
        }
        assertEquals(3, seen.size());
        assertTrue(seen.containsAll(created), "every connection on exactly one page: " + seen);
        assertNull(prevs.get(0), "the first page has no prev");
        assertEquals("/api/v1/connections?page=0&size=1&organisation=" + organisation.id, prevs.get(1));
        assertEquals("/api/v1/connections?page=1&size=1&organisation=" + organisation.id, prevs.get(2));
        reader.request().get(prevs.get(2)).then().statusCode(200).body("items[0].id", equalTo(seen.get(1)));
    }

    @Test
    void theLastPageHasNoNextLink() {
        Organisation organisation = Accounts.organisation("Single");
        Connections.create(organisation, "only");
        Response page = ApiClient.withScopes(Scope.READ).request().get("/api/v1/connections?organisation=" + organisation.id);
        page.then().statusCode(200).body("next", nullValue()).body("prev", nullValue()).header("Link", emptyOrNullString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/connections?pagesize=10", "/api/v1/connections?size=1&Status=ACTIVE",
            "/api/v1/connections/00000000-0000-0000-0000-000000000000?expand=all" })
    void unknownQueryParametersAreA400NamingThem(String url) {
        String unknown = url.replaceAll(".*[?&]([A-Za-z]+)=[^&]*$", "$1");
        ApiClient.withScopes(Scope.READ).request().get(url).then().statusCode(400)
                .contentType(containsString(ApiError.MEDIA_TYPE))
                .body("code", equalTo("unknown_parameter"))
                .body("field", equalTo(unknown))
                .body("detail", containsString(unknown));
    }

    @Test
    void everyAnswerCountsTheRateLimitDown() {
        ApiClient reader = ApiClient.withScopes(Scope.READ);
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response response = reader.request().get("/api/v1/connections?size=1");
            response.then().statusCode(200).header("RateLimit-Limit", "60");
            remaining.add(Long.parseLong(response.getHeader("RateLimit-Remaining")));
            assertTrue(Long.parseLong(response.getHeader("RateLimit-Reset")) >= 1, "the bucket is not full again yet");
        }
        assertEquals(59L, remaining.get(0), "a new token's first request leaves 59");
        for (int i = 1; i < remaining.size(); i++) {
            assertTrue(remaining.get(i) <= remaining.get(i - 1), "counts down: " + remaining);
        }
        assertTrue(remaining.get(4) < remaining.get(0), "counts down: " + remaining);
        // Errors count too, and say so.
        reader.request().get("/api/v1/connections/not-an-id").then().statusCode(404)
                .header("RateLimit-Limit", "60").header("RateLimit-Remaining", matchesPattern("[0-9]+"));
    }

    @Test
    void aConnectionAndACheckAnswer304WhileTheirETagMatches() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        ApiClient reader = ApiClient.withScopes(Scope.READ);
        String connection = "/api/v1/connections/" + setup.connectionId();
        Response first = reader.request().get(connection);
        String tag = first.then().statusCode(200).header("Cache-Control", "no-store").extract().header("ETag");
        assertTrue(tag != null && tag.matches("\"[A-Za-z0-9_-]+\""), "a strong ETag: " + tag);
        reader.request().header("If-None-Match", tag).get(connection).then().statusCode(304)
                .header("ETag", tag).body(emptyOrNullString());
        reader.request().header("If-None-Match", "\"other\"").get(connection).then().statusCode(200).header("ETag", tag);

        ActiveConnections.setStatus(setup.connectionId(), ConnectionStatus.FAILING);
        String changed = reader.request().header("If-None-Match", tag).get(connection).then().statusCode(200)
                .body("status", equalTo("FAILING")).extract().header("ETag");
        assertNotEquals(tag, changed, "a change makes a new ETag");

        String check = reader.request().post(connection + "/checks").then().statusCode(202).extract().path("url");
        await().until(() -> !"RUNNING".equals(reader.request().get(check).jsonPath().getString("outcome")));
        String checkTag = reader.request().get(check).then().statusCode(200).extract().header("ETag");
        reader.request().header("If-None-Match", checkTag).get(check).then().statusCode(304).header("ETag", checkTag);
    }

    private static Map<String, String> links(Response response) {
        Map<String, String> links = new HashMap<>();
        String header = response.getHeader("Link");
        if (header != null) {
            Matcher matcher = LINK.matcher(header);
            while (matcher.find()) {
                links.put(matcher.group(2), matcher.group(1));
            }
        }
        return links;
    }
}
