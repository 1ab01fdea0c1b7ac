package io.rolegate.aws.fake;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Real SDK clients pointed at a {@link FakeAws}, configured the way Rolegate uses them (URL connection client,
 * path-style S3). Retries keep the SDK's standard policy but back off for milliseconds, so tests stay fast.
 */
final class SdkClients {

    private SdkClients() {
    }

    static StsClient sts(FakeAws aws, AwsCredentials credentials, String region) {
        return StsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(quickRetries()))
                .build();
    }

    static StsClient vendorSts(FakeAws aws) {
        return sts(aws, aws.vendorCredentials(), "us-east-1");
    }

    static S3Client s3(FakeAws aws, Credentials session, String region) {
        return s3(aws, sessionCredentials(session), region);
    }

    static S3Client s3(FakeAws aws, AwsCredentials credentials, String region) {
        return S3Client.builder()
                .endpointOverride(aws.endpoint())
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(quickRetries()))
                .build();
    }

    /** An SQS client as a long-polling worker needs it: the URL connection client's read timeout outlasts a 20 s poll. */
    static SqsClient sqs(FakeAws aws, AwsCredentials credentials, String region) {
        return SqsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(c -> c.retryStrategy(quickRetries()))
                .build();
    }

    static SqsClient vendorSqs(FakeAws aws) {
        return sqs(aws, aws.vendorCredentials(), "us-east-1");
    }

    static AwsSessionCredentials sessionCredentials(Credentials session) {
        return AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
    }

    static RetryStrategy quickRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                .build();
    }
}
