package io.rolegate.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/**
 * What is wrong with a submitted form: for each field, the key of its message in the form's bundle.
 * Templates ask {@code errors.has('field')} and look the text up with {@code bundle:message(errors.key('field'))}.
 */
public final class FieldErrors {

    private final Map<String, String> keys = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    /** The first violation of each field; constraint messages are bundle keys. */
    public static FieldErrors of(Set<? extends ConstraintViolation<?>> violations) {
        FieldErrors errors = new FieldErrors();
        violations.forEach(violation -> errors.add(violation.getPropertyPath().toString(), violation.getMessage()));
        return errors;
    }

    public FieldErrors add(String field, String messageKey) {
        keys.putIfAbsent(field, messageKey);
        return this;
    }

    public boolean has(String field) {
        return keys.containsKey(field);
    }

    public String key(String field) {
        return keys.getOrDefault(field, "");
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public String toString() {
        return keys.toString();
    }
}
