package io.rolegate.registration;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudFormation custom resource request for {@code Custom::RolegateRegistration}, as it arrives on the queue: an SNS
 * notification whose {@code Message} is the request (AWS CloudFormation User Guide, "Custom resources", request
 * fields; docs/onboarding.md). Only the fields needed to answer are required here; a request without them cannot be
 * answered and is malformed. The resource's properties are checked later, and a bad one is answered FAILED.
 *
 * @param physicalResourceId the ID Rolegate answered before; null in a Create
 * @param properties the resource's properties as sent: any of them may be null
 */
record CustomResourceRequest(RequestType requestType, String responseUrl, String stackId, String requestId,
        String logicalResourceId, String physicalResourceId, Properties properties) {

    enum RequestType { Create, Update, Delete }

    /** {@code RoleArn}, {@code ConnectionId}, {@code RegistrationToken} and {@code ExternalId} of the template. */
    record Properties(String roleArn, String connectionId, String registrationToken, String externalId) {
    }

    /** {@code arn:{partition}:cloudformation:{region}:{account}:stack/{name}/{id}}. */
    private static final Pattern STACK_ID = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):cloudformation:([a-z0-9-]{1,32}):([0-9]{12}):stack/([A-Za-z][A-Za-z0-9-]{0,127})/[A-Za-z0-9-]{1,64}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Set<String> REQUEST_TYPES = Set.of("Create", "Update", "Delete");
    private static final int MAX_VALUE = 2048;

    /** The request inside an SNS notification's body; empty when it is not one that can be answered. */
    static Optional<CustomResourceRequest> fromNotification(String body, ObjectMapper json) {
        try {
            JsonNode envelope = json.readTree(body);
            if (envelope == null || !envelope.isObject() || !"Notification".equals(text(envelope, "Type"))
                    || text(envelope, "Message") == null) {
                return Optional.empty();
            }
            JsonNode request = json.readTree(text(envelope, "Message"));
            if (request == null || !request.isObject()) {
                return Optional.empty();
            }
            String type = text(request, "RequestType");
            String responseUrl = text(request, "ResponseURL");
            String stackId = text(request, "StackId");
            String requestId = text(request, "RequestId");
            String logicalId = text(request, "LogicalResourceId");
            String physicalId = text(request, "PhysicalResourceId");
            if (type == null || !REQUEST_TYPES.contains(type) || responseUrl == null || responseUrl.length() > 8192
                    || stackId == null || !STACK_ID.matcher(stackId).matches() || requestId == null
                    || !REQUEST_ID.matcher(requestId).matches() || logicalId == null || !LOGICAL_ID.matcher(logicalId).matches()
                    || (physicalId != null && physicalId.length() > 1024)) {
                return Optional.empty();
            }
            JsonNode properties = request.get("ResourceProperties");
            Properties values = properties != null && properties.isObject()
                    ? new Properties(value(properties, "RoleArn"), value(properties, "ConnectionId"),
                            value(properties, "RegistrationToken"), value(properties, "ExternalId"))
                    : new Properties(null, null, null, null);
            return Optional.of(new CustomResourceRequest(RequestType.valueOf(type), responseUrl, stackId, requestId,
                    logicalId, physicalId, values));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A property's text; null when missing, not text, or longer than any real value. */
    private static String value(JsonNode properties, String field) {
        String value = text(properties, field);
        return value == null || value.length() > MAX_VALUE ? null : value;
    }

    /** The stack's partition, e.g. {@code aws-us-gov}. */
    String stackPartition() {
        return stackPart(1);
    }

    String stackRegion() {
        return stackPart(2);
    }

    /** The AWS account the stack belongs to: the customer's. */
    String stackAccount() {
        return stackPart(3);
    }

    /** The stack's name, as the customer sees it in the CloudFormation console. */
    String stackName() {
        return stackPart(4);
    }

    private String stackPart(int group) {
        Matcher matcher = STACK_ID.matcher(stackId);
        if (!matcher.matches()) {
            throw new IllegalStateException("checked when read");
        }
        return matcher.group(group);
    }
}
