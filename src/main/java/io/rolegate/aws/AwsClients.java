package io.rolegate.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients Rolegate uses, created once and reused. The vendor's STS clients, one per partition and region,
 * act with the vendor's own credentials of that partition (the default provider chain in {@code aws}, the
 * configured profile elsewhere): credentials of one partition are unknown in every other. The SDK derives each
 * client's endpoint from its region ({@code sts.us-gov-west-1.amazonaws.com},
 * {@code sts.cn-north-1.amazonaws.com.cn}) unless {@code rolegate.aws.sts-endpoint} overrides it for all. The
 * session clients, one per region, have no credentials and sign each request with the temporary credentials it
 * carries. All share one HTTP client with explicit time limits, and retry only what is transient (throttling, 5xx)
 * with jittered backoff. A request made for a connection carries its {@link ConnectionScope}, and none leaves once
 * the connection is revoked ({@link ScopedHttpClient}).
 */
@ApplicationScoped
public class AwsClients {

    private final AwsConfig config;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider defaultCredentials;
    private final ClientOverrideConfiguration overrides;
    private final Map<String, ProfileCredentialsProvider> profileCredentials = new ConcurrentHashMap<>();
    private final Map<StsRoute, StsClient> vendorStsByRoute = new ConcurrentHashMap<>();
    private final Map<String, StsClient> sessionStsByRegion = new ConcurrentHashMap<>();
    private final Map<String, S3Client> s3ByRegion = new ConcurrentHashMap<>();
    private final Map<StsRoute, S3Client> vendorS3ByRoute = new ConcurrentHashMap<>();

    AwsClients(AwsConfig config) {
        this.config = config;
        this.http = new ScopedHttpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.readTimeout())
                .build());
        this.defaultCredentials = DefaultCredentialsProvider.builder().build();
        this.overrides = ClientOverrideConfiguration.builder()
                .apiCallTimeout(config.callTimeout())
                .apiCallAttemptTimeout(config.readTimeout().plus(config.connectTimeout()))
                .addExecutionInterceptor(new ScopedHttpClient.Interceptor())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts())
                        .build())
                .build();
    }

    /** The vendor's STS client of a route (a partition's region and credentials), created once and reused. */
    StsClient vendorSts(StsRoute route) {
        return vendorStsByRoute.computeIfAbsent(route, key -> newSts(key.region(), vendorCredentials(key)));
    }

    /** The vendor's credentials of a route's partition: the default chain in {@code aws}, the route's profile elsewhere. */
    AwsCredentialsProvider vendorCredentials(StsRoute route) {
        return route.profile() == null ? defaultCredentials
                : profileCredentials.computeIfAbsent(route.profile(),
                        profile -> ProfileCredentialsProvider.builder().profileName(profile).build());
    }

    /**
     * The vendor's S3 client of a route (its partition's credentials, in the route's region), created once and reused:
     * it publishes CloudFormation templates in the vendor's own bucket (PRODUCT §12). The S3 endpoint override applies
     * as it does for checks.
     */
    S3Client vendorS3(StsRoute route) {
        return vendorS3ByRoute.computeIfAbsent(route, key -> {
            var builder = S3Client.builder()
                    .httpClient(http)
                    .region(Region.of(key.region()))
                    .credentialsProvider(vendorCredentials(key))
                    .overrideConfiguration(overrides);
            config.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
            return builder.build();
        });
    }

    /**
     * The S3 client of a region for calls made with a customer session's credentials, created once and
     * reused. It has no credentials of its own — an unsigned request fails — so every request must carry
     * the session's in its override configuration (see {@link AssumedRole}).
     */
    S3Client sessionS3(String region) {
        return s3ByRegion.computeIfAbsent(region, key -> {
            var builder = S3Client.builder()
                    .httpClient(http)
                    .region(Region.of(key))
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(overrides);
            config.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
            return builder.build();
        });
    }

    /** Like {@link #sessionS3}: the STS client of a region for GetCallerIdentity with a session's credentials. */
    StsClient sessionSts(String region) {
        return sessionStsByRegion.computeIfAbsent(region, key -> newSts(key, AnonymousCredentialsProvider.create()));
    }

    private StsClient newSts(String region, AwsCredentialsProvider credentials) {
        var builder = StsClient.builder()
                .httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        config.stsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @PreDestroy
    void close() {
        vendorStsByRoute.values().forEach(StsClient::close);
        profileCredentials.values().forEach(ProfileCredentialsProvider::close);
        sessionStsByRegion.values().forEach(StsClient::close);
        s3ByRegion.values().forEach(S3Client::close);
        vendorS3ByRoute.values().forEach(S3Client::close);
        http.close();
    }
}
