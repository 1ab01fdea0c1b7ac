package io.rolegate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every API error, as an RFC 9457 problem ({@value #MEDIA_TYPE}, docs/api.md): {@code type} is
 * {@code urn:rolegate:problem:} and the stable {@code code} clients branch on, {@code title} the HTTP status's
 * phrase, {@code detail} an English explanation for people, and for refused input the {@code field} it concerns
 * (a query parameter, a header, or a body member such as {@code name}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem; branch on code (docs/api.md lists them).")
public record ApiError(String type, String title, int status, String detail, String code, String field) {

    /** The media type of every API error. */
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:rolegate:problem:";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The problem for an HTTP status, its stable code and explanation; {@code field} may be null. */
    public static ApiError of(int status, String code, String detail, String field) {
        return new ApiError(TYPE_PREFIX + code, title(status), status, detail, code, field);
    }

    /** The problem as JSON, for answers written outside the resources (authentication, the body limit). */
    public static String json(int status, String code, String detail) {
        try {
            return JSON.writeValueAsString(of(status, code, detail, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status phrase (RFC 9110 section 15), the problem's {@code title}. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}
