package io.chokepoint.report.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;

/**
 * The rows of a large sheet as SpreadsheetML, written straight to a stream: the cells POI's streaming writer (SXSSF's
 * SheetDataWriter) writes for text, number and date cells (inline strings, its escaping, {@link Double#toString}
 * numbers, Excel date serials), in fewer bytes (no default type, no reference where the column follows), without a
 * row and a cell object per value, which at a million projects cost more than the file itself. {@link StreamedWorkbook} puts them into POI's own
 * sheet. Not thread-safe.
 */
final class SheetXml {

    private static final String[] COLUMN_NAMES = new String[64];

    static {
        for (int i = 0; i < COLUMN_NAMES.length; i++) {
            COLUMN_NAMES[i] = CellReference.convertNumToColString(i);
        }
    }

    private final Writer out;
    private String rowNumber;
    /** The column of the row's last cell written, -1 before its first. */
    private int lastColumn;
    /** The last row started and the rightmost column written, for the sheet's dimension; -1 before any. */
    private int lastRow = -1;
    private int maxColumn = -1;

    SheetXml(Writer out) {
        this.out = out;
    }

    /** Starts the row of 0-based index {@code row}. */
    void startRow(int row) {
        rowNumber = Integer.toString(row + 1);
        lastColumn = -1;
        lastRow = Math.max(lastRow, row);
        write("<row r=\"");
        write(rowNumber);
        write("\">\n");
    }

    void endRow() {
        write("</row>\n");
    }

    /** A string cell of the default style, nothing if null; text longer than a cell holds is cut as Cells cuts it. */
    void text(int column, String value) {
        if (value == null) {
            return;
        }
        String fitted = Cells.fitted(value);
        cellStart(column);
        write(" t=\"inlineStr\"><is><t");
        if (!fitted.isEmpty() && (Character.isWhitespace(fitted.charAt(0))
                || Character.isWhitespace(fitted.charAt(fitted.length() - 1)))) {
            write(" xml:space=\"preserve\"");
        }
        write(">");
        escaped(fitted);
        write("</t></is></c>");
    }

    void number(int column, double value, int style) {
        cellStart(column);
        if (style != 0) {
            write(" s=\"");
            write(Integer.toString(style));
            write("\"");
        }
        write("><v>"); // t="n" is the default type
        write(Double.toString(value));
        write("</v></c>");
    }

    /** A date as an Excel date serial in a date style, nothing if null. */
    void date(int column, LocalDate value, int style) {
        if (value != null) {
            number(column, DateUtil.getExcelDate(value), style);
        }
    }

    /**
     * A cell's start. Its reference is written only where a column was skipped: a cell without one is the next
     * column of its row (ECMA-376 makes {@code r} optional; Excel, LibreOffice, POI and openpyxl read it so). At a
     * million projects the references were a quarter of the Projects sheet's 1.3 GB of XML, all of it deflated.
     */
    private void cellStart(int column) {
        if (column == lastColumn + 1) {
            write("<c");
        } else {
            write("<c r=\"");
            write(column < COLUMN_NAMES.length ? COLUMN_NAMES[column] : CellReference.convertNumToColString(column));
            write(rowNumber);
            write("\"");
        }
        lastColumn = column;
        maxColumn = Math.max(maxColumn, column);
    }

    /** The index of the last row written, -1 if none. */
    int lastRow() {
        return lastRow;
    }

    /** The index of the rightmost column written, -1 if none. */
    int maxColumn() {
        return maxColumn;
    }

    /** Escaped as SheetDataWriter escapes: markup and line breaks as entities, other control characters as '?'. */
    private void escaped(String s) {
        try {
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                String entity = switch (c) {
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '&' -> "&amp;";
                    case '"' -> "&quot;";
                    case '\n' -> "&#xa;";
                    case '\r' -> "&#xd;";
                    case '\t' -> "&#x9;";
                    case '\u00A0' -> "&#xa0;";
                    default -> c < ' ' || c >= '\uFFFE' ? "?" : null;
                };
                if (entity != null) {
                    out.write(s, start, i - start);
                    out.write(entity);
                    start = i + 1;
                }
            }
            out.write(s, start, s.length() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
