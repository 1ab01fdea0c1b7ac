package io.rolegate.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every text input may hold, whatever carries it: query parameters, form fields, the strings of a JSON
 * body and the sign-in fields (docs/input.md). Control characters — C0 (U+0000–U+001F), DEL (U+007F) and C1
 * (U+0080–U+009F) — are refused, except tab, line feed and carriage return inside a field of several lines and
 * around any value (every field drops surrounding white space). A parameter is sent once, except a group of
 * checkboxes that share a name, whose values are each sent once.
 */
public final class TextInput {

    /** Fields of several lines: the bucket and key lists, a revocation reason, a pasted trust policy. */
    static final Set<String> MULTI_LINE = Set.of("buckets", "kmsKeyArns", "reason", "trustPolicy");

    /** Checkbox groups, sent once per ticked box: several values, each once. */
    static final Set<String> REPEATABLE = Set.of("scopes");

    /** Why a parameter was refused. */
    public enum Problem {
        CONTROL_CHARACTERS, REPEATED
    }

    private TextInput() {
    }

    /** What is wrong with a parameter as sent (its name and every value), or empty when it may pass. */
    public static Optional<Problem> problem(String name, List<String> values) {
        if (values.size() > 1 && (!REPEATABLE.contains(name) || Set.copyOf(values).size() < values.size())) {
            return Optional.of(Problem.REPEATED);
        }
        if (hasControl(name, false) || values.stream().anyMatch(value -> hasControl(value, MULTI_LINE.contains(name)))) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        }
        return Optional.empty();
    }

    /**
     * Whether a value holds a control character it may not: tab, line feed and carriage return pass around the
     * value, and anywhere in it when it has several lines.
     */
    static boolean hasControl(String value, boolean severalLines) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || isLineSpace(value.charAt(start)))) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || isLineSpace(value.charAt(end - 1)))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isControl(c) && !(severalLines && isLineSpace(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLineSpace(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }
}
