package io.rolegate.aws.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer in AWS terms; each service renders it in its own XML shape. */
final class AwsError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> details = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    AwsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** Extra elements S3 puts into {@code <Error>}, e.g. {@code BucketName} or {@code Endpoint}. */
    AwsError detail(String element, String value) {
        details.put(element, value);
        return this;
    }

    AwsError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> details() {
        return details;
    }

    Map<String, String> headers() {
        return headers;
    }
}
