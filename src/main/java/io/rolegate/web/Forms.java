package io.rolegate.web;

/** Rules every submitted text field shares. */
public final class Forms {

    /**
     * No control characters, line or paragraph separators, or bidirectional overrides: they break
     * lists and logs, and can make one name look like another.
     */
    public static final String PRINTABLE = "[^\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]*";

    private Forms() {
    }

    /** Surrounding whitespace is never meant; a missing field is the same as an empty one. */
    public static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * A value as a re-rendered form shows it: cut one character (code point) past the field's maximum, so that it
     * still reads as too long while a pasted megabyte is not sent back.
     */
    public static String shown(String value, int max) {
        if (value.length() <= max + 1 || value.codePointCount(0, value.length()) <= max + 1) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max + 1));
    }
}
