package io.rolegate.web;

import java.util.List;
import java.util.Map;

/**
 * Field errors of a re-rendered form, as message keys of the form's bundle with their arguments.
 * Templates ask {@code errors.has('field')} and list {@code errors.of('field')}.
 */
public record FormErrors(Map<String, List<Text>> byField) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    /** One message: its bundle key and up to three arguments. */
    public record Text(String key, List<Object> args) {
        public Object arg(int index) {
            return index < args.size() ? args.get(index) : "";
        }
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<Text> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }
}
