package io.rolegate.aws.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One custom resource request CloudFormation sent through SNS (Create, Update or Delete of one resource) and the
 * response that came back to its ResponseURL. The first accepted PUT decides; later PUTs to the same URL are
 * counted (S3 stores them) but CloudFormation has already read the first.
 */
public final class CustomResourceCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudFormation cloudFormation;
    private final Stack stack;
    private final String requestType;
    private final String logicalResourceId;
    private final String requestId;
    private final String responseUrl;
    private final String topicArn;
    private volatile String request;
    private volatile String envelope;
    private volatile Instant sentAt;
    private final CompletableFuture<CustomResourceResponse> response = new CompletableFuture<>();
    private final AtomicInteger responses = new AtomicInteger();

    CustomResourceCall(CloudFormation cloudFormation, Stack stack, String requestType, String logicalResourceId,
            String requestId, String responseUrl, String topicArn) {
        this.cloudFormation = cloudFormation;
        this.stack = stack;
        this.requestType = requestType;
        this.logicalResourceId = logicalResourceId;
        this.requestId = requestId;
        this.responseUrl = responseUrl;
        this.topicArn = topicArn;
    }

    void sent(String requestJson, String snsEnvelope, Instant at) {
        this.request = requestJson;
        this.envelope = snsEnvelope;
        this.sentAt = at;
    }

    /** When the notification went onto the queue(s), on the fake's clock (compare with {@link ResponseUrlPut#at()}). */
    public Instant sentAt() {
        return sentAt;
    }

    /** Records a PUT S3 accepted; only the first completes the call. */
    void answered(CustomResourceResponse answer) {
        responses.incrementAndGet();
        response.complete(answer);
    }

    public Stack stack() {
        return stack;
    }

    /** {@code Create}, {@code Update} or {@code Delete}. */
    public String requestType() {
        return requestType;
    }

    public String logicalResourceId() {
        return logicalResourceId;
    }

    public String requestId() {
        return requestId;
    }

    /** The pre-signed URL CloudFormation waits on (the one it issued, even if a test tampered with the request). */
    public String responseUrl() {
        return responseUrl;
    }

    /** The SNS topic (the ServiceToken) the request was published to. */
    public String topicArn() {
        return topicArn;
    }

    /** The request as delivered (the SNS {@code Message}), after any test interceptor changed it. */
    public String requestJson() {
        return request;
    }

    /** The request as delivered, parsed. */
    public JsonNode request() {
        try {
            return JSON.readTree(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SNS notification envelope as it went onto the queue(s). */
    public String envelope() {
        return envelope;
    }

    /** The response when one came, completing as soon as the first PUT is accepted. */
    public CompletableFuture<CustomResourceResponse> response() {
        return response.copy();
    }

    /** Blocks until the first response arrives; an {@link AssertionError} after {@code timeout}. */
    public CustomResourceResponse awaitResponse(Duration timeout) {
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no response to the " + requestType + " request " + requestId + " of "
                    + logicalResourceId + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many PUTs S3 accepted at this ResponseURL. */
    public int responseCount() {
        return responses.get();
    }

    /** Delivers the same SNS notification once more (same MessageId), as SNS's at-least-once delivery may. */
    public void redeliver() {
        cloudFormation.deliver(topicArn, envelope);
    }

    @Override
    public String toString() {
        return requestType + " " + logicalResourceId + " " + requestId;
    }
}
