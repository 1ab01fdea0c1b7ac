package io.rolegate.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * The parameters of this request that {@link InputEdge} refused, by name. A resource method marked
 * {@link HandlesRefusedInput} reads them here: a form shows {@link #errors()} next to its fields, a search
 * matches nothing when {@link #any()}.
 */
@RequestScoped
public class RefusedInput {

    /** Message key of a refused value; every bundle of a page with a form has it. */
    public static final String CONTROL_KEY = "input_control";
    /** Message key of a parameter sent more than once; every bundle of a page with a form has it. */
    public static final String REPEATED_KEY = "input_repeated";

    private final Map<String, TextInput.Problem> byName = new LinkedHashMap<>();

    void add(String name, TextInput.Problem problem) {
        byName.putIfAbsent(name, problem);
    }

    Optional<InputRefused> first() {
        return byName.entrySet().stream().findFirst().map(entry -> new InputRefused(entry.getKey(), entry.getValue()));
    }

    boolean has(TextInput.Problem problem) {
        return byName.containsValue(problem);
    }

    /** True when any parameter was refused. */
    public boolean any() {
        return !byName.isEmpty();
    }

    /** One error per refused parameter, on the field of that name; the field itself arrived blank. */
    public FormErrors errors() {
        FormErrors errors = FormErrors.none();
        for (Map.Entry<String, TextInput.Problem> entry : byName.entrySet()) {
            errors = errors.add(entry.getKey(),
                    entry.getValue() == TextInput.Problem.REPEATED ? REPEATED_KEY : CONTROL_KEY);
        }
        return errors;
    }
}
