package io.rolegate.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The SNS envelope around a CloudFormation custom resource request, read as PRODUCT §12 says; anything else is malformed. */
class CustomResourceRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> request() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("RequestType", "Create");
        request.put("ServiceToken", "arn:aws:sns:us-east-1:111111111111:rolegate-registration");
        request.put("ResponseURL", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x?X-Amz-Signature=1");
        request.put("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/rolegate-abc/5b918d10-cd98-11ea-90d5-0a9cd3354c10");
        request.put("RequestId", "f4d5a1b2-1111-2222-3333-444455556666");
        request.put("LogicalResourceId", "Registration");
        request.put("ResourceType", "Custom::RolegateRegistration");
        request.put("ResourceProperties", Map.of("ServiceToken", "arn:aws:sns:us-east-1:111111111111:rolegate-registration",
                "RoleArn", "arn:aws:iam::123456789012:role/rolegate-abc", "ConnectionId", "6f1c1b9e-7f0a-4f63-9a55-8d1f0a6b7c01",
                "RegistrationToken", "rgr-abc", "ExternalId", "rg-xyz"));
        return request;
    }

    static String envelope(Object request) throws JsonProcessingException {
        return JSON.writeValueAsString(Map.of("Type", "Notification", "MessageId", "m-1",
                "TopicArn", "arn:aws:sns:us-east-1:111111111111:rolegate-registration",
                "Subject", "AWS CloudFormation custom resource request",
                "Message", request instanceof String text ? text : JSON.writeValueAsString(request)));
    }

    @Test
    void anSnsNotificationOfACreateIsRead() throws Exception {
        CustomResourceRequest request = CustomResourceRequest.fromNotification(envelope(request()), JSON).orElseThrow();
        assertEquals(CustomResourceRequest.RequestType.Create, request.requestType());
        assertEquals("123456789012", request.stackAccount());
        assertEquals("rolegate-abc", request.stackName());
        assertEquals("aws", request.stackPartition());
        assertEquals("arn:aws:iam::123456789012:role/rolegate-abc", request.properties().roleArn());
        assertEquals("rgr-abc", request.properties().registrationToken());
        assertNull(request.physicalResourceId());
    }

    @Test
    void missingPropertiesAreAnsweredLaterNotMalformed() throws Exception {
        Map<String, Object> request = request();
        request.remove("ResourceProperties");
        CustomResourceRequest read = CustomResourceRequest.fromNotification(envelope(request), JSON).orElseThrow();
        assertNull(read.properties().roleArn());
        request.put("ResourceProperties", Map.of("RoleArn", 42, "ConnectionId", "x".repeat(5000)));
        read = CustomResourceRequest.fromNotification(envelope(request), JSON).orElseThrow();
        assertNull(read.properties().roleArn());
        assertNull(read.properties().connectionId());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "null", "[]", "{}", "not json", "{\"Type\":\"Notification\"}",
            "{\"Type\":\"SubscriptionConfirmation\",\"Message\":\"{}\"}", "{\"Type\":\"Notification\",\"Message\":\"[1]\"}",
            "{\"Type\":\"Notification\",\"Message\":\"{\\\"RequestType\\\":\\\"Create\\\"}\"}",
            "\u0000\u0001", "{\"Type\":\"Notification\",\"Message\":7}" })
    void anythingElseIsMalformed(String body) {
        assertEquals(Optional.empty(), CustomResourceRequest.fromNotification(body, JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = { "RequestType=Destroy", "StackId=arn:aws:cloudformation:us-east-1:12345:stack/x/y",
            "StackId=arn:aws:s3:::bucket", "RequestId=", "RequestId=has space", "LogicalResourceId=",
            "ResponseURL=" })
    void aRequestWithoutWhatItsAnswerNeedsIsMalformed(String change) throws Exception {
        Map<String, Object> request = request();
        String[] field = change.split("=", 2);
        if (field[1].isEmpty() && !field[0].equals("RequestId") && !field[0].equals("LogicalResourceId")) {
            request.remove(field[0]);
        } else {
            request.put(field[0], field[1]);
        }
        assertTrue(CustomResourceRequest.fromNotification(envelope(request), JSON).isEmpty(), change);
    }
}
