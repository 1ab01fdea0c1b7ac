package io.rolegate.aws.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The wiring a Rolegate {@code @QuarkusTest} relies on: config overrides, default-chain credentials, injection. */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class FakeAwsResourceTest {

    @InjectFakeAws
    FakeAws aws;

    @Test
    void pointsRolegateAtTheRunningFakeWithTheVendorCredentialsOnTheDefaultChain() {
        // Read here, not injected: test classes are beans of every test application, and an injected property
        // that only this resource provides would stop applications started without it (e.g. for LoginTest).
        Config config = ConfigProvider.getConfig();
        URI stsEndpoint = config.getValue("rolegate.aws.sts-endpoint", URI.class);
        URI s3Endpoint = config.getValue("rolegate.aws.s3-endpoint", URI.class);
        String region = config.getValue("rolegate.aws.region", String.class);
        aws.clearCalls();

        try (StsClient sts = StsClient.builder().endpointOverride(stsEndpoint).region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertEquals(aws.vendorUserArn(), sts.getCallerIdentity().arn());
        }

        assertEquals(aws.endpoint(), stsEndpoint);
        assertEquals(aws.endpoint(), s3Endpoint);
        assertEquals("us-east-1", region);
        assertEquals("GetCallerIdentity", aws.calls().get(0).operation());
    }
}
