package io.rolegate.aws;

import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Sorts SDK exceptions into {@link AwsFailure.Kind}s, so that no code outside {@code aws/} sees an SDK type. */
final class AwsErrors {

    private static final Set<String> VENDOR_CREDENTIAL_CODES = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "UnrecognizedClientException",
            "MissingAuthenticationToken", "IncompleteSignature");
    private static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException", "SlowDown",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled");

    private AwsErrors() {
    }

    static AwsFailure classify(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return classifyService(service);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            return failure(AwsFailure.Kind.TIMEOUT, null, null, 0, e.getClass().getSimpleName());
        }
        if (isMissingCredentials(e)) {
            return failure(AwsFailure.Kind.VENDOR_CREDENTIALS, null, null, 0, "No AWS credentials found for Rolegate: "
                    + firstLine(e.getMessage()));
        }
        return failure(AwsFailure.Kind.UNAVAILABLE, null, null, 0, e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }

    private static AwsFailure classifyService(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? e.getMessage() : details.errorMessage();
        int status = e.statusCode();
        String requestId = e.requestId();
        String detail = (code == null ? "HTTP " + status : code + " (HTTP " + status + ")")
                + (message == null ? "" : ": " + message);
        Optional<String> bucketRegion = details == null || details.sdkHttpResponse() == null ? Optional.empty()
                : details.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
        AwsFailure.Kind kind;
        if (code != null && VENDOR_CREDENTIAL_CODES.contains(code)) {
            kind = AwsFailure.Kind.VENDOR_CREDENTIALS;
        } else if (e.isThrottlingException() || (code != null && THROTTLING_CODES.contains(code))) {
            kind = AwsFailure.Kind.THROTTLED;
        } else if (status >= 500) {
            kind = AwsFailure.Kind.UNAVAILABLE;
        } else if ("RegionDisabledException".equals(code)) {
            kind = AwsFailure.Kind.REGION_DISABLED;
        } else if (status == 301 || "PermanentRedirect".equals(code)) {
            kind = bucketRegion.isPresent() ? AwsFailure.Kind.REDIRECT : AwsFailure.Kind.UNEXPECTED;
        } else if ("NoSuchBucket".equals(code)) {
            kind = AwsFailure.Kind.NO_SUCH_BUCKET;
        } else if ("AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
            kind = message != null && message.contains("kms:") ? AwsFailure.Kind.KMS_DENIED : AwsFailure.Kind.ACCESS_DENIED;
        } else if (code != null && code.startsWith("KMS.")) {
            kind = AwsFailure.Kind.KMS_DENIED;
        } else {
            kind = AwsFailure.Kind.UNEXPECTED;
        }
        return new AwsFailure(kind, code, requestId, status, detail, bucketRegion);
    }

    /** A call abandoned because its connection was revoked: nothing AWS said about it counts. */
    static AwsFailure revoked() {
        return failure(AwsFailure.Kind.REVOKED, null, null, 0, "The connection was revoked while the call was under way");
    }

    private static boolean isMissingCredentials(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.startsWith("Unable to load credentials")) {
                return true;
            }
        }
        return false;
    }

    private static AwsFailure failure(AwsFailure.Kind kind, String code, String requestId, int status, String detail) {
        return new AwsFailure(kind, code, requestId, status, detail, Optional.empty());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
