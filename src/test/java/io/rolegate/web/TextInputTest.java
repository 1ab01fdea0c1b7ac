package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of docs/input.md, one value at a time. */
class TextInputTest {

    @ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "label|Reports 日本語 ✓|",
            "label|nul\\u0000byte|CONTROL_CHARACTERS",
            "label|bell\\u0007|CONTROL_CHARACTERS",
            "label|escape\\u001bseq|CONTROL_CHARACTERS",
            "label|del\\u007f|CONTROL_CHARACTERS",
            "label|c1\\u0080start|CONTROL_CHARACTERS",
            "label|next\\u0085line|CONTROL_CHARACTERS",
            "label|c1\\u009fend|CONTROL_CHARACTERS",
            "label|no-break\\u00a0space|",
            "label|tab\\tinside|CONTROL_CHARACTERS",
            "label|line\\nbreak|CONTROL_CHARACTERS",
            "label|\\t  around\\r\\n|",
            "roleArn|arn:aws:iam::123456789012:role/x\\n|",
            "buckets|acme\\r\\nacme-raw\\tnote\\n|",
            "buckets|acme\\u0000|CONTROL_CHARACTERS",
            "kmsKeyArns|a\\nb|",
            "reason|Ended.\\r\\n\\tSee ticket 42.|",
            "reason|Ended\\u007f|CONTROL_CHARACTERS",
            "trustPolicy|{\\n\\t\"Version\": \"2012-10-17\"\\n}|",
    })
    void aValueIsRefusedForItsControlCharactersOnly(String field, String value, String problem) {
        assertEquals(Optional.ofNullable(problem).map(TextInput.Problem::valueOf),
                TextInput.problem(field, List.of(unescape(value))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "label,REPEATED", "j_username,REPEATED", "scopes," })
    void aParameterIsSentOnceUnlessItIsACheckboxGroup(String field, String problem) {
        assertEquals(Optional.ofNullable(problem).map(TextInput.Problem::valueOf),
                TextInput.problem(field, List.of("read", "manage")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "a\\u0000b|CONTROL_CHARACTERS", "label|" })
    void aParameterNameIsHeldToTheSameRules(String name, String problem) {
        assertEquals(Optional.ofNullable(problem).map(TextInput.Problem::valueOf),
                TextInput.problem(unescape(name), List.of("fine")));
    }

    /** Test values spell control characters as \t, \r, \n and \\uXXXX, so the table stays readable. */
    private static String unescape(String text) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 't' -> result.append('\t');
                    case 'r' -> result.append('\r');
                    case 'n' -> result.append('\n');
                    case 'u' -> {
                        result.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> result.append(next);
                }
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
