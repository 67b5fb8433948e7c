package io.chokepoint.delivery;

/**
 * Checks for text that ends up in a mail header or a log line. A CR or LF there would let a value start a header
 * of its own (a Bcc injected through a stakeholder's name), so such values are refused rather than cleaned.
 * Public so that the stakeholder directory refuses, when a contact is stored, exactly what mail would refuse.
 */
public final class HeaderText {
    private static final int MAX_SHOWN = 120;

    private HeaderText() {
    }

    /** Refuses control characters, line and paragraph separators, bidi overrides and unpaired surrogates. */
    static void requireSafe(String value, String what) {
        int index = firstUnsafe(value);
        if (index >= 0) {
            throw new IllegalArgumentException(what + " '" + printable(value) + "' contains a line break or "
                    + "control character (" + escape(value.codePointAt(index)) + " at index " + index + ")");
        }
    }

    /** Index of the first unsafe character, or -1. */
    public static int firstUnsafe(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (isUnsafe(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                // Bidi overrides and isolates can make a name display as something else.
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** The value with unsafe characters escaped ({@code \r}, {@code \u0007}) and cut short, fit for a message. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (isUnsafe(cp)) {
                out.append(escape(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.length() <= MAX_SHOWN ? out.toString() : out.substring(0, MAX_SHOWN) + "...";
    }

    /** How an unsafe character is shown in a message, e.g. {@code \\r} or {@code \\u202E}. */
    public static String escape(int cp) {
        return switch (cp) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> String.format("\\u%04X", cp);
        };
    }
}
