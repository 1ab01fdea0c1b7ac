package io.rolegate.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients Rolegate uses. STS clients act with the vendor's own credentials (the default
 * provider chain) and are kept, one per region; S3 clients act with a check's temporary credentials
 * and belong to the caller, who closes them. All share one HTTP client with explicit time limits,
 * and retry only what is transient (throttling, 5xx) with jittered backoff.
 */
@ApplicationScoped
public class AwsClients {

    private final AwsConfig config;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider vendorCredentials;
    private final ClientOverrideConfiguration overrides;
    private final Map<String, StsClient> stsByRegion = new ConcurrentHashMap<>();

    AwsClients(AwsConfig config) {
        this.config = config;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.readTimeout())
                .build();
        this.vendorCredentials = DefaultCredentialsProvider.builder().build();
        this.overrides = ClientOverrideConfiguration.builder()
                .apiCallTimeout(config.callTimeout())
                .apiCallAttemptTimeout(config.readTimeout().plus(config.connectTimeout()))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts())
                        .build())
                .build();
    }

    /** The vendor's STS client for a region, created once and reused. */
    public StsClient sts(String region) {
        return stsByRegion.computeIfAbsent(region, key -> newSts(key, vendorCredentials));
    }

    /** An S3 client acting with temporary credentials; the caller must close it. */
    public S3Client s3(AwsSessionCredentials credentials, String region) {
        var builder = S3Client.builder()
                .httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(overrides);
        config.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    /** An STS client acting with temporary credentials (GetCallerIdentity of an assumed role); the caller closes it. */
    public StsClient sts(AwsSessionCredentials credentials, String region) {
        return newSts(region, StaticCredentialsProvider.create(credentials));
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
        stsByRegion.values().forEach(StsClient::close);
        http.close();
    }
}
