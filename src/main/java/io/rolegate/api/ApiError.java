package io.rolegate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every API error: a stable {@code code} clients can branch on, an English {@code message} for people, and for
 * refused input the {@code field} it concerns (a query parameter, or a body member such as {@code name}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String field) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The error as JSON, for answers written outside the resources (authentication, the body limit). */
    public static String json(String code, String message) {
        try {
            return JSON.writeValueAsString(new ApiError(code, message, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
