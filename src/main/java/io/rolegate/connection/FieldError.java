package io.rolegate.connection;

import java.util.List;

/**
 * One reason an input was refused: a stable message key (e.g. {@code accountId.format}) and the
 * arguments its message needs. The web layer turns the key into text from the message bundles.
 */
public record FieldError(String key, List<Object> args) {

    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String key, Object... args) {
        return new FieldError(key, List.of(args));
    }
}
