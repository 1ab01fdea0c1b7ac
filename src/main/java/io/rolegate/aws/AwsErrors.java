package io.rolegate.aws;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.StsException;

/** Sorts SDK exceptions into {@link AwsFailure.Kind}s, so that no code outside {@code aws/} sees an SDK type. */
final class AwsErrors {

    private static final Set<String> VENDOR_CREDENTIAL_CODES = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "UnrecognizedClientException",
            "MissingAuthenticationToken", "IncompleteSignature");
    private static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException", "SlowDown",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled");
    /** S3 names the key of an SSE-KMS object in this header (GetObject, HeadObject). */
    private static final String KMS_KEY_HEADER = "x-amz-server-side-encryption-aws-kms-key-id";
    private static final Pattern KMS_KEY_ARN = Pattern.compile(
            "arn:aws(?:-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})");
    /** What KMS answers for a key the caller may not use when it may not even learn whether the key exists. */
    private static final String KMS_NOT_ACCESSIBLE = "ciphertext refers to a customer master key";

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
        Optional<String> bucketRegion = header(details, "x-amz-bucket-region");
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
            kind = isKmsRefusal(message) ? AwsFailure.Kind.KMS_DENIED : AwsFailure.Kind.ACCESS_DENIED;
        } else if (code != null && code.startsWith("KMS.")) {
            kind = AwsFailure.Kind.KMS_DENIED;
        } else {
            kind = AwsFailure.Kind.UNEXPECTED;
        }
        boolean denied = kind == AwsFailure.Kind.ACCESS_DENIED || kind == AwsFailure.Kind.KMS_DENIED;
        return new AwsFailure(kind, code, requestId, status, detail, bucketRegion, serviceOf(e),
                denied ? deniedBy(message) : AwsFailure.DeniedBy.NOT_STATED,
                kind == AwsFailure.Kind.KMS_DENIED ? kmsKeyArn(details, message) : Optional.empty());
    }

    /**
     * The policy type an AccessDenied message names (IAM User Guide, "Access denied error messages",
     * troubleshoot_access-denied): "because no TYPE allows …" or "with an explicit deny in a TYPE".
     */
    static AwsFailure.DeniedBy deniedBy(String message) {
        if (message == null) {
            return AwsFailure.DeniedBy.NOT_STATED;
        }
        String text = message.toLowerCase(Locale.ROOT);
        boolean explicit = text.contains("with an explicit deny in a");
        if (!explicit && !text.contains("because no ")) {
            return AwsFailure.DeniedBy.NOT_STATED;
        }
        if (text.contains("vpc endpoint policy")) {
            return AwsFailure.DeniedBy.VPC_ENDPOINT_POLICY;
        }
        if (text.contains("service control policy")) {
            return AwsFailure.DeniedBy.SERVICE_CONTROL_POLICY;
        }
        if (text.contains("resource control policy")) {
            return AwsFailure.DeniedBy.RESOURCE_CONTROL_POLICY;
        }
        if (text.contains("permissions boundary")) {
            return AwsFailure.DeniedBy.PERMISSIONS_BOUNDARY;
        }
        if (text.contains("identity-based policy")) {
            return explicit ? AwsFailure.DeniedBy.IDENTITY_POLICY_DENY : AwsFailure.DeniedBy.IDENTITY_POLICY;
        }
        if (text.contains("resource-based policy")) {
            return explicit ? AwsFailure.DeniedBy.RESOURCE_POLICY_DENY : AwsFailure.DeniedBy.RESOURCE_POLICY;
        }
        return AwsFailure.DeniedBy.NOT_STATED;
    }

    /** The action is named after "perform: " (an object key in the resource may contain "kms:" too). */
    private static boolean isKmsRefusal(String message) {
        return message != null && (message.contains("perform: kms:") || message.contains(KMS_NOT_ACCESSIBLE));
    }

    /** The key S3 names in its header, else the key ARN in the message (the resource KMS refused). */
    private static Optional<String> kmsKeyArn(AwsErrorDetails details, String message) {
        Optional<String> header = header(details, KMS_KEY_HEADER).filter(value -> KMS_KEY_ARN.matcher(value).matches());
        if (header.isPresent() || message == null) {
            return header;
        }
        Matcher arn = KMS_KEY_ARN.matcher(message);
        return arn.find() ? Optional.of(arn.group()) : Optional.empty();
    }

    private static Optional<String> header(AwsErrorDetails details, String name) {
        return details == null || details.sdkHttpResponse() == null ? Optional.empty()
                : details.sdkHttpResponse().firstMatchingHeader(name);
    }

    private static AwsFailure.Service serviceOf(AwsServiceException e) {
        if (e instanceof S3Exception) {
            return AwsFailure.Service.S3;
        }
        return e instanceof StsException ? AwsFailure.Service.STS : AwsFailure.Service.OTHER;
    }

    /** A call abandoned because its connection was revoked: nothing AWS said about it counts. */
    static AwsFailure revoked() {
        return failure(AwsFailure.Kind.REVOKED, null, null, 0, "The connection was revoked while the call was under way");
    }

    /** No call was made: the connection's partition has no vendor identity (PRODUCT §2). */
    static AwsFailure partitionUnavailable(String partition) {
        return failure(AwsFailure.Kind.PARTITION_UNAVAILABLE, null, null, 0,
                "Rolegate has no vendor identity in the " + partition + " partition; nothing was sent to AWS");
    }

    /** What the default chain and the profile provider of the SDK throw when they find no credentials. */
    private static boolean isMissingCredentials(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.startsWith("Unable to load credentials")
                    || message.startsWith("Profile file contained no credentials"))) {
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
