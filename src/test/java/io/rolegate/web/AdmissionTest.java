package io.rolegate.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.rolegate.api.Scope;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.broker.CredentialUses;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.registration.OnboardingAws;
import io.rolegate.support.Accounts;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;

/**
 * Admission control with a single place ({@code rolegate.http.concurrent-requests=1}): every kind of answer gives
 * its place back, as does a request whose client went away (a place kept would leave the next request waiting for
 * ever), and a request waiting for AWS lets others run meanwhile. The stand-in AWS is set up for one-click onboarding, so a setup page uploads its template.
 */
@QuarkusTest
@TestProfile(AdmissionTest.OnePlace.class)
@WithTestResource(OnboardingAws.class)
class AdmissionTest {

    /** Longer than any answer of a test application takes, shorter than the AWS waits provoked below. */
    private static final Duration ANSWER = Duration.ofSeconds(10);

    public static class OnePlace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // AWS calls that hang are cut by the client much later than a page takes to answer.
            return Map.of("rolegate.http.concurrent-requests", "1", "rolegate.aws.read-timeout", "60s",
                    "rolegate.aws.call-timeout", "90s");
        }
    }

    @InjectFakeAws
    FakeAws aws;

    @Inject
    Admission admission;

    @Inject
    CredentialUses credentialUses;

    @AfterEach
    void calmAws() {
        aws.clearFaults();
    }

    @Test
    void everyKindOfAnswerGivesItsPlaceBack() {
        assertEquals(1, admission.size());
        Organisation organisation = Accounts.organisation("Admission " + Accounts.unique());
        Session customer = answered(() -> Session.signIn(Accounts.customer(organisation)));
        String connection = answered(() -> Connections.createThroughForm(customer, Connections.form()));
        ApiClient api = ApiClient.withScopes(Scope.READ);

        Map<String, Integer> answers = Map.ofEntries(
                Map.entry("a page", answered(() -> customer.get("/connections/" + connection).statusCode())),
                Map.entry("another organisation's page",
                        answered(() -> customer.get("/connections/" + UUID.randomUUID()).statusCode())),
                Map.entry("a form with an error", answered(() -> customer.post("/connections/new", "/connections",
                        Map.of("label", "", "accountId", "12")).statusCode())),
                Map.entry("a form without its CSRF token", answered(() -> customer.postWithoutCsrf("/connections",
                        Connections.form()).statusCode())),
                Map.entry("a redirect after POST", answered(() -> customer.post("/connections/" + connection + "/edit",
                        "/connections/" + connection + "/resources",
                        Map.of("label", "Reports and exports", "buckets", "acme-reports/exports", "kmsKeyArns", "")).statusCode())),
                Map.entry("a page that needs signing in", answered(() -> Session.anonymous().get("/staff/connections")
                        .statusCode())),
                Map.entry("an API answer", answered(() -> api.request().get("/api/v1/connections").statusCode())),
                Map.entry("an API request without a token", answered(() -> ApiClient.withToken("rg_nothing").request()
                        .get("/api/v1/connections").statusCode())),
                Map.entry("an unexpected failure", answered(() -> api.request().get("/api/v1/test-only/failure")
                        .statusCode())));

        assertEquals(Map.of("a page", 200, "another organisation's page", 404, "a form with an error", 400,
                "a form without its CSRF token", 400, "a redirect after POST", 303, "a page that needs signing in", 302,
                "an API answer", 200, "an API request without a token", 401, "an unexpected failure", 500), answers);
        await().atMost(5, TimeUnit.SECONDS).until(() -> admission.admitted() == 0);
    }

    @Test
    void aPageIsServedWhileACredentialRequestWaitsForAws() {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        ApiClient api = ApiClient.withScopes(Scope.CREDENTIALS);
        aws.hang(FakeAws.Service.STS, Duration.ofMinutes(2));
        aws.clearCalls();

        CompletableFuture<Response> credentials = CompletableFuture.supplyAsync(() -> api.request().body("{}")
                .post("/api/v1/connections/" + setup.connectionId() + "/credentials"));
        await().atMost(ANSWER).until(() -> aws.arrivals().stream().anyMatch(arrival -> "AssumeRole".equals(arrival.action())));

        assertEquals(200, answered(() -> Session.anonymous().get("/help/codes").statusCode()));
        assertFalse(credentials.isDone(), "the page was served while AssumeRole was still waiting");
        aws.releaseHangs();
        assertEquals(200, answered(() -> credentials.join().statusCode()));
    }

    @Test
    void aRequestWhoseClientWentAwayGivesItsPlaceBack() throws Exception {
        ActiveConnections.Setup setup = ActiveConnections.create(aws, ConnectionStatus.ACTIVE);
        ApiClient api = ApiClient.withScopes(Scope.CREDENTIALS);
        aws.hang(FakeAws.Service.STS, Duration.ofMinutes(2));
        aws.clearCalls();

        // The client gives up while AssumeRole waits, and closes its connection: no response filter runs for it.
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/connections/" + setup.connectionId() + "/credentials"))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(1)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        CompletableFuture<HttpResponse<String>> abandoned = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        await().atMost(ANSWER).until(() -> aws.arrivals().stream().anyMatch(arrival -> "AssumeRole".equals(arrival.action())));
        ExecutionException timedOut = assertThrows(ExecutionException.class, () -> abandoned.get(ANSWER.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(HttpTimeoutException.class, timedOut.getCause());

        aws.releaseHangs();
        await().atMost(ANSWER).until(() -> !credentialUses.recent(setup.connectionId()).isEmpty());
        await().atMost(ANSWER).until(() -> admission.admitted() == 0);
        assertEquals(200, answered(() -> Session.anonymous().get("/help/codes").statusCode()));
    }

    @Test
    void aPageIsServedWhileAnotherWaitsForItsTemplateUpload() {
        Organisation organisation = Accounts.organisation("Admission " + Accounts.unique());
        Session customer = answered(() -> Session.signIn(Accounts.customer(organisation)));
        String connection = answered(() -> Connections.createThroughForm(customer, Connections.form()));
        aws.hang(FakeAws.Service.S3, Duration.ofMinutes(2));
        aws.clearCalls();

        CompletableFuture<Response> setupPage = CompletableFuture.supplyAsync(() -> customer.get("/connections/" + connection));
        await().atMost(ANSWER).until(() -> aws.arrivals().stream()
                .anyMatch(arrival -> arrival.service() == FakeAws.Service.S3 && arrival.action().startsWith("PUT ")));

        assertEquals(200, answered(() -> customer.get("/connections").statusCode()));
        assertFalse(setupPage.isDone(), "the list was served while the template upload was still waiting");
        aws.releaseHangs();
        assertEquals(200, answered(() -> setupPage.join().statusCode()));
    }

    /** The answer, failing the test if it takes longer than {@link #ANSWER}: with a place never given back, it would never come. */
    private static <T> T answered(Supplier<T> request) {
        return assertTimeoutPreemptively(ANSWER, request::get);
    }
}
