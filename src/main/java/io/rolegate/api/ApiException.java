package io.rolegate.api;

/** Ends an API request with an {@link ApiError}; {@code retryAfterSeconds} is sent as Retry-After when positive. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    public ApiException(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return new ApiError(code, getMessage());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, what + "_not_found", "No " + what.replace('_', ' ') + " with this id.");
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }
}
