package io.rolegate.aws.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One authenticated request on its way through a service, collecting what the call log records.
 * Handlers fill in the operation and its parameters as soon as they know them, so failed calls are logged too.
 */
final class AwsRequest {

    final FakeAws.Service service;
    final SignatureV4.SignedRequest http;
    final String requestId;
    String region;
    Identity caller;
    byte[] payload = new byte[0];

    String operation;
    String roleArn;
    String roleSessionName;
    String externalId;
    Integer durationSeconds;
    String sourceIdentity;
    String bucket;
    String key;
    String prefix;
    String range;
    String queueUrl;
    Integer waitTimeSeconds;
    Integer messagesReceived;

    AwsRequest(FakeAws.Service service, SignatureV4.SignedRequest http, String requestId) {
        this.service = service;
        this.http = http;
        this.requestId = requestId;
    }

    /** Query string parameters; a bare name such as {@code ?location} has the value "". */
    Map<String, String> query() {
        return pairs(http.rawQuery(), false);
    }

    /** The STS Query API sends its parameters as an HTML form. */
    Map<String, String> form() {
        return pairs(new String(payload, StandardCharsets.UTF_8), true);
    }

    private static Map<String, String> pairs(String encoded, boolean form) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.put(decode(name, form), decode(value, form));
        }
        return pairs;
    }

    private static String decode(String value, boolean form) {
        return form ? URLDecoder.decode(value, StandardCharsets.UTF_8) : SignatureV4.percentDecode(value);
    }

    AwsCall toCall(int status, String errorCode) {
        return new AwsCall(service, operation, region, caller == null ? null : caller.arn(), roleArn, roleSessionName,
                externalId, durationSeconds, sourceIdentity, bucket, key, prefix, range, queueUrl, waitTimeSeconds, messagesReceived, status, errorCode);
    }
}
