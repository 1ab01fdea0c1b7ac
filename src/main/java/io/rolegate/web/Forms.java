package io.rolegate.web;

/**
 * Rules every submitted text field shares. Pasted values are read the way a person means them
 * (PRODUCT §10): white space a page or a chat put around a value, visible or not, is never meant.
 */
public final class Forms {

    /**
     * No control characters, line or paragraph separators, or bidirectional overrides: they break
     * lists and logs, and can make one name look like another.
     */
    public static final String PRINTABLE = "[^\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]*";

    private static final String OPENING_QUOTES = "\"'`\u201C\u2018";
    private static final String CLOSING_QUOTES = "\"'`\u201D\u2019";

    private Forms() {
    }

    /**
     * The value without surrounding white space: Unicode white space and space separators (among them
     * U+00A0, U+2000–U+200A, U+202F, U+205F and the ideographic space U+3000 of Japanese input methods)
     * and the invisible characters of {@link #isInvisible}. A missing field is the same as an empty one.
     * Characters inside the value are kept: a label or a name may hold spaces and joiners.
     */
    public static String strip(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * An identifier as a person pastes it (an ARN, an account ID, a bucket line, an e-mail address):
     * {@link #strip stripped}, taken out of one pair of quotes or backticks that JSON output, a shell
     * line or a chat's code span put around it, and without invisible characters anywhere, which
     * none of these can hold and nobody can see to remove. Visible spaces inside are kept, so the
     * value's own rules refuse them as they refuse an ordinary space.
     */
    public static String identifier(String value) {
        String text = strip(value);
        while (text.length() >= 2 && quoted(text)) {
            text = strip(text.substring(1, text.length() - 1));
        }
        StringBuilder visible = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isInvisible(c)) {
                visible.append(c);
            }
        }
        return visible.toString();
    }

    /**
     * Characters that show nothing but come along when text is copied from consoles, chats and word
     * processors: soft hyphen, Mongolian vowel separator, zero-width space, non-joiner and joiner,
     * word joiner and the zero-width no-break space U+FEFF (also a byte order mark).
     */
    public static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u180E' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c);
    }

    private static boolean quoted(String text) {
        int opening = OPENING_QUOTES.indexOf(text.charAt(0));
        return opening >= 0 && CLOSING_QUOTES.charAt(opening) == text.charAt(text.length() - 1);
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
