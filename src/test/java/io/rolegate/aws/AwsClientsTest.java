package io.rolegate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointParams;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;

/** The vendor's STS clients: one per partition and region, with that partition's credentials and endpoint. */
class AwsClientsTest {

    private static AwsClients clients(Map<String, String> properties) {
        return new AwsClients(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(AwsConfig.class).build().getConfigMapping(AwsConfig.class));
    }

    /** Where the SDK sends the client's requests: its override, else the endpoint of its region. */
    private static URI endpoint(StsClient sts) {
        Optional<URI> override = sts.serviceClientConfiguration().endpointOverride();
        return override.orElseGet(() -> ((StsEndpointProvider) sts.serviceClientConfiguration().endpointProvider().orElseThrow())
                .resolveEndpoint(StsEndpointParams.builder().region(sts.serviceClientConfiguration().region()).build())
                .join().url());
    }

    @Test
    void eachPartitionsClientCallsItsOwnRegionalStsEndpointWithItsOwnCredentials() {
        AwsClients clients = clients(Map.of());
        try {
            StsClient gov = clients.vendorSts(new StsRoute("aws-us-gov", "us-gov-west-1", "rolegate-gov"));
            StsClient china = clients.vendorSts(new StsRoute("aws-cn", "cn-north-1", "rolegate-cn"));
            StsClient commercial = clients.vendorSts(new StsRoute("aws", "eu-west-1", null));

            assertEquals(URI.create("https://sts.us-gov-west-1.amazonaws.com"), endpoint(gov));
            assertEquals(URI.create("https://sts.cn-north-1.amazonaws.com.cn"), endpoint(china));
            assertEquals(URI.create("https://sts.eu-west-1.amazonaws.com"), endpoint(commercial));
            ProfileCredentialsProvider govCredentials = (ProfileCredentialsProvider) gov.serviceClientConfiguration()
                    .credentialsProvider();
            assertTrue(govCredentials.toString().contains("profileName=rolegate-gov"), govCredentials.toString());
            assertTrue(china.serviceClientConfiguration().credentialsProvider().toString().contains("profileName=rolegate-cn"));
            assertTrue(commercial.serviceClientConfiguration().credentialsProvider() instanceof DefaultCredentialsProvider);
        } finally {
            clients.close();
        }
    }

    @Test
    void clientsAreCachedPerPartitionAndRegion() {
        AwsClients clients = clients(Map.of());
        try {
            StsClient gov = clients.vendorSts(new StsRoute("aws-us-gov", "us-gov-west-1", "rolegate-gov"));

            assertSame(gov, clients.vendorSts(new StsRoute("aws-us-gov", "us-gov-west-1", "rolegate-gov")));
            assertNotSame(gov, clients.vendorSts(new StsRoute("aws-us-gov", "us-gov-east-1", "rolegate-gov")));
        } finally {
            clients.close();
        }
    }

    @Test
    void theStsEndpointOverrideServesEveryPartition() {
        AwsClients clients = clients(Map.of("rolegate.aws.sts-endpoint", "http://127.0.0.1:4566"));
        try {
            assertEquals(URI.create("http://127.0.0.1:4566"),
                    endpoint(clients.vendorSts(new StsRoute("aws-cn", "cn-north-1", "rolegate-cn"))));
        } finally {
            clients.close();
        }
    }

    @Test
    void aProfileWithoutCredentialsIsTheVendorsProblemAndNothingIsSent() {
        AwsClients clients = clients(Map.of("rolegate.aws.sts-endpoint", "http://127.0.0.1:9"));
        try {
            StsClient gov = clients.vendorSts(new StsRoute("aws-us-gov", "us-gov-west-1", "rolegate-no-such-profile"));

            AwsFailure failure = AwsErrors.classify(assertThrows(SdkException.class, gov::getCallerIdentity));

            assertEquals(AwsFailure.Kind.VENDOR_CREDENTIALS, failure.kind(), failure.detail());
            assertTrue(failure.detail().contains("rolegate-no-such-profile"), failure.detail());
        } finally {
            clients.close();
        }
    }

    @Test
    void anEmptyLocationConstraintIsUsEast1OnlyInTheCommercialPartition() {
        assertEquals("us-east-1", AssumedRole.regionOf("", "eu-west-1"));
        assertEquals("us-gov-west-1", AssumedRole.regionOf("", "us-gov-west-1"));
        assertEquals("cn-northwest-1", AssumedRole.regionOf(null, "cn-northwest-1"));
        assertEquals("eu-west-1", AssumedRole.regionOf("EU", "us-east-1"));
        assertEquals("cn-north-1", AssumedRole.regionOf("cn-north-1", "cn-northwest-1"));
    }
}
