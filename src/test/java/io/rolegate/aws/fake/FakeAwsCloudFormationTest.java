package io.rolegate.aws.fake;

import static io.rolegate.aws.fake.PolicyDocuments.EXTERNAL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The CloudFormation player: a customer launches the vendor's published template, the role appears in the fake
 * IAM, the custom resource request arrives on the vendor's queue in an SNS envelope, and the answer PUT to the
 * ResponseURL decides the stack's fate. The vendor side is played here with the real SDK clients and an HTTP PUT.
 */
class FakeAwsCloudFormationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CUSTOMER = "222222222222";
    private static final String TOPIC = "arn:aws:sns:us-east-1:111111111111:rolegate-registrations";
    private static final String STACK = "rolegate-conn";
    private static final String ROLE_ARN = "arn:aws:iam::222222222222:role/rolegate-rolegate-conn";
    private static final String NEW_EXTERNAL_ID = "rg-new0000000000000000000000000000";

    private FakeAws aws;
    private SqsClient sqs;
    private String queueUrl;
    private String templateUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        aws = FakeAws.start();
        aws.templateBucket("rolegate-templates", "us-east-1");
        queueUrl = aws.queue("rolegate-registrations");
        aws.subscribe(TOPIC, queueUrl);
        sqs = SdkClients.vendorSqs(aws);
        templateUrl = publish("templates/k7Q/registration.yaml", resource("/fakeaws/registration-stack.yaml"));
    }

    @AfterEach
    void stop() {
        sqs.close();
        aws.close();
    }

    private static String resource(String name) {
        try (InputStream in = FakeAwsCloudFormationTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes a template as Rolegate does (the vendor's PutObject) and returns its path-style URL. */
    private String publish(String key, String template) {
        try (S3Client s3 = SdkClients.s3(aws, aws.vendorCredentials(), "us-east-1")) {
            s3.putObject(r -> r.bucket("rolegate-templates").key(key).contentType("application/x-yaml"),
                    RequestBody.fromString(template));
        }
        return aws.endpoint() + "/rolegate-templates/" + key;
    }

    private Stack launch() {
        return aws.launchStack(CUSTOMER, "us-east-1", STACK, templateUrl, Map.of("ExternalId", EXTERNAL_ID));
    }

    /** The vendor's worker: one long poll; returns the message and deletes it. */
    private Message receiveOne() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(10)).messages();
        assertEquals(1, messages.size());
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
        return messages.get(0);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode requestOf(Message message) {
        return json(json(message.body()).get("Message").asText());
    }

    /** Answers a request as a custom resource provider does: HTTP PUT of the response object to the ResponseURL. */
    private int answer(JsonNode request, String status, String reason, Map<String, String> data) {
        ObjectNode response = JSON.createObjectNode();
        response.put("Status", status);
        if (reason != null) {
            response.put("Reason", reason);
        }
        response.put("PhysicalResourceId", "rolegate-registration-c0a8012e");
        response.put("StackId", request.get("StackId").asText());
        response.put("RequestId", request.get("RequestId").asText());
        response.put("LogicalResourceId", request.get("LogicalResourceId").asText());
        response.set("Data", JSON.valueToTree(data));
        return put(request.get("ResponseURL").asText(), response.toString());
    }

    private int put(String url, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assumeRole(String externalId) {
        try (StsClient sts = SdkClients.vendorSts(aws)) {
            sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("check").externalId(externalId));
        }
    }

    @Test
    void aLaunchCreatesTheRoleAndDeliversTheCustomResourceRequestInAnSnsEnvelope() {
        Stack stack = launch();

        Message message = receiveOne();

        JsonNode envelope = json(message.body());
        assertEquals("Notification", envelope.get("Type").asText());
        assertEquals(TOPIC, envelope.get("TopicArn").asText());
        assertEquals("AWS CloudFormation custom resource request", envelope.get("Subject").asText());
        assertEquals("1", envelope.get("SignatureVersion").asText());
        assertTrue(envelope.get("SigningCertURL").asText().startsWith("https://sns.us-east-1.amazonaws.com/"));
        assertTrue(envelope.get("Timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        for (String field : List.of("MessageId", "Signature", "UnsubscribeURL")) {
            assertFalse(envelope.get(field).asText().isEmpty(), field);
        }
        JsonNode request = json(envelope.get("Message").asText());
        assertEquals("Create", request.get("RequestType").asText());
        assertEquals(TOPIC, request.get("ServiceToken").asText());
        assertEquals(stack.stackId(), request.get("StackId").asText());
        assertTrue(stack.stackId().matches("arn:aws:cloudformation:us-east-1:222222222222:stack/rolegate-conn/"
                + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), stack.stackId());
        assertEquals("Registration", request.get("LogicalResourceId").asText());
        assertEquals("Custom::RolegateRegistration", request.get("ResourceType").asText());
        String responseUrl = request.get("ResponseURL").asText();
        assertTrue(responseUrl.startsWith(aws.endpoint() + "/cloudformation-custom-resource-response-useast1/arn%3Aaws%3A"
                + "cloudformation%3Aus-east-1%3A222222222222%3Astack/rolegate-conn/"), responseUrl);
        assertTrue(responseUrl.contains("X-Amz-Algorithm=AWS4-HMAC-SHA256&") && responseUrl.contains("&X-Amz-Signature="),
                responseUrl);
        JsonNode properties = request.get("ResourceProperties");
        assertEquals(TOPIC, properties.get("ServiceToken").asText());
        assertEquals(ROLE_ARN, properties.get("RoleArn").asText());
        assertEquals("c0a8012e-5f1d-4a57-9d0e-3b6a1c2d4e5f", properties.get("ConnectionId").asText());
        assertEquals("tok-first", properties.get("RegistrationToken").asText());
        assertEquals(EXTERNAL_ID, properties.get("ExternalId").asText());
        assertTrue(properties.get("MaxSessionSeconds").isTextual(), "CloudFormation sends every scalar as a string");
        assertNull(request.get("PhysicalResourceId"));
        assertEquals("CREATE_IN_PROGRESS", stack.status());
        assumeRole(EXTERNAL_ID);
        assertEquals(403, assertThrows(StsException.class, () -> assumeRole(NEW_EXTERNAL_ID)).statusCode());
    }

    @Test
    void aSuccessResponseCompletesTheStackWithTheResponsesData() {
        Stack stack = launch();
        JsonNode request = requestOf(receiveOne());

        assertEquals(200, answer(request, "SUCCESS", null, Map.of("ConnectionId", "c0a8012e")));

        assertEquals("CREATE_COMPLETE", stack.awaitCompletion(WAIT));
        assertEquals(Map.of("RoleArn", ROLE_ARN, "Connection", "c0a8012e"), stack.outputs());
        assertEquals("rolegate-registration-c0a8012e", stack.physicalResourceId("Registration"));
        CustomResourceCall call = stack.awaitRequest("Registration", "Create", WAIT);
        CustomResourceResponse response = call.awaitResponse(WAIT);
        assertTrue(response.succeeded());
        assertEquals(Map.of("ConnectionId", "c0a8012e"), response.data());
        assertEquals(1, call.responseCount());
        assertEquals(List.of(200), aws.responseUrlPuts().stream().map(ResponseUrlPut::status).toList());
        assertEquals(call, aws.responseUrlPuts().get(0).call());
        assertTrue(!aws.responseUrlPuts().get(0).at().isBefore(call.sentAt()));
        aws.clearCalls();
        assertEquals(List.of(), aws.responseUrlPuts());
    }

    @Test
    void aFailedResponseRollsTheStackBackWithTheReasonTheCustomerReads() {
        Stack stack = launch();
        JsonNode create = requestOf(receiveOne());

        answer(create, "FAILED", "The registration token does not match this connection.", Map.of());
        JsonNode delete = requestOf(receiveOne());
        answer(delete, "SUCCESS", null, Map.of());

        assertEquals("ROLLBACK_COMPLETE", stack.awaitCompletion(WAIT));
        assertEquals("Received response status [FAILED] from custom resource. Message returned: "
                + "The registration token does not match this connection.", stack.failureReason("Registration"));
        assertEquals("The following resource(s) failed to create: [Registration]. Rollback requested by user.",
                stack.statusReason());
        assertEquals("Delete", delete.get("RequestType").asText());
        assertEquals("rolegate-registration-c0a8012e", delete.get("PhysicalResourceId").asText());
        assertNotEquals(create.get("RequestId").asText(), delete.get("RequestId").asText());
        assertFalse(aws.roleExists(ROLE_ARN), "the rollback deletes the role after the custom resource");
        assertEquals("DELETE_COMPLETE", stack.resourceStatus("Role"));
    }

    @Test
    void deletingTheStackSendsDeleteAndRemovesTheRoleOnlyAfterTheResponse() {
        Stack stack = launch();
        answer(requestOf(receiveOne()), "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        stack.awaitCompletion(WAIT);

        aws.deleteStack(CUSTOMER, "us-east-1", STACK);
        JsonNode delete = requestOf(receiveOne());

        assertEquals("Delete", delete.get("RequestType").asText());
        assertEquals("rolegate-registration-c0a8012e", delete.get("PhysicalResourceId").asText());
        assertEquals(ROLE_ARN, delete.get("ResourceProperties").get("RoleArn").asText());
        assertTrue(aws.roleExists(ROLE_ARN), "the role outlives the custom resource's Delete until it is answered");
        answer(delete, "SUCCESS", null, Map.of());
        assertEquals("DELETE_COMPLETE", stack.awaitCompletion(WAIT));
        assertFalse(aws.roleExists(ROLE_ARN));
        assertThrows(IllegalArgumentException.class, () -> aws.stack(CUSTOMER, "us-east-1", STACK));
    }

    @Test
    void aFailedDeleteLeavesTheStackDeleteFailedAndTheRoleInPlace() {
        Stack stack = launch();
        answer(requestOf(receiveOne()), "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        stack.awaitCompletion(WAIT);

        aws.deleteStack(CUSTOMER, "us-east-1", STACK);
        answer(requestOf(receiveOne()), "FAILED", "no", Map.of());

        assertEquals("DELETE_FAILED", stack.awaitCompletion(WAIT));
        assertTrue(aws.roleExists(ROLE_ARN));
    }

    @Test
    void anUpdateSendsUpdateWithTheOldPropertiesAndChangesTheRolesTrust() {
        Stack stack = launch();
        answer(requestOf(receiveOne()), "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        stack.awaitCompletion(WAIT);

        aws.updateStack(CUSTOMER, "us-east-1", STACK, templateUrl,
                Map.of("ExternalId", NEW_EXTERNAL_ID, "RegistrationToken", "tok-second"));
        JsonNode update = requestOf(receiveOne());

        assertEquals("Update", update.get("RequestType").asText());
        assertEquals("rolegate-registration-c0a8012e", update.get("PhysicalResourceId").asText());
        assertEquals("tok-second", update.get("ResourceProperties").get("RegistrationToken").asText());
        assertEquals(NEW_EXTERNAL_ID, update.get("ResourceProperties").get("ExternalId").asText());
        assertEquals("tok-first", update.get("OldResourceProperties").get("RegistrationToken").asText());
        assertEquals(EXTERNAL_ID, update.get("OldResourceProperties").get("ExternalId").asText());
        assumeRole(NEW_EXTERNAL_ID);
        assertThrows(StsException.class, () -> assumeRole(EXTERNAL_ID));
        answer(update, "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        assertEquals("UPDATE_COMPLETE", stack.awaitCompletion(WAIT));
    }

    @Test
    void aFailedUpdateRollsTheRoleAndTheCustomResourceBack() {
        Stack stack = launch();
        answer(requestOf(receiveOne()), "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        stack.awaitCompletion(WAIT);

        aws.updateStack(CUSTOMER, "us-east-1", STACK, templateUrl, Map.of("ExternalId", NEW_EXTERNAL_ID));
        answer(requestOf(receiveOne()), "FAILED", "rotation refused", Map.of());
        JsonNode rollback = requestOf(receiveOne());
        answer(rollback, "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));

        assertEquals("UPDATE_ROLLBACK_COMPLETE", stack.awaitCompletion(WAIT));
        assertEquals("Update", rollback.get("RequestType").asText());
        assertEquals(EXTERNAL_ID, rollback.get("ResourceProperties").get("ExternalId").asText());
        assertEquals(NEW_EXTERNAL_ID, rollback.get("OldResourceProperties").get("ExternalId").asText());
        assumeRole(EXTERNAL_ID);
        assertEquals("Received response status [FAILED] from custom resource. Message returned: rotation refused",
                stack.failureReason("Registration"));
    }

    @Test
    void anUpdateThatChangesNothingOfTheCustomResourceSendsNoRequest() {
        Stack stack = launch();
        answer(requestOf(receiveOne()), "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        stack.awaitCompletion(WAIT);

        aws.updateStack(CUSTOMER, "us-east-1", STACK, templateUrl, Map.of());

        assertEquals("UPDATE_COMPLETE", stack.awaitCompletion(WAIT));
        assertEquals(1, stack.customResourceCalls().size());
    }

    @Test
    void anInterceptorTampersWithTheRequestWhileTheStackWaitsOnTheUrlItIssued() {
        String trap = aws.trapEndpoint() + "/cloudformation-custom-resource-response-useast1/x?X-Amz-Signature=0";
        aws.interceptCustomResourceRequests(request -> {
            ((ObjectNode) request.get("ResourceProperties")).put("RegistrationToken", "forged");
            request.put("StackId", request.get("StackId").asText().replace(CUSTOMER, "333333333333"));
            request.put("ResponseURL", trap);
        });
        Stack stack = launch();

        JsonNode request = requestOf(receiveOne());

        assertEquals("forged", request.get("ResourceProperties").get("RegistrationToken").asText());
        assertTrue(request.get("StackId").asText().contains(":333333333333:stack/"));
        assertEquals(trap, request.get("ResponseURL").asText());
        CustomResourceCall call = stack.awaitRequest("Registration", "Create", WAIT);
        assertTrue(call.responseUrl().startsWith(aws.endpoint() + "/"), call.responseUrl());
        assertEquals(List.of(), aws.trapRequests());
        assertEquals(200, put(trap, "{}"));
        assertEquals(1, aws.trapRequests().size(), "the trap records what reaches it");
    }

    @Test
    void duplicateDeliveriesPutTheSameNotificationOnTheQueueTwiceAndOnlyTheFirstAnswerCounts() {
        aws.duplicateDeliveries(1);
        Stack stack = launch();

        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(10))
                .messages();
        if (messages.size() == 1) {
            messages = List.of(messages.get(0), receiveOne());
        }

        assertEquals(2, messages.size());
        assertEquals(json(messages.get(0).body()).get("MessageId"), json(messages.get(1).body()).get("MessageId"));
        assertNotEquals(messages.get(0).messageId(), messages.get(1).messageId());
        JsonNode request = requestOf(messages.get(0));
        answer(request, "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        answer(request, "FAILED", "second thoughts", Map.of());
        assertEquals("CREATE_COMPLETE", stack.awaitCompletion(WAIT));
        assertEquals(2, stack.awaitRequest("Registration", "Create", WAIT).responseCount());
    }

    @Test
    void redeliveringACallPutsItsNotificationOnTheQueueAgain() {
        Stack stack = launch();
        Message first = receiveOne();

        stack.awaitRequest("Registration", "Create", WAIT).redeliver();

        assertEquals(first.body(), receiveOne().body());
    }

    @Test
    void aResponseThatNamesAnotherRequestIsRefusedByCloudFormation() {
        Stack stack = launch();
        JsonNode request = requestOf(receiveOne());
        ObjectNode wrong = request.deepCopy();
        wrong.put("RequestId", "not-this-one");

        answer(wrong.put("ResponseURL", request.get("ResponseURL").asText()), "SUCCESS", null, Map.of());
        answer(requestOf(receiveOne()), "SUCCESS", null, Map.of());

        assertEquals("ROLLBACK_COMPLETE", stack.awaitCompletion(WAIT));
        assertEquals("Invalid response object: RequestId does not match the request", stack.failureReason("Registration"));
    }

    @Test
    void aResponseUrlWithAnotherSignatureOrAfterItExpiredIsRefusedByS3() {
        Stack stack = launch();
        String url = requestOf(receiveOne()).get("ResponseURL").asText();

        assertEquals(403, put(url.replaceFirst("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=" + "0".repeat(64)), "{}"));
        aws.advanceTime(Duration.ofHours(3));
        assertEquals(403, put(url, "{}"));

        assertEquals(List.of(403, 403), aws.responseUrlPuts().stream().map(ResponseUrlPut::status).toList());
        assertEquals(0, stack.awaitRequest("Registration", "Create", WAIT).responseCount());
    }

    @Test
    void withoutAResponseTheResourceFailsAfterTheTimeout() {
        aws.customResourceTimeout(Duration.ofMillis(200));
        Stack stack = launch();

        assertEquals("ROLLBACK_COMPLETE", stack.awaitCompletion(WAIT));
        assertTrue(stack.failureReason("Registration").startsWith(
                "CloudFormation did not receive a response from your Custom Resource."), stack.failureReason("Registration"));
        assertFalse(aws.roleExists(ROLE_ARN));
    }

    @Test
    void aTopicNobodySubscribedFailsTheResource() {
        String template = resource("/fakeaws/registration-stack.yaml").replace("rolegate-registrations", "elsewhere");
        Stack stack = aws.launchStack(CUSTOMER, "us-east-1", STACK, publish("other.yaml", template),
                Map.of("ExternalId", EXTERNAL_ID));

        assertEquals("ROLLBACK_COMPLETE", stack.awaitCompletion(WAIT));
        assertTrue(stack.failureReason("Registration").contains("Topic does not exist"), stack.failureReason("Registration"));
    }

    @Test
    void createStackRefusesWhatCloudFormationRefusesAtOnce() {
        assertEquals("ValidationError: Parameter 'ExternalId' must be one of AllowedValues", assertThrows(
                IllegalArgumentException.class, () -> aws.launchStack(CUSTOMER, "us-east-1", STACK, templateUrl,
                        Map.of("ExternalId", "rg-customer-chosen-id"))).getMessage());
        assertEquals("ValidationError: Parameters: [ExternalId] must have values", assertThrows(
                IllegalArgumentException.class, () -> aws.launchStack(CUSTOMER, "us-east-1", STACK, templateUrl,
                        Map.of())).getMessage());
        aws.bucket("private-templates", "us-east-1", aws.vendorAccountId());
        aws.object("private-templates", "t.yaml", resource("/fakeaws/registration-stack.yaml").getBytes(StandardCharsets.UTF_8), null);
        assertEquals("ValidationError: S3 error: Access Denied", assertThrows(IllegalArgumentException.class,
                () -> aws.launchStack(CUSTOMER, "us-east-1", STACK, aws.endpoint() + "/private-templates/t.yaml",
                        Map.of("ExternalId", EXTERNAL_ID))).getMessage());
        launch();
        assertEquals("AlreadyExistsException: Stack [rolegate-conn] already exists", assertThrows(
                IllegalArgumentException.class, this::launch).getMessage());
    }

    @Test
    void aSecondStackCannotCreateARoleOfTheSameName() {
        String template = resource("/fakeaws/registration-stack.yaml").replace("!Sub \"rolegate-${AWS::StackName}\"",
                "rolegate-fixed");
        String url = publish("fixed.yaml", template);
        Stack first = aws.launchStack(CUSTOMER, "us-east-1", "first", url, Map.of("ExternalId", EXTERNAL_ID));
        answer(requestOf(receiveOne()), "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));
        first.awaitCompletion(WAIT);

        Stack second = aws.launchStack(CUSTOMER, "us-east-1", "second", url, Map.of("ExternalId", EXTERNAL_ID));

        assertEquals("ROLLBACK_COMPLETE", second.awaitCompletion(WAIT));
        assertEquals("Resource of type 'AWS::IAM::Role' with identifier 'rolegate-fixed' already exists.",
                second.failureReason("Role"));
        assertTrue(aws.roleExists("arn:aws:iam::222222222222:role/rolegate-fixed"));
    }

    @Test
    void rolegatesOwnTemplateCreatesARoleTheVendorCanAssumeAndUse() {
        String template = resource("/golden/one-bucket/cloudformation.yaml")
                .replace("arn:aws:sns:us-east-1:999988887777:rolegate-registration", TOPIC)
                .replace("999988887777", aws.vendorAccountId());
        aws.bucket("acme-exports", "us-east-1", CUSTOMER);
        aws.object("acme-exports", "report.csv", "id\n".getBytes(StandardCharsets.UTF_8), null);
        Stack stack = aws.launchStack(CUSTOMER, "us-east-1", "rolegate", publish("golden.yaml", template), Map.of());
        JsonNode registration = requestOf(receiveOne());
        answer(registration, "SUCCESS", null, Map.of("ConnectionId", "c0a8012e"));

        assertEquals("CREATE_COMPLETE", stack.awaitCompletion(WAIT));
        String roleArn = stack.roleArn("Role");
        assertEquals(roleArn, registration.get("ResourceProperties").get("RoleArn").asText());
        assertEquals(roleArn, stack.outputs().get("RoleArn"));
        String externalId = stack.outputs().get("ExternalId");
        try (StsClient sts = SdkClients.vendorSts(aws);
                S3Client s3 = SdkClients.s3(aws, sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("check")
                        .externalId(externalId)).credentials(), "us-east-1")) {
            assertEquals("id\n", s3.getObjectAsBytes(r -> r.bucket("acme-exports").key("report.csv")).asUtf8String());
        }
    }

    @Test
    void theOnboardingSetUpOfTheTestResourceTakesStacksInEveryCommercialRegion() {
        Map<String, String> config = FakeAwsResource.onboardingSetUp(aws);
        String queue = config.get("rolegate.cloudformation.registration-queue-url");
        String topic = config.get("rolegate.cloudformation.registration-topic").replace("{partition}", "aws")
                .replace("{region}", "eu-west-1");
        String template = resource("/fakeaws/registration-stack.yaml")
                .replace("!Sub \"arn:aws:sns:${AWS::Region}:111111111111:rolegate-registrations\"", topic);
        String url = publish("eu.yaml", template);

        Stack stack = aws.launchStack(CUSTOMER, "eu-west-1", STACK, url, Map.of("ExternalId", EXTERNAL_ID));

        assertEquals(aws.endpoint() + "/111111111111/rolegate-registration", queue);
        assertEquals("rolegate-templates", config.get("rolegate.cloudformation.template-bucket"));
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(10)).messages();
        assertEquals(topic, requestOf(messages.get(0)).get("ServiceToken").asText());
        assertEquals("arn:aws:sns:eu-west-1:111111111111:rolegate-registration", topic);
        assertTrue(stack.stackId().startsWith("arn:aws:cloudformation:eu-west-1:222222222222:stack/"));
    }

    private static String jsonTemplate(String managedPolicyArn) {
        return """
                {"Resources": {"Role": {"Type": "AWS::IAM::Role", "DeletionPolicy": "Retain", "Properties": {
                  "RoleName": "retained",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]},
                  "ManagedPolicyArns": ["%s"]}}}}""".formatted(managedPolicyArn);
    }

    @Test
    void aJsonTemplateAttachesManagedPoliciesAndARetainedRoleOutlivesItsStack() {
        aws.managedPolicy("arn:aws:iam::222222222222:policy/read-exports", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::acme-exports/*"}}""");
        aws.bucket("acme-exports", "us-east-1", CUSTOMER);
        aws.object("acme-exports", "report.csv", "id\n".getBytes(StandardCharsets.UTF_8), null);
        String roleArn = "arn:aws:iam::222222222222:role/retained";
        Stack stack = aws.launchStack(CUSTOMER, "us-east-1", "retained", publish("retained.json",
                jsonTemplate("arn:aws:iam::222222222222:policy/read-exports")), Map.of());

        assertEquals("CREATE_COMPLETE", stack.awaitCompletion(WAIT));
        try (StsClient sts = SdkClients.vendorSts(aws);
                S3Client s3 = SdkClients.s3(aws, sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("check"))
                        .credentials(), "us-east-1")) {
            assertEquals("id\n", s3.getObjectAsBytes(r -> r.bucket("acme-exports").key("report.csv")).asUtf8String());
        }
        aws.deleteStack(CUSTOMER, "us-east-1", "retained");
        assertEquals("DELETE_COMPLETE", stack.awaitCompletion(WAIT));
        assertTrue(aws.roleExists(roleArn));
        assertEquals("DELETE_SKIPPED", stack.resourceStatus("Role"));
    }

    @Test
    void aManagedPolicyThatDoesNotExistFailsTheRole() {
        Stack stack = aws.launchStack(CUSTOMER, "us-east-1", "unknown-policy", publish("unknown.json",
                jsonTemplate("arn:aws:iam::aws:policy/ReadOnlyAccess")), Map.of());

        assertEquals("ROLLBACK_COMPLETE", stack.awaitCompletion(WAIT));
        assertEquals("Policy arn:aws:iam::aws:policy/ReadOnlyAccess does not exist or is not attachable.",
                stack.failureReason("Role"));
        assertFalse(aws.roleExists("arn:aws:iam::222222222222:role/retained"));
    }

    @Test
    void aMalformedTrustPolicyFailsTheRoleLikeIam() {
        String template = resource("/fakeaws/registration-stack.yaml").replace("Effect: Allow\n            Principal",
                "Effect: Allowed\n            Principal");
        Stack stack = aws.launchStack(CUSTOMER, "us-east-1", STACK, publish("malformed.yaml", template),
                Map.of("ExternalId", EXTERNAL_ID));

        assertEquals("ROLLBACK_COMPLETE", stack.awaitCompletion(WAIT));
        assertTrue(stack.failureReason("Role").startsWith("MalformedPolicyDocument"), stack.failureReason("Role"));
        assertEquals(List.of(), stack.customResourceCalls());
    }

    @Test
    void garbagePublishedToTheTopicArrivesInAnEnvelopeLikeAnyNotification() {
        String messageId = aws.publish(TOPIC, "hello", "not json at all");

        JsonNode envelope = json(receiveOne().body());

        assertEquals(messageId, envelope.get("MessageId").asText());
        assertEquals("not json at all", envelope.get("Message").asText());
    }
}
