package io.rolegate.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rolegate.api.Scope;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.support.ActiveConnections;
import io.rolegate.support.ApiClient;

/**
 * 100 ACTIVE connections, 32 concurrent clients through the HTTP API, the fake STS answering after 100 ms.
 * Cold: one request per connection with an empty cache; warm: 30 rounds over all connections. Run with
 * {@code ./mvnw -B -q test -Dbenchmarks -Dtest=CredentialBrokerBenchmark}; results in docs/benchmarks.md.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(CredentialBrokerBenchmark.Unlimited.class)
@WithTestResource(FakeAwsResource.class)
class CredentialBrokerBenchmark {

    private static final Logger LOG = Logger.getLogger(CredentialBrokerBenchmark.class);
    private static final int CONNECTIONS = 100;
    private static final int CLIENTS = 32;
    private static final int WARM_ROUNDS = 30;

    /** The per-token rate limit would measure itself, not the broker. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rolegate.api.requests-per-minute", "1000000");
        }
    }

    @InjectFakeAws
    FakeAws aws;

    private record Phase(String name, int requests, long[] latenciesMicros, long wallMillis, long assumeRoles) {
        String summary() {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return String.format("%s: %d requests, p50 %.1f ms, p95 %.1f ms, max %.1f ms, %.0f requests/s, %d AssumeRole",
                    name, requests, sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.95)] / 1000.0,
                    sorted[sorted.length - 1] / 1000.0, requests * 1000.0 / wallMillis, assumeRoles);
        }
    }

    @Test
    void coldAndWarmLatencyThroughputAndAssumeRoleCalls() throws Exception {
        List<ActiveConnections.Setup> setups = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            setups.add(ActiveConnections.create(aws, ConnectionStatus.ACTIVE));
        }
        ApiClient client = ApiClient.withScopes(Scope.CREDENTIALS);
        aws.latency(Duration.ofMillis(100));
        aws.clearCalls();
        try {
            Phase cold = run("cold", client, setups, 1);
            Phase warm = run("warm", client, setups, WARM_ROUNDS);
            LOG.infof("Credential broker benchmark (%d connections, %d clients, STS latency 100 ms)%n%s%n%s",
                    CONNECTIONS, CLIENTS, cold.summary(), warm.summary());
            assertEquals(CONNECTIONS, cold.assumeRoles(), "one AssumeRole per connection and purpose");
            assertEquals(0, warm.assumeRoles(), "warm requests are served from the cache");
        } finally {
            aws.clearFaults();
        }
    }

    private Phase run(String name, ApiClient client, List<ActiveConnections.Setup> setups, int rounds) throws Exception {
        long callsBefore = assumeRoles();
        List<Callable<Long>> requests = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (ActiveConnections.Setup setup : setups) {
                requests.add(() -> {
                    long start = System.nanoTime();
                    client.request().body("{\"purpose\":\"bench\"}")
                            .post("/api/v1/connections/" + setup.connectionId() + "/credentials")
                            .then().statusCode(200);
                    return (System.nanoTime() - start) / 1000;
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long wallStart = System.nanoTime();
        long[] latencies;
        try {
            List<Future<Long>> answers = pool.invokeAll(requests);
            latencies = new long[answers.size()];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = answers.get(i).get();
            }
        } finally {
            pool.shutdownNow();
        }
        long wallMillis = Math.max(1, (System.nanoTime() - wallStart) / 1_000_000);
        return new Phase(name, requests.size(), latencies, wallMillis, assumeRoles() - callsBefore);
    }

    private long assumeRoles() {
        return aws.calls().stream().filter(call -> "AssumeRole".equals(call.operation())).count();
    }
}
