package io.rolegate.connection;

import java.util.function.Function;

/** The result of reading one value from untrusted text: the value, or the single reason it was refused. */
public sealed interface Parsed<T> {

    record Valid<T>(T value) implements Parsed<T> {
    }

    record Invalid<T>(FieldError error) implements Parsed<T> {
    }

    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(String key, Object... args) {
        return new Invalid<>(FieldError.of(key, args));
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The value; for trusted input (configuration, stored rows), where a refusal is a programming error. */
    default T orThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new IllegalArgumentException(((Invalid<T>) this).error().key());
    }

    default <R> Parsed<R> map(Function<T, R> mapper) {
        if (this instanceof Valid<T> valid) {
            return new Valid<>(mapper.apply(valid.value()));
        }
        return new Invalid<>(((Invalid<T>) this).error());
    }
}
