package io.rolegate.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The SQS queue subscribed to the vendor's registration topics (PRODUCT §12, {@code
 * rolegate.cloudformation.registration-queue-url}), read with the SDK's SQS client and the vendor's credentials of
 * the queue's partition. The client reaches the queue at its URL's host, unless the SDK's standard endpoint override
 * ({@code AWS_ENDPOINT_URL_SQS}, {@code AWS_ENDPOINT_URL} or their system properties) names another.
 *
 * <p>A long poll waits up to {@code registration-wait-time} and answers as soon as a message arrives. The poll runs
 * in a scope of its own, so {@link #stop} aborts it at once at shutdown instead of waiting out the poll.
 */
@ApplicationScoped
public class RegistrationQueue {

    /** A message as received: {@code receiptHandle} deletes it or changes its visibility. */
    public record QueueMessage(String messageId, String receiptHandle, String body, int receiveCount) {
    }

    /** {@code sqs.us-east-1.amazonaws.com}, {@code sqs.cn-north-1.amazonaws.com.cn}, or the legacy {@code us-east-1.queue.amazonaws.com}. */
    private static final Pattern QUEUE_HOST = Pattern.compile("(?:sqs[.-]([a-z0-9-]+)|([a-z0-9-]+)\\.queue)\\.amazonaws\\.com(\\.cn)?");

    private final CloudFormationConfig config;
    private final AwsConfig awsConfig;
    private final AwsClients clients;
    private final VendorIdentity vendor;
    private final ConnectionScopes polls = new ConnectionScopes();
    private final UUID pollScope = UUID.randomUUID();
    private volatile SqsClient sqs;

    RegistrationQueue(CloudFormationConfig config, AwsConfig awsConfig, AwsClients clients, VendorIdentity vendor) {
        this.config = config;
        this.awsConfig = awsConfig;
        this.clients = clients;
        this.vendor = vendor;
    }

    /** The queue URL, if one is configured and is an absolute http(s) URL. */
    public Optional<URI> queueUrl() {
        return config.registrationQueueUrl().filter(url -> !url.isBlank()).map(url -> URI.create(url.strip()))
                .filter(url -> ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null);
    }

    /**
     * The partition of the queue, from its URL's host ({@code aws} for a host that is not AWS's, e.g. a local
     * emulator): SNS delivers a topic's messages only to queues of its own partition, so only connections of this
     * partition can register automatically.
     */
    public String partition() {
        return queueUrl().map(url -> partitionOf(url.getHost())).orElse(VendorIdentity.COMMERCIAL);
    }

    static String partitionOf(String host) {
        Matcher matcher = QUEUE_HOST.matcher(host);
        if (matcher.matches() && matcher.group(3) != null) {
            return "aws-cn";
        }
        return matcher.matches() && region(matcher).startsWith("us-gov-") ? "aws-us-gov" : VendorIdentity.COMMERCIAL;
    }

    private static String region(Matcher matcher) {
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    /**
     * Waits up to {@code wait} for at most {@code max} messages (1–10), which stay invisible to other receivers for
     * {@code visibility}. Empty when none arrived, or when {@link #stop} ended the poll.
     */
    public AwsResult<List<QueueMessage>> receive(int max, Duration wait, Duration visibility) {
        try (ConnectionScope scope = polls.open(pollScope)) {
            if (scope.isRevoked()) {
                return new AwsResult.Ok<>(List.of(), null);
            }
            ReceiveMessageResponse response = client().receiveMessage(request -> request
                    .queueUrl(queueUrl().orElseThrow().toString())
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds((int) wait.toSeconds())
                    .visibilityTimeout((int) visibility.toSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                    .overrideConfiguration(override -> override.putExecutionAttribute(ScopedHttpClient.SCOPE, scope)));
            return new AwsResult.Ok<>(response.messages().stream().map(message -> new QueueMessage(message.messageId(),
                    message.receiptHandle(), message.body(), receiveCount(message.attributes()
                            .get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))).toList(),
                    response.responseMetadata().requestId());
        } catch (ScopedHttpClient.RevokedException e) {
            return new AwsResult.Ok<>(List.of(), null);
        } catch (SdkException e) {
            if (polls.isRevoked(pollScope)) {
                return new AwsResult.Ok<>(List.of(), null);
            }
            return new AwsResult.Failed<>(AwsErrors.classify(e));
        }
    }

    /** Deletes a handled (or dropped) message, so no instance receives it again. */
    public AwsResult<Void> delete(String receiptHandle) {
        try {
            var response = client().deleteMessage(request -> request.queueUrl(queueUrl().orElseThrow().toString())
                    .receiptHandle(receiptHandle));
            return new AwsResult.Ok<>(null, response.responseMetadata().requestId());
        } catch (SdkException e) {
            return new AwsResult.Failed<>(AwsErrors.classify(e));
        }
    }

    /** Makes a message visible again after {@code delay}, for a retry by any instance. */
    public AwsResult<Void> retryLater(String receiptHandle, Duration delay) {
        try {
            var response = client().changeMessageVisibility(request -> request.queueUrl(queueUrl().orElseThrow().toString())
                    .receiptHandle(receiptHandle).visibilityTimeout((int) delay.toSeconds()));
            return new AwsResult.Ok<>(null, response.responseMetadata().requestId());
        } catch (SdkException e) {
            return new AwsResult.Failed<>(AwsErrors.classify(e));
        }
    }

    /** Aborts the poll in flight and refuses every further one: shutdown. */
    public void stop() {
        polls.revoke(pollScope);
    }

    private static int receiveCount(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private SqsClient client() {
        SqsClient client = sqs;
        if (client == null) {
            synchronized (this) {
                if (sqs == null) {
                    sqs = newClient();
                }
                client = sqs;
            }
        }
        return client;
    }

    /**
     * A client of its own: a long poll holds the connection for up to the wait time, longer than the read timeout of
     * the calls a check makes.
     */
    private SqsClient newClient() {
        URI url = queueUrl().orElseThrow(() -> new IllegalStateException("no registration queue configured"));
        Duration wait = config.registrationWaitTime();
        Matcher host = QUEUE_HOST.matcher(url.getHost());
        String region = host.matches() ? region(host) : awsConfig.region();
        StsRoute route = vendor.route(partitionOf(url.getHost()), region)
                .orElseThrow(() -> new IllegalStateException("no vendor identity in the partition of the registration queue"));
        var builder = SqsClient.builder()
                .httpClient(new ScopedHttpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(awsConfig.connectTimeout())
                        .socketTimeout(wait.plus(awsConfig.readTimeout()))
                        .build()))
                .region(Region.of(region))
                .credentialsProvider(clients.vendorCredentials(route))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(wait.plus(awsConfig.readTimeout()).plus(awsConfig.connectTimeout()))
                        .addExecutionInterceptor(new ScopedHttpClient.Interceptor())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(awsConfig.maxAttempts())
                                .build())
                        .build());
        if (!standardEndpointOverride()) {
            builder.endpointOverride(URI.create(url.getScheme() + "://" + url.getRawAuthority()));
        }
        return builder.build();
    }

    /** Whether the SDK's own endpoint settings for SQS apply (docs: "Service-specific endpoints" of the SDKs reference). */
    private static boolean standardEndpointOverride() {
        return present(System.getenv("AWS_ENDPOINT_URL_SQS")) || present(System.getenv("AWS_ENDPOINT_URL"))
                || present(System.getProperty("aws.endpointUrlSqs")) || present(System.getProperty("aws.endpointUrl"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @PreDestroy
    void close() {
        stop();
        if (sqs != null) {
            sqs.close();
        }
    }
}
