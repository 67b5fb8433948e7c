package io.chokepoint.tracking;

/**
 * The longest text the tracker accepts in one field: Excel's limit for a cell, 32,767 characters. A longer value
 * could not be shown whole in the month's workbook; it is refused at import and on edits, with its line and column.
 */
public final class TextLimit {

    /** Characters (UTF-16 units, as Excel and Java count them) in one field at most. */
    public static final int MAX_CHARS = 32_767;

    private TextLimit() {
    }

    static String problem(String value) {
        return String.format("is %,d characters long; at most %,d fit in a workbook cell: shorten it (keep the full"
                + " text in the source it cites)", value.length(), MAX_CHARS);
    }
}
