package io.chokepoint.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a known password from text meant for people. Messages echo the values they complain about, and a
 * password pasted into the wrong setting would otherwise be echoed with them.
 *
 * <p>Only whole values count: an occurrence inside a longer word ("pass" in "password") is that word, not the
 * password. A password shorter than {@value #SHORTEST_REDACTED} characters is a word of too many messages to cut
 * out ("p" in "smtp"); then every quoted value that holds it is left out altogether.
 */
final class Redaction {
    static final String MARK = "(redacted)";
    static final String LEFT_OUT = "(value not shown)";
    static final int SHORTEST_REDACTED = 4;

    /** A value as messages quote it: 'value'. */
    private static final Pattern QUOTED = Pattern.compile("'[^'\\r\\n]*'");

    private Redaction() {
    }

    static String text(String text, String password) {
        if (text == null || password == null || password.isEmpty() || !containsWhole(text, password)) {
            return text;
        }
        if (password.length() >= SHORTEST_REDACTED) {
            return replaceWhole(text, password);
        }
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder clean = new StringBuilder();
        while (quoted.find()) {
            String value = quoted.group();
            quoted.appendReplacement(clean, Matcher.quoteReplacement(containsWhole(value, password) ? LEFT_OUT : value));
        }
        quoted.appendTail(clean);
        return clean.toString();
    }

    private static boolean containsWhole(String text, String password) {
        return wholeAt(text, password, 0) >= 0;
    }

    private static String replaceWhole(String text, String password) {
        StringBuilder clean = new StringBuilder();
        int from = 0;
        for (int at = wholeAt(text, password, 0); at >= 0; at = wholeAt(text, password, from)) {
            clean.append(text, from, at).append(MARK);
            from = at + password.length();
        }
        return clean.append(text, from, text.length()).toString();
    }

    /** Where the password next stands as a whole value (no letter or digit right before or after it), or -1. */
    private static int wholeAt(String text, String password, int from) {
        for (int at = text.indexOf(password, from); at >= 0; at = text.indexOf(password, at + 1)) {
            int end = at + password.length();
            if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The same exception if it does not show the password, else one with it removed and without the cause. */
    static IllegalArgumentException of(IllegalArgumentException e, String password) {
        String message = e.getMessage();
        String clean = text(message, password);
        return clean == null || clean.equals(message) ? e : new IllegalArgumentException(clean);
    }

    /** As {@link #of(IllegalArgumentException, String)}, for this package's exception. */
    static DeliveryException of(DeliveryException e, String password) {
        String message = e.getMessage();
        String clean = text(message, password);
        return clean == null || clean.equals(message) ? e : new DeliveryException(clean);
    }
}
