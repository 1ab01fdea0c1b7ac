package io.rolegate.aws.fake;

import java.time.Instant;

/**
 * One HTTP request that reached a custom resource ResponseURL of the stand-in's S3 host, answered or refused.
 *
 * @param method   the HTTP method (CloudFormation expects PUT)
 * @param path     the decoded path: {@code /cloudformation-custom-resource-response-<region>/<StackId>|<LogicalId>|<RequestId>}
 * @param status   the HTTP status S3 answered (200, or 403 for a wrong signature, method or an expired URL)
 * @param call     the request it answers, null if the URL matched none
 * @param response the parsed body, null unless accepted by S3 (status 200)
 * @param at       the fake's time of arrival
 */
public record ResponseUrlPut(String method, String path, int status, CustomResourceCall call,
        CustomResourceResponse response, Instant at) {
}
