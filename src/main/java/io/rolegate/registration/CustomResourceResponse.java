package io.rolegate.registration;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer Rolegate PUTs to a request's {@code ResponseURL} (AWS CloudFormation User Guide, "Custom resource
 * response objects"): SUCCESS with the physical ID and {@code Data.ConnectionId}, or FAILED with the reason the
 * CloudFormation console shows the customer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CustomResourceResponse(
        @JsonProperty("Status") String status,
        @JsonProperty("Reason") String reason,
        @JsonProperty("PhysicalResourceId") String physicalResourceId,
        @JsonProperty("StackId") String stackId,
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("LogicalResourceId") String logicalResourceId,
        @JsonProperty("Data") Map<String, String> data) {

    static final String SUCCESS = "SUCCESS";
    static final String FAILED = "FAILED";
}
