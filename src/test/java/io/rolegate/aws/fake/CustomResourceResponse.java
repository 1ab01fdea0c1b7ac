package io.rolegate.aws.fake;

import java.util.Map;

/**
 * What arrived by HTTP PUT at a custom resource request's ResponseURL, parsed as CloudFormation reads it.
 * (CloudFormation User Guide, "Custom resource response objects".)
 *
 * @param status             {@code SUCCESS} or {@code FAILED} as sent (null if absent or not JSON)
 * @param reason             the {@code Reason}, shown to the customer in the CloudFormation console
 * @param physicalResourceId the {@code PhysicalResourceId}
 * @param data               the {@code Data} object (empty when absent)
 * @param noEcho             the {@code NoEcho} flag
 * @param contentType        the request's {@code Content-Type} header, null if none
 * @param body               the raw body
 * @param problem            why CloudFormation refuses the response (not JSON, a wrong StackId, RequestId or
 *                           LogicalResourceId, no PhysicalResourceId, over 4096 bytes …), null if it accepts it
 */
public record CustomResourceResponse(String status, String reason, String physicalResourceId, Map<String, Object> data,
        boolean noEcho, String stackId, String requestId, String logicalResourceId, String contentType, String body,
        String problem) {

    /** Accepted and {@code SUCCESS}. */
    public boolean succeeded() {
        return problem == null && "SUCCESS".equals(status);
    }
}
