package io.rolegate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every API error: a stable {@code code} clients can branch on, and an English {@code message} for people. */
public record ApiError(String code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String json(String code, String message) {
        try {
            return JSON.writeValueAsString(new ApiError(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
