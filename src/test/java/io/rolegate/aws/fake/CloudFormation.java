package io.rolegate.aws.fake;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CloudFormation as a customer's stack meets it, and the SNS topics its custom resources publish to: fetches a
 * template from the stand-in S3 (readable to the customer only through the bucket policy), runs stacks
 * ({@link Stack}), publishes each custom resource request to the ServiceToken topic, which delivers the SNS
 * notification to every subscribed queue, and receives the responses PUT to the pre-signed ResponseURLs.
 * (CloudFormation User Guide, "Custom resources", "Custom resource request objects", "Custom resource response
 * objects"; SNS Developer Guide, "Amazon SNS message and JSON formats".)
 */
final class CloudFormation {

    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** Pre-signed ResponseURLs are valid for two hours. */
    static final Duration RESPONSE_URL_VALIDITY = Duration.ofHours(2);
    static final String RESPONSE_BUCKET_PREFIX = "cloudformation-custom-resource-response-";
    static final String SUBJECT = "AWS CloudFormation custom resource request";
    private static final int MAX_TEMPLATE_BYTES = 1_048_576;
    private static final int MAX_RESPONSE_BYTES = 4096;
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\\d{12}):([\\w-]{1,256})");
    private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    private static final Pattern REAL_S3_HOST = Pattern.compile("(?:(.+)\\.)?s3(?:[.-]([a-z0-9-]+))?\\.amazonaws\\.com(?:\\.cn)?");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final FakeAws aws;
    private final Sqs sqs;
    private final Map<String, List<Sqs.Queue>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Stack> stacks = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<ResponseUrlPut> puts = new CopyOnWriteArrayList<>();
    /** Customer-managed policies by ARN, as JSON, for a role's ManagedPolicyArns. */
    final Map<String, String> managedPolicies = new ConcurrentHashMap<>();
    private volatile Consumer<ObjectNode> interceptor;
    private volatile int extraDeliveries;
    volatile Duration timeout = DEFAULT_TIMEOUT;

    /** A ResponseURL CloudFormation issued: the call it answers, its signature and when it expires. */
    private record Pending(CustomResourceCall call, String signature, Instant expires) {
    }

    CloudFormation(FakeAws aws, Sqs sqs) {
        this.aws = aws;
        this.sqs = sqs;
    }

    /** Subscribes the queue to the topic; {@code *} as the ARN's region subscribes it to that topic in every region. */
    void subscribe(String topicArn, String queueUrl) {
        if (!TOPIC_ARN.matcher(topicArn.replace(":sns:*:", ":sns:any:")).matches()) {
            throw new IllegalArgumentException("not an SNS topic ARN: " + topicArn);
        }
        subscriptions.computeIfAbsent(topicArn, t -> new CopyOnWriteArrayList<>()).add(sqs.existing(queueUrl));
    }

    boolean topicExists(String topicArn) {
        return !queues(topicArn).isEmpty();
    }

    private List<Sqs.Queue> queues(String topicArn) {
        List<Sqs.Queue> queues = new ArrayList<>(subscriptions.getOrDefault(topicArn, List.of()));
        Matcher topic = TOPIC_ARN.matcher(topicArn);
        if (topic.matches()) {
            queues.addAll(subscriptions.getOrDefault(topicArn.replace(":sns:" + topic.group(2) + ":", ":sns:*:"), List.of()));
        }
        return queues;
    }

    void intercept(Consumer<ObjectNode> requestInterceptor) {
        interceptor = requestInterceptor;
    }

    void extraDeliveries(int copies) {
        extraDeliveries = copies;
    }

    void clearFaults() {
        interceptor = null;
        extraDeliveries = 0;
        timeout = DEFAULT_TIMEOUT;
    }

    List<ResponseUrlPut> puts() {
        return List.copyOf(puts);
    }

    void clearPuts() {
        puts.clear();
    }

    // ---- stacks

    Stack launch(String accountId, String region, String stackName, String templateUrl, Map<String, String> parameters) {
        if (!STACK_NAME.matcher(stackName).matches()) {
            throw new IllegalArgumentException("ValidationError: 1 validation error detected: Value '" + stackName
                    + "' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + STACK_NAME.pattern());
        }
        String key = stackKey(accountId, region, stackName);
        Map<String, Object> template = fetch(accountId, region, templateUrl);
        String partition = FakeAws.partitionOf(region);
        String stackId = "arn:" + partition + ":cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/"
                + UUID.randomUUID();
        Stack stack = new Stack(this, stackId, stackName, accountId, region, template, parameters);
        synchronized (stacks) {
            Stack existing = stacks.get(key);
            if (existing != null && !existing.status().equals("DELETE_COMPLETE")) {
                throw new IllegalArgumentException("AlreadyExistsException: Stack [" + stackName + "] already exists");
            }
            stacks.put(key, stack);
        }
        aws.run(stack::create);
        return stack;
    }

    Stack update(String accountId, String region, String stackName, String templateUrl, Map<String, String> parameters) {
        Stack stack = stack(accountId, region, stackName);
        Map<String, Object> template = fetch(accountId, region, templateUrl);
        stack.startUpdate(template, parameters);
        return stack;
    }

    Stack delete(String accountId, String region, String stackName) {
        Stack stack = stack(accountId, region, stackName);
        stack.startDelete();
        return stack;
    }

    Stack stack(String accountId, String region, String stackName) {
        Stack stack = stacks.get(stackKey(accountId, region, stackName));
        if (stack == null || stack.status().equals("DELETE_COMPLETE")) {
            throw new IllegalArgumentException("ValidationError: Stack with id " + stackName + " does not exist");
        }
        return stack;
    }

    private static String stackKey(String accountId, String region, String stackName) {
        return accountId + "/" + region + "/" + stackName;
    }

    /**
     * Reads the template at {@code templateUrl}: path-style on the stand-in's endpoint
     * ({@code http://127.0.0.1:PORT/bucket/key}) or a real S3 URL form. CloudFormation reads it on behalf of the
     * customer, so the vendor's bucket policy must let the customer's account (or everyone) GetObject.
     */
    private Map<String, Object> fetch(String accountId, String region, String templateUrl) {
        String[] location = bucketAndKey(templateUrl);
        Bucket bucket = aws.buckets.get(location[0]);
        if (bucket == null || !FakeAws.partitionOf(bucket.region).equals(FakeAws.partitionOf(region))) {
            throw new IllegalArgumentException("ValidationError: S3 error: The specified bucket does not exist");
        }
        String partition = FakeAws.partitionOf(region);
        String root = "arn:" + partition + ":iam::" + accountId + ":root";
        Identity customer = new Identity(null, null, null, root, accountId, accountId, root, null);
        String resource = "arn:" + partition + ":s3:::" + bucket.name + "/" + location[1];
        Policy.Request read = new Policy.Request(customer, "s3:GetObject", resource,
                Map.of("aws:PrincipalAccount", accountId, "s3:ResourceAccount", bucket.ownerAccountId));
        Policy.Decision byBucket = bucket.policy == null ? Policy.Decision.IMPLICIT_DENY : bucket.policy.evaluate(read);
        boolean allowed = byBucket == Policy.Decision.ALLOW
                || (bucket.ownerAccountId.equals(accountId) && byBucket != Policy.Decision.EXPLICIT_DENY);
        if (!allowed) {
            throw new IllegalArgumentException("ValidationError: S3 error: Access Denied");
        }
        Bucket.StoredObject object = bucket.objects.get(location[1]);
        if (object == null) {
            throw new IllegalArgumentException("ValidationError: S3 error: The specified key does not exist.");
        }
        if (object.content().length > MAX_TEMPLATE_BYTES) {
            throw new IllegalArgumentException("ValidationError: Template may not exceed 1048576 bytes in size.");
        }
        return TemplateReader.read(new String(object.content(), StandardCharsets.UTF_8));
    }

    private String[] bucketAndKey(String templateUrl) {
        URI url;
        try {
            url = URI.create(templateUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ValidationError: TemplateURL must be a supported URL.", e);
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String host = url.getHost() == null ? "" : url.getHost();
        URI endpoint = aws.endpoint();
        String bucket = null;
        String key = null;
        Matcher real = REAL_S3_HOST.matcher(host);
        if (host.equals(endpoint.getHost()) && url.getPort() == endpoint.getPort()) {
            String[] parts = path.replaceFirst("^/", "").split("/", 2);
            bucket = parts[0];
            key = parts.length == 2 ? parts[1] : null;
        } else if ("https".equals(url.getScheme()) && real.matches()) {
            if (real.group(1) != null) {
                bucket = real.group(1);
                key = path.replaceFirst("^/", "");
            } else {
                String[] parts = path.replaceFirst("^/", "").split("/", 2);
                bucket = parts[0];
                key = parts.length == 2 ? parts[1] : null;
            }
        }
        if (bucket == null || bucket.isEmpty() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("ValidationError: TemplateURL must be a supported URL.");
        }
        return new String[] {SignatureV4.percentDecode(bucket), SignatureV4.percentDecode(key)};
    }

    // ---- custom resource requests

    /**
     * Sends one custom resource request through the ServiceToken's topic and returns the call that collects its
     * response. The caller has checked that the topic exists.
     */
    CustomResourceCall send(Stack stack, String requestType, String logicalId, String resourceType, String topicArn,
            String physicalResourceId, Map<String, Object> properties, Map<String, Object> oldProperties) {
        String requestId = UUID.randomUUID().toString();
        Instant now = aws.now();
        String regionLabel = stack.region().replace("-", "");
        String path = "/" + RESPONSE_BUCKET_PREFIX + regionLabel + "/" + stack.stackId() + "|" + logicalId + "|" + requestId;
        String signature = SignatureV4.hex(SignatureV4.sha256((requestId + path).getBytes(StandardCharsets.UTF_8)));
        String date = AMZ_DATE.format(now);
        String responseUrl = aws.endpoint() + "/" + RESPONSE_BUCKET_PREFIX + regionLabel + "/"
                + SignatureV4.encode(stack.stackId() + "|" + logicalId + "|" + requestId, false)
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Date=" + date
                + "&X-Amz-SignedHeaders=host"
                + "&X-Amz-Expires=" + (RESPONSE_URL_VALIDITY.toSeconds() - 1)
                + "&X-Amz-Credential=" + SignatureV4.encode("AKIA" + FakeAws.random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
                        + "/" + date.substring(0, 8) + "/" + stack.region() + "/s3/aws4_request", true)
                + "&X-Amz-Signature=" + signature;
        CustomResourceCall call = new CustomResourceCall(this, stack, requestType, logicalId, requestId, responseUrl, topicArn);
        pending.put(path, new Pending(call, signature, now.plus(RESPONSE_URL_VALIDITY)));

        ObjectNode request = JSON.createObjectNode();
        request.put("RequestType", requestType);
        request.put("ServiceToken", topicArn);
        request.put("ResponseURL", responseUrl);
        request.put("StackId", stack.stackId());
        request.put("RequestId", requestId);
        request.put("LogicalResourceId", logicalId);
        if (physicalResourceId != null) {
            request.put("PhysicalResourceId", physicalResourceId);
        }
        request.put("ResourceType", resourceType);
        request.set("ResourceProperties", JSON.valueToTree(properties));
        if (oldProperties != null) {
            request.set("OldResourceProperties", JSON.valueToTree(oldProperties));
        }
        Consumer<ObjectNode> tamper = interceptor;
        if (tamper != null) {
            tamper.accept(request);
        }
        String message = request.toString();
        String envelope = envelope(topicArn, SUBJECT, message);
        call.sent(message, envelope, now);
        for (int copy = 0; copy <= extraDeliveries; copy++) {
            deliver(topicArn, envelope);
        }
        // Recorded once on the queue, so a test that saw the request can receive its message.
        stack.recordCall(call);
        return call;
    }

    /** Publishes a message to a topic as SNS would and returns the notification's MessageId. */
    String publish(String topicArn, String subject, String message) {
        String envelope = envelope(topicArn, subject, message);
        deliver(topicArn, envelope);
        try {
            return JSON.readTree(envelope).get("MessageId").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the notification on every queue subscribed to the topic (SNS raw message delivery off). */
    void deliver(String topicArn, String envelope) {
        for (Sqs.Queue queue : queues(topicArn)) {
            sqs.enqueue(queue, envelope, Map.of(), Sqs.SNS_SENDER_ID, Duration.ZERO);
        }
    }

    /** The SNS notification JSON in SNS's field order; the signature is random, as nobody may verify it here. */
    private String envelope(String topicArn, String subject, String message) {
        Matcher topic = TOPIC_ARN.matcher(topicArn);
        String region = topic.matches() ? topic.group(2) : "us-east-1";
        String host = "https://sns." + region + "." + FakeAws.dnsSuffix(FakeAws.partitionOf(region));
        byte[] signature = new byte[256];
        RANDOM.nextBytes(signature);
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("TopicArn", topicArn);
        envelope.put("Subject", subject);
        envelope.put("Message", message);
        envelope.put("Timestamp", ISO_MILLIS.format(aws.now()));
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", Base64.getEncoder().encodeToString(signature));
        envelope.put("SigningCertURL", host + "/SimpleNotificationService-"
                + FakeAws.random("0123456789abcdef", 32) + ".pem");
        envelope.put("UnsubscribeURL", host + "/?Action=Unsubscribe&SubscriptionArn=" + topicArn + ":" + UUID.randomUUID());
        return envelope.toString();
    }

    // ---- responses

    /** Whether an unsigned request carries query-string (pre-signed) authentication. */
    static boolean presigned(SignatureV4.SignedRequest http) {
        String query = http.rawQuery();
        return http.header("authorization") == null && query != null && query.contains("X-Amz-Signature=");
    }

    /**
     * S3's side of a ResponseURL: PUT with the issued signature before expiry stores the body, and CloudFormation
     * reads it as the response; anything else is refused as S3 refuses a pre-signed URL that does not match.
     */
    FakeAws.Response receive(AwsRequest request) {
        String path = SignatureV4.percentDecode(request.http.rawPath());
        String[] parts = path.substring(1).split("/", 2);
        request.operation = "PutObject";
        request.bucket = parts[0];
        request.key = parts.length == 2 ? parts[1] : null;
        Map<String, String> query = request.query();
        Pending issued = pending.get(path);
        Instant now = aws.now();
        AwsError refused = null;
        if (issued == null || !request.http.method().equals("PUT") || !issued.signature().equals(query.get("X-Amz-Signature"))) {
            refused = new AwsError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method.");
        } else if (now.isAfter(issued.expires())) {
            refused = new AwsError(403, "AccessDenied", "Request has expired")
                    .detail("X-Amz-Expires", query.get("X-Amz-Expires"));
        }
        CustomResourceCall call = issued == null ? null : issued.call();
        if (refused != null) {
            puts.add(new ResponseUrlPut(request.http.method(), path, refused.status(), call, null, now));
            throw refused;
        }
        CustomResourceResponse response = parse(call, request.http.header("content-type"), request.http.body());
        puts.add(new ResponseUrlPut("PUT", path, 200, call, response, now));
        call.answered(response);
        String etag = "\"" + Sqs.md5Hex(request.http.body()) + "\"";
        return new FakeAws.Response(200, Map.of("ETag", etag), new byte[0], null);
    }

    /** Parses and checks the response as CloudFormation does; {@code problem} says why it would be refused. */
    @SuppressWarnings("unchecked")
    private static CustomResourceResponse parse(CustomResourceCall call, String contentType, byte[] raw) {
        String body = new String(raw, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return new CustomResourceResponse(null, null, null, Map.of(), false, null, null, null, contentType, body,
                    "Invalid response object: the body is not a JSON object");
        }
        String status = text(json, "Status");
        String physicalId = text(json, "PhysicalResourceId");
        JsonNode data = json.get("Data");
        Map<String, Object> dataMap = data != null && data.isObject() ? JSON.convertValue(data, Map.class) : Map.of();
        List<String> problems = new ArrayList<>();
        if (raw.length > MAX_RESPONSE_BYTES) {
            problems.add("Response object is too long.");
        }
        if (!"SUCCESS".equals(status) && !"FAILED".equals(status)) {
            problems.add("Invalid response object: Status must be SUCCESS or FAILED, was " + status);
        }
        for (String[] field : new String[][] {{"StackId", call.stack().stackId()}, {"RequestId", call.requestId()},
                {"LogicalResourceId", call.logicalResourceId()}}) {
            if (!field[1].equals(text(json, field[0]))) {
                problems.add("Invalid response object: " + field[0] + " does not match the request");
            }
        }
        if (physicalId == null || physicalId.isEmpty() || physicalId.length() > 1024) {
            problems.add("Invalid PhysicalResourceId");
        }
        if (data != null && !data.isNull() && !data.isObject()) {
            problems.add("Invalid response object: Value of property Data must be an object");
        }
        return new CustomResourceResponse(status, text(json, "Reason"), physicalId, Collections.unmodifiableMap(new HashMap<>(dataMap)),
                json.path("NoEcho").asBoolean(false), text(json, "StackId"), text(json, "RequestId"),
                text(json, "LogicalResourceId"), contentType, body, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The topic ARN's region, or null when the ServiceToken is no SNS topic ARN. */
    static String topicRegion(String serviceToken) {
        Matcher matcher = TOPIC_ARN.matcher(serviceToken == null ? "" : serviceToken);
        return matcher.matches() ? matcher.group(2) : null;
    }
}
