package io.rolegate.aws.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "rolegate.aws.sts-endpoint")
    URI stsEndpoint;

    @ConfigProperty(name = "rolegate.aws.s3-endpoint")
    URI s3Endpoint;

    @ConfigProperty(name = "rolegate.aws.region")
    String region;

    @Test
    void pointsRolegateAtTheRunningFakeWithTheVendorCredentialsOnTheDefaultChain() {
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
