package io.rolegate.aws.fake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** SQS through the real SDK client (AWS JSON 1.0): long polls, visibility timeouts, deletes, errors. */
class FakeAwsSqsTest {

    private FakeAws aws;
    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void start() {
        aws = FakeAws.start();
        queueUrl = aws.queue("rolegate-registrations");
        sqs = SdkClients.vendorSqs(aws);
    }

    @AfterEach
    void stop() {
        sqs.close();
        aws.close();
    }

    private List<Message> receive(int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(waitSeconds).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    private void awaitPollWaiting() {
        await().atMost(5, TimeUnit.SECONDS).until(() -> aws.arrivals().stream()
                .anyMatch(arrival -> arrival.action().equals("ReceiveMessage")));
    }

    @Test
    void theQueueUrlIsTheRealPathOnTheFakesEndpoint() {
        assertEquals(aws.endpoint() + "/111111111111/rolegate-registrations", queueUrl);
        assertEquals(queueUrl, aws.queue("rolegate-registrations"));
    }

    @Test
    void aLongPollAnswersAsSoonAsAMessageArrives() {
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() -> receive(20));
        awaitPollWaiting();
        long sent = System.nanoTime();

        String messageId = sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"hello\":\"queue\"}")).messageId();
        List<Message> received = poll.join();

        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "woken by the message, not by the 20 s wait: " + took);
        assertEquals(1, received.size());
        assertEquals(messageId, received.get(0).messageId());
        assertEquals("{\"hello\":\"queue\"}", received.get(0).body());
        assertEquals("1", received.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        AwsCall call = aws.calls().stream().filter(c -> c.operation().equals("ReceiveMessage")).findFirst().orElseThrow();
        assertEquals(queueUrl, call.queueUrl());
        assertEquals(20, call.waitTimeSeconds());
        assertEquals(1, call.messagesReceived());
        assertEquals(aws.vendorUserArn(), call.callerArn());
    }

    @Test
    void aLongPollOnAnEmptyQueueWaitsItsTimeAndReturnsNothing() {
        long started = System.nanoTime();

        List<Message> received = receive(1);

        assertEquals(List.of(), received);
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(950));
    }

    @Test
    void aReceivedMessageIsInvisibleUntilItsTimeoutAndThenDeliveredAgain() {
        aws.sendMessage(queueUrl, "registration");
        Message first = receive(0).get(0);

        assertEquals(List.of(), receive(0));
        aws.advanceTime(Duration.ofSeconds(31));
        Message second = receive(0).get(0);

        assertEquals(first.messageId(), second.messageId());
        assertNotEquals(first.receiptHandle(), second.receiptHandle());
        assertEquals("2", second.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    @Test
    void advancingTheClockWakesALongPollWhoseMessageReappears() {
        aws.sendMessage(queueUrl, "registration");
        receive(0);
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() -> receive(20));
        awaitPollWaiting();

        aws.advanceTime(Duration.ofSeconds(31));

        assertEquals("registration", poll.orTimeout(5, TimeUnit.SECONDS).join().get(0).body());
    }

    @Test
    void onlyTheLatestReceiptHandleDeletesAMessage() {
        aws.sendMessage(queueUrl, "registration");
        Message first = receive(0).get(0);
        aws.advanceTime(Duration.ofSeconds(31));
        Message second = receive(0).get(0);

        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(first.receiptHandle()));
        assertEquals(1, aws.queuedMessages(queueUrl).size());
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(second.receiptHandle()));

        assertEquals(List.of(), aws.queuedMessages(queueUrl));
        assertEquals(List.of(new FakeAws.QueuedMessage(first.messageId(), "registration", 2, false)),
                aws.deletedMessages(queueUrl));
        aws.advanceTime(Duration.ofMinutes(5));
        assertEquals(List.of(), receive(0));
    }

    @Test
    void aDeletedMessageIsNeverDeliveredAgainAndDeletingTwiceSucceeds() {
        aws.sendMessage(queueUrl, "registration");
        Message received = receive(0).get(0);

        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(received.receiptHandle()));
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(received.receiptHandle()));
        aws.advanceTime(Duration.ofMinutes(1));

        assertEquals(List.of(), receive(0));
    }

    @Test
    void changingTheVisibilityToZeroReleasesTheMessageAtOnce() {
        aws.sendMessage(queueUrl, "registration");
        Message received = receive(0).get(0);

        sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(received.receiptHandle()).visibilityTimeout(0));

        Message again = receive(0).get(0);
        assertEquals(received.messageId(), again.messageId());
        assertEquals("2", again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    @Test
    void extendingTheVisibilityKeepsTheMessageHiddenPastTheQueueTimeout() {
        aws.sendMessage(queueUrl, "registration");
        Message received = receive(0).get(0);

        sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(received.receiptHandle()).visibilityTimeout(300));
        aws.advanceTime(Duration.ofSeconds(60));

        assertEquals(List.of(), receive(0));
        aws.advanceTime(Duration.ofSeconds(241));
        assertEquals(received.messageId(), receive(0).get(0).messageId());
    }

    @Test
    void aReceiveCanAskForItsOwnVisibilityTimeoutAndTheQueueHasADefault() {
        aws.visibilityTimeout(queueUrl, Duration.ofSeconds(5));
        aws.sendMessage(queueUrl, "a");
        aws.sendMessage(queueUrl, "b");
        receive(0);
        aws.advanceTime(Duration.ofSeconds(6));

        List<Message> again = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1).visibilityTimeout(120))
                .messages();
        aws.advanceTime(Duration.ofSeconds(60));

        assertEquals(1, again.size());
        assertEquals(1, receive(0).size(), "the one received with 120 s stays hidden");
    }

    @Test
    void changingTheVisibilityOfAMessageNotInFlightIsRefused() {
        aws.sendMessage(queueUrl, "registration");
        Message received = receive(0).get(0);
        aws.advanceTime(Duration.ofSeconds(31));

        MessageNotInflightException refused = assertThrows(MessageNotInflightException.class,
                () -> sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(received.receiptHandle())
                        .visibilityTimeout(60)));

        assertEquals(400, refused.statusCode());
        assertEquals("AWS.SimpleQueueService.MessageNotInflight", refused.awsErrorDetails().errorCode());
    }

    @Test
    void aReceiptHandleThatNamesNoMessageIsInvalid() {
        ReceiptHandleIsInvalidException refused = assertThrows(ReceiptHandleIsInvalidException.class,
                () -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle("not-a-handle")));

        assertEquals("ReceiptHandleIsInvalid", refused.awsErrorDetails().errorCode());
    }

    @Test
    void aQueueExistsOnlyInItsRegionAndAccount() {
        try (SqsClient otherRegion = SdkClients.sqs(aws, aws.vendorCredentials(), "eu-west-1")) {
            QueueDoesNotExistException missing = assertThrows(QueueDoesNotExistException.class,
                    () -> otherRegion.receiveMessage(r -> r.queueUrl(queueUrl)));
            assertEquals("AWS.SimpleQueueService.NonExistentQueue", missing.awsErrorDetails().errorCode());
        }
        assertThrows(QueueDoesNotExistException.class,
                () -> sqs.receiveMessage(r -> r.queueUrl(aws.endpoint() + "/111111111111/no-such-queue")));
        String customerQueue = aws.queue("222222222222", "us-east-1", "theirs");
        assertThrows(QueueDoesNotExistException.class, () -> sqs.sendMessage(r -> r.queueUrl(customerQueue).messageBody("x")));
    }

    @Test
    void outOfRangeParametersAreRefusedLikeSqs() {
        SqsException refused = assertThrows(SqsException.class, () -> receive(21));

        assertEquals("InvalidParameterValue", refused.awsErrorDetails().errorCode());
        assertEquals(400, refused.statusCode());
    }

    @Test
    void messageAttributesTravelWithTheirChecksumsVerifiedByTheSdk() {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("with attributes").messageAttributes(Map.of(
                "Kind", MessageAttributeValue.builder().dataType("String").stringValue("registration").build(),
                "Attempt", MessageAttributeValue.builder().dataType("Number").stringValue("3").build())));

        Message received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).messageAttributeNames("All")).messages().get(0);

        assertEquals("registration", received.messageAttributes().get("Kind").stringValue());
        assertEquals("3", received.messageAttributes().get("Attempt").stringValue());
    }

    @Test
    void queueAttributesCountVisibleAndInFlightMessages() {
        aws.sendMessage(queueUrl, "a");
        aws.sendMessage(queueUrl, "b");
        sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1));

        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.ALL)).attributes();

        assertEquals("1", attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertEquals("1", attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        assertEquals("arn:aws:sqs:us-east-1:111111111111:rolegate-registrations",
                attributes.get(QueueAttributeName.QUEUE_ARN));
    }

    @Test
    void twoConsumersPollingTogetherReceiveEachMessageOnce() {
        List<CompletableFuture<List<Message>>> polls = Stream.generate(() -> CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(20).maxNumberOfMessages(1)).messages()))
                .limit(2).toList();
        await().atMost(5, TimeUnit.SECONDS).until(() -> aws.arrivals().stream()
                .filter(arrival -> arrival.action().equals("ReceiveMessage")).count() == 2);

        aws.sendMessage(queueUrl, "one");
        aws.sendMessage(queueUrl, "two");

        assertEquals(List.of("one", "two"), polls.stream().flatMap(poll -> poll.orTimeout(5, TimeUnit.SECONDS).join().stream())
                .map(Message::body).sorted().toList());
        assertEquals(List.of(), receive(0));
    }

    @Test
    void purgingEmptiesTheQueue() {
        aws.sendMessage(queueUrl, "a");
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
        aws.sendMessage(queueUrl, "b");
        aws.purgeQueue(queueUrl);

        assertEquals(List.of(), aws.queuedMessages(queueUrl));
        assertEquals(List.of(), receive(0));
    }

    @Test
    void throttlingAndServerErrorsAreRetriedBySdk() {
        aws.sendMessage(queueUrl, "registration");
        aws.throttle(FakeAws.Service.SQS, 1);
        aws.failWith5xx(FakeAws.Service.SQS, 1);

        assertEquals("registration", receive(0).get(0).body());
        assertEquals(List.of("RequestThrottled", "InternalFailure"), aws.calls().stream()
                .filter(call -> !call.succeeded()).map(AwsCall::errorCode).toList());
    }

    @Test
    void unknownCredentialsAreRefused() {
        aws.invalidVendorCredentials();

        SqsException refused = assertThrows(SqsException.class, () -> receive(0));

        assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
        assertEquals(403, refused.statusCode());
    }
}
