package io.rolegate.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.support.Management;

/**
 * Health and metrics are served on the management interface only (docs/deploy.md); the application
 * port, the one facing the internet, answers 404 for them and keeps the API's OpenAPI document.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource("/")
    URL application;

    @Test
    void readinessOnTheManagementPortIncludesTheDatabase() {
        given().baseUri(Management.baseUri()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessOnTheManagementPort() {
        given().baseUri(Management.baseUri()).get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsOnTheManagementPort() {
        given().baseUri(Management.baseUri()).get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void theManagementPortIsNotTheApplicationPort() {
        assertNotEquals("http://localhost:" + application.getPort(), Management.baseUri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics",
            "/q/metrics/json"})
    void theApplicationPortAnswers404ForHealthAndMetrics(String path) {
        given().baseUri(application.toString()).get(path).then().statusCode(404);
    }

    @Test
    void theApiDocumentStaysOnTheApplicationPort() {
        given().baseUri(application.toString()).accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Rolegate API"));
        given().baseUri(Management.baseUri()).get("/q/openapi").then().statusCode(404);
    }
}
