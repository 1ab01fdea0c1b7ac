package io.rolegate.connection;

/** Character rules shared by the free-text fields. */
final class Characters {

    private Characters() {
    }

    /**
     * True when the text holds a character that could break a line, hide text or reorder what is
     * shown: C0/C1 controls, line and paragraph separators, unpaired surrogates and bidirectional
     * overrides (the "Trojan Source" characters).
     */
    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || isBidiControl(codePoint) || codePoint == 0xFEFF) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    static boolean isAsciiDigits(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A bounded excerpt of hostile input, safe to echo back in an error message. */
    static String excerpt(String text) {
        int max = 80;
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
