package io.chokepoint.report.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;

/**
 * The rows of a large sheet as SpreadsheetML, written straight to a stream: the same {@code <row>} and {@code <c>}
 * elements POI's streaming writer (SXSSF's SheetDataWriter) writes for text, number and date cells (inline strings,
 * its escaping, {@link Double#toString} numbers, Excel date serials), without a row and a cell object per value,
 * which at a million projects cost more than the file itself. {@link StreamedWorkbook} puts them into POI's own
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

    SheetXml(Writer out) {
        this.out = out;
    }

    /** Starts the row of 0-based index {@code row}. */
    void startRow(int row) {
        rowNumber = Integer.toString(row + 1);
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
        write(" t=\"n\"><v>");
        write(Double.toString(value));
        write("</v></c>");
    }

    /** A date as an Excel date serial in a date style, nothing if null. */
    void date(int column, LocalDate value, int style) {
        if (value != null) {
            number(column, DateUtil.getExcelDate(value), style);
        }
    }

    private void cellStart(int column) {
        write("<c r=\"");
        write(column < COLUMN_NAMES.length ? COLUMN_NAMES[column] : CellReference.convertNumToColString(column));
        write(rowNumber);
        write("\"");
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
