package io.rolegate.aws.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SQS standard queues over the AWS JSON 1.0 protocol the SDK v2 {@code sqs} client speaks: {@code POST} with
 * {@code X-Amz-Target: AmazonSQS.<Operation>} and a JSON body naming the {@code QueueUrl}. Errors carry the JSON
 * {@code __type} and the {@code x-amzn-query-error} header that the SDK turns into the classic SQS error codes
 * (the service model is {@code awsQueryCompatible}).
 *
 * <p>Semantics as the SQS Developer Guide describes them: a long poll ({@code WaitTimeSeconds}, at most 20) answers
 * as soon as a message is visible; a received message stays invisible for the visibility timeout and is delivered
 * again unless deleted; only the latest receipt handle of a message deletes it (an older one succeeds without
 * deleting, as DeleteMessage documents); {@code ApproximateReceiveCount} counts the receives. Visibility runs on
 * the fake's clock, so {@link FakeAws#advanceTime} lets a timeout pass without sleeping.
 */
final class Sqs {

    static final String TARGET_PREFIX = "AmazonSQS.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(30);
    /** The sender ID SQS records for messages SNS delivers. */
    static final String SNS_SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";
    private static final int MAX_WAIT_SECONDS = 20;
    private static final int MAX_VISIBILITY_SECONDS = 43_200;
    private static final int MAX_BODY_BYTES = 262_144;
    private static final Pattern QUEUE_NAME = Pattern.compile("[\\w-]{1,80}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeAws aws;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    Sqs(FakeAws aws) {
        this.aws = aws;
    }

    /** One queue: its messages in arrival order, guarded by one lock whose condition wakes long polls. */
    static final class Queue {
        final String url;
        final String account;
        final String region;
        final String name;
        volatile Duration visibilityTimeout = DEFAULT_VISIBILITY;
        final List<Message> messages = new ArrayList<>();
        final List<Message> deleted = new ArrayList<>();
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();

        Queue(String url, String account, String region, String name) {
            this.url = url;
            this.account = account;
            this.region = region;
            this.name = name;
        }

        String arn() {
            return "arn:" + FakeAws.partitionOf(region) + ":sqs:" + region + ":" + account + ":" + name;
        }
    }

    /** A message in a queue; mutable state is guarded by its queue's lock. */
    static final class Message {
        final String messageId = UUID.randomUUID().toString();
        final String body;
        final String md5OfBody;
        final Map<String, Attribute> attributes;
        final String senderId;
        final Instant sentAt;
        Instant visibleAt;
        int receiveCount;
        Instant firstReceivedAt;
        String receiptHandle;

        Message(String body, Map<String, Attribute> attributes, String senderId, Instant sentAt) {
            this.body = body;
            this.md5OfBody = md5Hex(body.getBytes(StandardCharsets.UTF_8));
            this.attributes = attributes;
            this.senderId = senderId;
            this.sentAt = sentAt;
            this.visibleAt = sentAt;
        }
    }

    /** A message attribute: {@code String}, {@code Number} (with an optional {@code .suffix}) or {@code Binary}. */
    record Attribute(String dataType, String stringValue, byte[] binaryValue) {
    }

    Queue create(String account, String region, String name) {
        if (!QUEUE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an SQS queue name: " + name);
        }
        String url = aws.endpoint() + "/" + account + "/" + name;
        Queue queue = queues.computeIfAbsent(url, u -> new Queue(u, account, region, name));
        if (!queue.region.equals(region)) {
            throw new IllegalArgumentException("queue " + url + " already exists in " + queue.region);
        }
        return queue;
    }

    Queue existing(String queueUrl) {
        Queue queue = queueOrNull(queueUrl);
        if (queue == null) {
            throw new IllegalArgumentException("no queue " + queueUrl);
        }
        return queue;
    }

    /** Finds a queue by its URL, ignoring a trailing slash; null if there is none. */
    private Queue queueOrNull(String queueUrl) {
        if (queueUrl == null) {
            return null;
        }
        String url = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        return queues.get(url);
    }

    /** Wakes every long poll, e.g. after the fake's clock moved and invisible messages may have reappeared. */
    void wakeAll() {
        for (Queue queue : queues.values()) {
            queue.lock.lock();
            try {
                queue.changed.signalAll();
            } finally {
                queue.lock.unlock();
            }
        }
    }

    /** Enqueues a message (SendMessage, or SNS delivering a notification) and wakes the long polls. */
    Message enqueue(Queue queue, String body, Map<String, Attribute> attributes, String senderId, Duration delay) {
        Message message = new Message(body, attributes, senderId, aws.now());
        message.visibleAt = message.sentAt.plus(delay);
        queue.lock.lock();
        try {
            queue.messages.add(message);
            queue.changed.signalAll();
        } finally {
            queue.lock.unlock();
        }
        return message;
    }

    /** A snapshot of the queue's messages (not deleted), oldest first. */
    List<FakeAws.QueuedMessage> snapshot(Queue queue, boolean deleted) {
        queue.lock.lock();
        try {
            Instant now = aws.now();
            List<FakeAws.QueuedMessage> copy = new ArrayList<>();
            for (Message message : deleted ? queue.deleted : queue.messages) {
                copy.add(new FakeAws.QueuedMessage(message.messageId, message.body, message.receiveCount,
                        !deleted && !message.visibleAt.isAfter(now)));
            }
            return copy;
        } finally {
            queue.lock.unlock();
        }
    }

    FakeAws.Response handle(AwsRequest request) throws InterruptedException {
        String target = request.http.header("x-amz-target");
        request.operation = target == null || !target.startsWith(TARGET_PREFIX) ? null
                : target.substring(TARGET_PREFIX.length());
        if (request.operation == null) {
            throw error(400, "UnknownOperationException", "UnknownOperationException", null);
        }
        aws.throttleOperation(request);
        JsonNode input;
        try {
            input = JSON.readTree(request.payload);
        } catch (IOException e) {
            throw error(400, "SerializationException", "SerializationException", "Start of structure or map found where not expected.");
        }
        if (input == null || !input.isObject()) {
            throw error(400, "SerializationException", "SerializationException", "Start of structure or map found where not expected.");
        }
        request.queueUrl = text(input, "QueueUrl");
        Queue queue = queueOrNull(request.queueUrl);
        if (request.queueUrl == null) {
            throw invalidParameter("Value for parameter QueueUrl is invalid. Reason: QueueUrl is required.");
        }
        // Queues are regional and belong to one account: from another region or account the queue does not exist.
        if (queue == null || !queue.region.equals(request.region) || !queue.account.equals(request.caller.account())) {
            throw error(400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                    "The specified queue does not exist.");
        }
        return switch (request.operation) {
            case "ReceiveMessage" -> receive(request, queue, input);
            case "DeleteMessage" -> delete(queue, input);
            case "ChangeMessageVisibility" -> changeVisibility(queue, input);
            case "SendMessage" -> send(request, queue, input);
            case "GetQueueAttributes" -> attributes(queue, input);
            case "PurgeQueue" -> {
                purge(queue);
                yield json(JSON.createObjectNode());
            }
            default -> throw error(400, "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation",
                    "FakeAws does not implement " + request.operation);
        };
    }

    private FakeAws.Response receive(AwsRequest request, Queue queue, JsonNode input) throws InterruptedException {
        int max = integer(input, "MaxNumberOfMessages", 1, 1, 10);
        int waitSeconds = integer(input, "WaitTimeSeconds", 0, 0, MAX_WAIT_SECONDS);
        request.waitTimeSeconds = waitSeconds;
        Duration visibility = input.has("VisibilityTimeout")
                ? Duration.ofSeconds(integer(input, "VisibilityTimeout", 0, 0, MAX_VISIBILITY_SECONDS))
                : queue.visibilityTimeout;
        List<String> wanted = new ArrayList<>();
        strings(input, "AttributeNames").forEach(wanted::add);
        strings(input, "MessageSystemAttributeNames").forEach(wanted::add);
        List<String> wantedMessageAttributes = strings(input, "MessageAttributeNames");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        List<Message> received = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        queue.lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = aws.now();
                Instant nextVisible = null;
                for (Message message : queue.messages) {
                    if (received.size() == max) {
                        break;
                    }
                    if (message.visibleAt.isAfter(now)) {
                        nextVisible = nextVisible == null || message.visibleAt.isBefore(nextVisible) ? message.visibleAt : nextVisible;
                        continue;
                    }
                    message.receiveCount++;
                    if (message.firstReceivedAt == null) {
                        message.firstReceivedAt = now;
                    }
                    message.receiptHandle = receiptHandle(message);
                    message.visibleAt = now.plus(visibility);
                    received.add(message);
                    handles.add(message.receiptHandle);
                }
                long left = deadline - System.nanoTime();
                if (!received.isEmpty() || left <= 0) {
                    break;
                }
                if (nextVisible != null) {
                    left = Math.min(left, Math.max(1, Duration.between(now, nextVisible).toNanos()));
                }
                queue.changed.awaitNanos(left);
            }
        } finally {
            queue.lock.unlock();
        }
        request.messagesReceived = received.size();
        ObjectNode output = JSON.createObjectNode();
        if (!received.isEmpty()) {
            ArrayNode messages = output.putArray("Messages");
            for (int i = 0; i < received.size(); i++) {
                messages.add(messageJson(received.get(i), handles.get(i), wanted, wantedMessageAttributes));
            }
        }
        return json(output);
    }

    private ObjectNode messageJson(Message message, String handle, List<String> wanted, List<String> wantedAttributes) {
        ObjectNode json = JSON.createObjectNode();
        json.put("MessageId", message.messageId);
        json.put("ReceiptHandle", handle);
        json.put("MD5OfBody", message.md5OfBody);
        json.put("Body", message.body);
        Map<String, String> system = new LinkedHashMap<>();
        system.put("SenderId", message.senderId);
        system.put("ApproximateFirstReceiveTimestamp", String.valueOf(message.firstReceivedAt.toEpochMilli()));
        system.put("ApproximateReceiveCount", String.valueOf(message.receiveCount));
        system.put("SentTimestamp", String.valueOf(message.sentAt.toEpochMilli()));
        ObjectNode attributes = JSON.createObjectNode();
        system.forEach((name, value) -> {
            if (wanted.contains("All") || wanted.contains(name)) {
                attributes.put(name, value);
            }
        });
        if (!attributes.isEmpty()) {
            json.set("Attributes", attributes);
        }
        Map<String, Attribute> selected = new TreeMap<>();
        message.attributes.forEach((name, attribute) -> {
            if (wantedAttributes.contains("All") || wantedAttributes.contains(".*") || wantedAttributes.contains(name)
                    || wantedAttributes.stream().anyMatch(w -> w.endsWith(".*") && name.startsWith(w.substring(0, w.length() - 1)))) {
                selected.put(name, attribute);
            }
        });
        if (!selected.isEmpty()) {
            json.put("MD5OfMessageAttributes", md5OfAttributes(selected));
            ObjectNode values = json.putObject("MessageAttributes");
            selected.forEach((name, attribute) -> {
                ObjectNode value = values.putObject(name);
                value.put("DataType", attribute.dataType());
                if (attribute.binaryValue() != null) {
                    value.put("BinaryValue", Base64.getEncoder().encodeToString(attribute.binaryValue()));
                } else {
                    value.put("StringValue", attribute.stringValue());
                }
            });
        }
        return json;
    }

    /** A receipt handle names the message and this receive; it is opaque to the client. */
    private static String receiptHandle(Message message) {
        String raw = message.messageId + "#" + UUID.randomUUID() + "#" + FakeAws.random("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 24);
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The message a receipt handle was issued for, or a ReceiptHandleIsInvalid error if it names none. */
    private static String messageIdOf(String handle) {
        if (handle == null || handle.isEmpty()) {
            throw error(400, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", "The input receipt handle is invalid.");
        }
        try {
            String raw = new String(Base64.getDecoder().decode(handle), StandardCharsets.UTF_8);
            String[] parts = raw.split("#", 3);
            if (parts.length == 3) {
                return parts[0];
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the error below.
        }
        throw error(400, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    private FakeAws.Response delete(Queue queue, JsonNode input) {
        String handle = text(input, "ReceiptHandle");
        String messageId = messageIdOf(handle);
        queue.lock.lock();
        try {
            for (Iterator<Message> it = queue.messages.iterator(); it.hasNext();) {
                Message message = it.next();
                // Only the latest receipt handle deletes; an older one succeeds and leaves the message.
                if (message.messageId.equals(messageId) && handle.equals(message.receiptHandle)) {
                    it.remove();
                    queue.deleted.add(message);
                }
            }
        } finally {
            queue.lock.unlock();
        }
        return json(JSON.createObjectNode());
    }

    private FakeAws.Response changeVisibility(Queue queue, JsonNode input) {
        String handle = text(input, "ReceiptHandle");
        String messageId = messageIdOf(handle);
        int seconds = integer(input, "VisibilityTimeout", -1, 0, MAX_VISIBILITY_SECONDS);
        if (seconds < 0) {
            throw invalidParameter("Value for parameter VisibilityTimeout is invalid. Reason: VisibilityTimeout is required.");
        }
        queue.lock.lock();
        try {
            Instant now = aws.now();
            for (Message message : queue.messages) {
                if (message.messageId.equals(messageId) && handle.equals(message.receiptHandle)
                        && message.visibleAt.isAfter(now)) {
                    message.visibleAt = now.plusSeconds(seconds);
                    queue.changed.signalAll();
                    return json(JSON.createObjectNode());
                }
            }
        } finally {
            queue.lock.unlock();
        }
        throw error(400, "MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
                "Value " + handle + " for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.");
    }

    private FakeAws.Response send(AwsRequest request, Queue queue, JsonNode input) {
        String body = text(input, "MessageBody");
        if (body == null || body.isEmpty()) {
            throw error(400, "MissingParameter", "MissingParameter", "The request must contain the parameter MessageBody.");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than "
                    + MAX_BODY_BYTES + " bytes.");
        }
        int delay = integer(input, "DelaySeconds", 0, 0, 900);
        Map<String, Attribute> attributes = new TreeMap<>();
        JsonNode given = input.get("MessageAttributes");
        if (given != null && given.isObject()) {
            given.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                String dataType = text(value, "DataType");
                if (dataType == null) {
                    throw invalidParameter("The message attribute '" + field.getKey() + "' must contain a non-empty attribute type.");
                }
                byte[] binary = value.hasNonNull("BinaryValue") ? Base64.getDecoder().decode(value.get("BinaryValue").asText()) : null;
                attributes.put(field.getKey(), new Attribute(dataType, text(value, "StringValue"), binary));
            });
        }
        Message message = enqueue(queue, body, attributes, request.caller.userId(), Duration.ofSeconds(delay));
        ObjectNode output = JSON.createObjectNode();
        output.put("MD5OfMessageBody", message.md5OfBody);
        if (!attributes.isEmpty()) {
            output.put("MD5OfMessageAttributes", md5OfAttributes(attributes));
        }
        output.put("MessageId", message.messageId);
        return json(output);
    }

    private FakeAws.Response attributes(Queue queue, JsonNode input) {
        List<String> wanted = strings(input, "AttributeNames");
        Map<String, String> all = new LinkedHashMap<>();
        queue.lock.lock();
        try {
            Instant now = aws.now();
            long visible = queue.messages.stream().filter(m -> !m.visibleAt.isAfter(now)).count();
            long inFlight = queue.messages.stream().filter(m -> m.visibleAt.isAfter(now) && m.receiveCount > 0).count();
            all.put("ApproximateNumberOfMessages", String.valueOf(visible));
            all.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(inFlight));
            all.put("ApproximateNumberOfMessagesDelayed", String.valueOf(queue.messages.size() - visible - inFlight));
        } finally {
            queue.lock.unlock();
        }
        all.put("VisibilityTimeout", String.valueOf(queue.visibilityTimeout.toSeconds()));
        all.put("QueueArn", queue.arn());
        ObjectNode output = JSON.createObjectNode();
        ObjectNode attributes = output.putObject("Attributes");
        all.forEach((name, value) -> {
            if (wanted.contains("All") || wanted.contains(name)) {
                attributes.put(name, value);
            }
        });
        return json(output);
    }

    void purge(Queue queue) {
        queue.lock.lock();
        try {
            queue.messages.clear();
        } finally {
            queue.lock.unlock();
        }
    }

    /**
     * The MD5 of message attributes as SQS computes it: for each attribute in name order, the name, the data type
     * and the value, each prefixed with its 4-byte length, with a transport byte (1 string, 2 binary) before the value.
     */
    static String md5OfAttributes(Map<String, Attribute> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        attributes.forEach((name, attribute) -> {
            lengthPrefixed(bytes, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(bytes, attribute.dataType().getBytes(StandardCharsets.UTF_8));
            if (attribute.binaryValue() != null) {
                bytes.write(2);
                lengthPrefixed(bytes, attribute.binaryValue());
            } else {
                bytes.write(1);
                lengthPrefixed(bytes, String.valueOf(attribute.stringValue()).getBytes(StandardCharsets.UTF_8));
            }
        });
        return md5Hex(bytes.toByteArray());
    }

    private static void lengthPrefixed(ByteArrayOutputStream bytes, byte[] value) {
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        bytes.writeBytes(value);
    }

    static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode input, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = input.get(field);
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static int integer(JsonNode input, String field, int absent, int min, int max) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw invalidParameter("Value " + value.asText() + " for parameter " + field + " is invalid. Reason: "
                    + "Must be between " + min + " and " + max + ".");
        }
        return value.asInt();
    }

    private static AwsError invalidParameter(String message) {
        return error(400, "InvalidParameterValue", "InvalidParameterValue", message);
    }

    /** An SQS error: {@code type} goes into {@code __type}, {@code queryCode} into {@code x-amzn-query-error}. */
    static AwsError error(int status, String type, String queryCode, String message) {
        return new AwsError(status, type, message == null ? type : message)
                .header("x-amzn-query-error", queryCode + ";" + (status >= 500 ? "Receiver" : "Sender"));
    }

    private static FakeAws.Response json(ObjectNode output) {
        try {
            return new FakeAws.Response(200, Map.of("Content-Type", CONTENT_TYPE), JSON.writeValueAsBytes(output), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    FakeAws.Response error(AwsRequest request, AwsError error) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", "com.amazonaws.sqs#" + error.code());
        body.put("message", error.getMessage());
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.putIfAbsent("x-amzn-query-error", error.code() + ";" + (error.status() >= 500 ? "Receiver" : "Sender"));
        headers.put("Content-Type", CONTENT_TYPE);
        try {
            return new FakeAws.Response(error.status(), headers, JSON.writeValueAsBytes(body), error.code());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
