package io.chokepoint.tracking.csv;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV injection (OWASP): a spreadsheet opening an exported file runs a cell that starts with {@code = + - @}, a tab
 * or a carriage return as a formula. Export puts a single quote before such text, which spreadsheets show as
 * text; import takes that quote off again, so an exported file imports back unchanged. A plain number (such as a
 * negative one) is never a formula and stays as it is. Every CSV we write (the tracker's export, the report's projects
 * list) escapes through here.
 */
public final class FormulaText {

    private static final String TRIGGERS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private FormulaText() {
    }

    /**
     * Whether export quotes the value: it starts with a trigger, or with quotes before one (so that the quote import
     * takes off is always export's own).
     */
    public static boolean quoted(String value) {
        int start = 0;
        while (start < value.length() && value.charAt(start) == '\'') {
            start++;
        }
        return start < value.length() && TRIGGERS.indexOf(value.charAt(start)) >= 0
                && !PLAIN_NUMBER.matcher(value).matches();
    }

    /** A value as export writes it: quoted if a spreadsheet would run it. */
    public static String escape(String value) {
        return quoted(value) ? "'" + value : value;
    }

    /** The row's values as export writes them. */
    public static List<String> escape(List<String> values) {
        return values.stream().map(FormulaText::escape).toList();
    }

    /** A value as read from a file: without the quote export put before it. */
    public static String unescape(String value) {
        return value.startsWith("'") && quoted(value.substring(1)) ? value.substring(1) : value;
    }
}
