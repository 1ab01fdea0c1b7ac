package io.rolegate.aws;

/** The answer to one AWS call: the value with AWS's request ID, or why it failed. */
public sealed interface AwsResult<T> {

    record Ok<T>(T value, String requestId) implements AwsResult<T> {
    }

    record Failed<T>(AwsFailure failure) implements AwsResult<T> {
    }
}
