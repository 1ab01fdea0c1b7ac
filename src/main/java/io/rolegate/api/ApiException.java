package io.rolegate.api;

import jakarta.ws.rs.core.Response;

/** Ends an API request with an {@link ApiError}; {@code retryAfterSeconds} is sent as Retry-After when positive. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;
    private final String field;

    public ApiException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    public ApiException(int status, String code, String message, long retryAfterSeconds) {
        this(status, code, message, retryAfterSeconds, null);
    }

    private ApiException(int status, String code, String message, long retryAfterSeconds, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return ApiError.of(status, code, getMessage(), field);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The answer: the problem as {@value ApiError#MEDIA_TYPE}, never cached. */
    public Response response() {
        Response.ResponseBuilder response = Response.status(status).type(ApiError.MEDIA_TYPE)
                .header("Cache-Control", "no-store").entity(ApiResponses.json(error()));
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }

    /** The error for an HTTP status that the framework decided (no route, wrong method or media type, too large). */
    public static ApiException forStatus(int status) {
        return switch (status) {
            case 404 -> new ApiException(404, "not_found", "No such resource.");
            case 405 -> new ApiException(405, "method_not_allowed", "This resource does not accept this method.");
            case 406 -> new ApiException(406, "not_acceptable", "The API answers application/json only (errors: "
                    + ApiError.MEDIA_TYPE + "); accept one of them.");
            case 413 -> new ApiException(413, "request_too_large", "The request body is too large.");
            case 415 -> new ApiException(415, "unsupported_media_type", "Send application/json.");
            default -> status >= 500
                    ? new ApiException(500, "internal_error", "The request failed on our side; it has been logged.")
                    : new ApiException(status, "invalid_request",
                            "The request is malformed: send valid JSON with the documented fields and types.");
        };
    }

    static ApiException notFound(String what) {
        return new ApiException(404, what + "_not_found", "No " + what.replace('_', ' ') + " with this id.");
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** A 400 about one field: a query parameter, a header, or a member of the JSON body. */
    static ApiException badField(String field, String code, String message) {
        return new ApiException(400, code, message, 0, field);
    }
}
