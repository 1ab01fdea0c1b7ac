package io.rolegate.aws.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.aws.AwsConfig;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The wiring a Rolegate {@code @QuarkusTest} relies on: config overrides, default-chain credentials, injection. */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class FakeAwsResourceTest {

    @InjectFakeAws
    FakeAws aws;

    // Test classes are beans of every test run, also where no fake is started: read the mapping, not required keys.
    @Inject
    AwsConfig config;

    @Test
    void pointsRolegateAtTheRunningFakeWithTheVendorCredentialsOnTheDefaultChain() {
        aws.clearCalls();

        URI stsEndpoint = config.stsEndpoint().orElseThrow();
        try (StsClient sts = StsClient.builder().endpointOverride(stsEndpoint).region(Region.of(config.region()))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertEquals(aws.vendorUserArn(), sts.getCallerIdentity().arn());
        }

        assertEquals(aws.endpoint(), stsEndpoint);
        assertEquals(aws.endpoint(), config.s3Endpoint().orElseThrow());
        assertEquals("us-east-1", config.region());
        // Checks of other test classes may still be winding down against the same fake: find this test's call.
        assertTrue(aws.calls().stream().anyMatch(call -> call.operation().equals("GetCallerIdentity")
                && aws.vendorUserArn().equals(call.callerArn())), aws.calls().toString());
    }
}
