package io.rolegate.connection;

import io.rolegate.web.Forms;

/** A 12-digit AWS account ID. */
public record AccountId(String value) {

    public AccountId {
        if (value == null || !Characters.isAsciiDigits(value, 12)) {
            throw new IllegalArgumentException("An AWS account ID has exactly 12 digits");
        }
    }

    /**
     * Reads an account ID as a person types or pastes it (see {@link Forms#identifier}). The console
     * shows it as {@code 1234-5678-9012}; people also group it with spaces. Both groupings are accepted.
     */
    public static Parsed<AccountId> parse(String text) {
        String trimmed = Forms.identifier(text);
        if (trimmed.isEmpty()) {
            return Parsed.invalid("accountId.required");
        }
        String digits = trimmed.length() == 14 && separator(trimmed.charAt(4)) && trimmed.charAt(9) == trimmed.charAt(4)
                ? trimmed.substring(0, 4) + trimmed.substring(5, 9) + trimmed.substring(10)
                : trimmed;
        if (!Characters.isAsciiDigits(digits, 12)) {
            return Parsed.invalid("accountId.format");
        }
        return Parsed.valid(new AccountId(digits));
    }

    private static boolean separator(char c) {
        return c == '-' || Character.isSpaceChar(c);
    }

    @Override
    public String toString() {
        return value;
    }
}
