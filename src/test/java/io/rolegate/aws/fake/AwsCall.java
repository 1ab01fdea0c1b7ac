package io.rolegate.aws.fake;

/**
 * One request the fake answered, as a test wants to assert on it. Fields that do not apply to the operation
 * are null: STS calls carry the AssumeRole parameters, S3 calls the bucket, key, prefix and range, SQS calls the
 * queue URL (and ReceiveMessage its long-poll wait and how many messages it returned).
 *
 * @param operation    the API name, e.g. {@code AssumeRole}, {@code ListObjectsV2}, {@code ReceiveMessage}
 * @param region       the region from the signature's credential scope
 * @param callerArn    the authenticated caller (user or assumed-role ARN), null if authentication failed
 * @param waitTimeSeconds  ReceiveMessage's {@code WaitTimeSeconds}
 * @param messagesReceived how many messages ReceiveMessage returned
 * @param status       the HTTP status returned
 * @param errorCode    the AWS error code returned, null on success
 */
public record AwsCall(FakeAws.Service service, String operation, String region, String callerArn, String roleArn,
        String roleSessionName, String externalId, Integer durationSeconds, String sourceIdentity, String bucket,
        String key, String prefix, String range, String queueUrl, Integer waitTimeSeconds, Integer messagesReceived,
        int status, String errorCode) {

    public boolean succeeded() {
        return errorCode == null;
    }
}
