package io.rolegate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;
import io.rolegate.support.ApiContract;

/**
 * One error shape for everything under /api/v1: an RFC 9457 problem, also for what the framework decides before any
 * endpoint runs; pages keep their HTML error pages.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class ApiProblemsTest {

    private static final String SOME_ID = UUID.randomUUID().toString();

    @InjectFakeAws
    FakeAws aws;

    private static ValidatableResponse isProblem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(containsString(ApiError.MEDIA_TYPE))
                .header("Cache-Control", "no-store")
                .body("type", equalTo("urn:rolegate:problem:" + code))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("code", equalTo(code));
    }

    @ParameterizedTest(name = "{0} {1} ({2}, {3}) is a {5} problem")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET    | /api/v1/nothing-here                 | application/json | -                 | -            | 404 | not_found",
            "GET    | /api/v1/connections/ID/extra/deeper  | application/json | -                 | -            | 404 | not_found",
            "GET    | /api/v1/connections/not-an-id        | application/json | -                 | -            | 404 | connection_not_found",
            "GET    | /api/v1/connections/ID               | application/json | -                 | -            | 404 | connection_not_found",
            "DELETE | /api/v1/connections                  | application/json | -                 | -            | 405 | method_not_allowed",
            "PUT    | /api/v1/organisations                | application/json | application/json  | {}           | 405 | method_not_allowed",
            "GET    | /api/v1/connections                  | text/html        | -                 | -            | 406 | not_acceptable",
            "POST   | /api/v1/organisations                | application/json | text/plain        | x            | 415 | unsupported_media_type",
            "POST   | /api/v1/connections/ID/credentials   | application/json | application/xml   | <a/>         | 415 | unsupported_media_type",
            "POST   | /api/v1/organisations                | application/json | application/json  | '{\"name\":' | 400 | invalid_request",
            "GET    | /api/v1/connections?size=0           | application/json | -                 | -            | 400 | invalid_parameter",
            "GET    | /api/v1/connections?sort=name        | application/json | -                 | -            | 400 | unknown_parameter",
            "GET    | /api/v1/test-only/failure            | application/json | -                 | -            | 500 | internal_error",
    })
    void everyErrorIsAProblem(String method, String path, String accept, String contentType, String body, int status,
            String code) {
        RequestSpecification request = ApiClient.withScopes(Scope.READ, Scope.MANAGE, Scope.CREDENTIALS).request()
                .accept(accept);
        if (contentType != null) {
            request.contentType(contentType).body(body);
        }
        isProblem(request.request(method, path.replace("ID", SOME_ID)).then(), status, code)
                .header("RateLimit-Limit", notNullValue());
    }

    @Test
    void authenticationAndScopeRefusalsAreProblems() {
        isProblem(given().filter(ApiContract.FILTER).get("/api/v1/connections").then(), 401, "unauthorized")
                .header("WWW-Authenticate", containsString("Bearer"));
        isProblem(ApiClient.withToken("rgt_unknown").request().get("/api/v1/connections").then(), 401, "unauthorized");
        isProblem(ApiClient.withScopes(Scope.READ).request().body("{}")
                .post("/api/v1/connections/" + SOME_ID + "/credentials").then(), 403, "scope_missing");
    }

    @Test
    void refusalsOfTheBrokerAndTheIdempotencyKeyAreProblems() {
        ActiveConnections.Setup revoked = ActiveConnections.create(aws, ConnectionStatus.REVOKED);
        ApiClient client = ApiClient.withScopes(Scope.READ, Scope.CREDENTIALS);
        isProblem(client.request().post("/api/v1/connections/" + revoked.connectionId() + "/checks").then(), 409,
                "connection_revoked");
        isProblem(client.request().body("{}").post("/api/v1/connections/" + revoked.connectionId() + "/credentials").then(),
                409, "connection_revoked");
        isProblem(client.request().body("{\"durationSeconds\":60}")
                .post("/api/v1/connections/" + revoked.connectionId() + "/credentials").then(), 400, "invalid_parameter")
                .body("field", equalTo("durationSeconds"));
        String key = UUID.randomUUID().toString();
        ActiveConnections.Setup pending = ActiveConnections.create(aws, ConnectionStatus.PENDING);
        client.request().header("Idempotency-Key", key).post("/api/v1/connections/" + pending.connectionId() + "/checks")
                .then().statusCode(202);
        isProblem(client.request().header("Idempotency-Key", key)
                .post("/api/v1/connections/" + revoked.connectionId() + "/checks").then(), 422, "idempotency_key_reused");
    }

    @Test
    void pagesKeepTheirHtmlErrorPages() {
        given().accept("text/html").get("/nothing-here").then().statusCode(404)
                .contentType(containsString("text/html")).body(not(containsString("urn:rolegate:problem")));
    }
}
