package io.rolegate.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What is wrong with a submitted form: for each field, messages of the form's bundle (keys with
 * their arguments). Templates ask {@code errors.has('field')}, and show {@code errors.key('field')}
 * (the first message) or list {@code errors.of('field')}.
 */
public record FormErrors(Map<String, List<Text>> byField) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    private static final List<Class<?>> BASIC_RULES = List.of(NotNull.class, NotBlank.class, Size.class);

    /** One message: its bundle key and its arguments. */
    public record Text(String key, List<Object> args) {
        public Object arg(int index) {
            return index < args.size() ? args.get(index) : "";
        }
    }

    public FormErrors {
        byField = Map.copyOf(byField);
    }

    public static FormErrors none() {
        return NONE;
    }

    /**
     * Each violation of each field; constraint messages are bundle keys. A field's most basic rule comes first —
     * a missing value, then its length, then its shape — so a page that shows one message shows that one (a
     * megabyte pasted into an email field is too long before it is malformed).
     */
    public static FormErrors of(Set<? extends ConstraintViolation<?>> violations) {
        FormErrors errors = NONE;
        List<ConstraintViolation<?>> ordered = new ArrayList<>(violations);
        ordered.sort(Comparator.<ConstraintViolation<?>, String>comparing(violation -> violation.getPropertyPath().toString())
                .thenComparingInt(FormErrors::precedence).thenComparing(ConstraintViolation::getMessage));
        for (ConstraintViolation<?> violation : ordered) {
            errors = errors.add(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
    }

    private static int precedence(ConstraintViolation<?> violation) {
        Class<?> rule = violation.getConstraintDescriptor().getAnnotation().annotationType();
        int rank = BASIC_RULES.indexOf(rule);
        return rank < 0 ? BASIC_RULES.size() : rank;
    }

    /** These errors and one more message for a field. */
    public FormErrors add(String field, String messageKey, Object... args) {
        Map<String, List<Text>> copy = new LinkedHashMap<>(byField);
        List<Text> texts = new ArrayList<>(copy.getOrDefault(field, List.of()));
        texts.add(new Text(messageKey, List.of(args)));
        copy.put(field, List.copyOf(texts));
        return new FormErrors(copy);
    }

    /**
     * These errors, then {@code others} on the fields these do not name: a field the input edge refused arrived
     * blank, so what the form's own rules say about it would only repeat the refusal.
     */
    public FormErrors and(FormErrors others) {
        Map<String, List<Text>> merged = new LinkedHashMap<>(byField);
        others.byField.forEach(merged::putIfAbsent);
        return new FormErrors(merged);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The key of the field's first message, or empty. */
    public String key(String field) {
        return has(field) ? byField.get(field).get(0).key() : "";
    }

    public List<Text> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    @Override
    public String toString() {
        return byField.toString();
    }
}
