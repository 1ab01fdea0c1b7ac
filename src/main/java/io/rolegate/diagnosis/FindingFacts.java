package io.rolegate.diagnosis;

/**
 * What the fix of one finding names: the statement ({@code Sid}, or {@code #n} counting from 1), the value found in
 * the pasted document and the value Rolegate expects there, and the condition key and operator involved. Values a
 * finding does not involve are empty; {@link #PLACEHOLDERS} stands in for all of them on the help page.
 */
public record FindingFacts(String statement, String found, String expected, String key, String operator) {

    /** The help page's stand-ins, in the capitals the texts use for values to fill in. */
    public static final FindingFacts PLACEHOLDERS = new FindingFacts("SID", "FOUND", "EXPECTED", "KEY", "OPERATOR");

    static FindingFacts of(String statement, String found, String expected) {
        return new FindingFacts(statement, found, expected, "", "");
    }
}
