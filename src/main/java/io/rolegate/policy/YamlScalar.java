package io.rolegate.policy;

/** Double-quoted YAML scalars for text that may come from a customer (a label, say). */
final class YamlScalar {

    private YamlScalar() {
    }

    /**
     * Quotes and escapes everything YAML would not keep as is: quotes, backslashes, and every
     * character outside YAML's printable set or that YAML 1.1 reads as a line break (NEL, LS, PS).
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (printable(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        }
        return out.append('"').toString();
    }

    private static boolean printable(int c) {
        return (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
