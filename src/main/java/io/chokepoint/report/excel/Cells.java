package io.chokepoint.report.excel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

import io.chokepoint.summary.CapacityTally;
import io.chokepoint.summary.ProjectedShare;

/**
 * Writes cells with the workbook's few styles, and turns each block of data into an Excel table. Text is always
 * a string cell, never a formula, whatever it starts with: a value such as "=HYPERLINK(...)" from the data stays
 * literal text. Numeric columns hold numbers or nothing: what is undisclosed is said in a column of its own.
 * Not thread-safe (it remembers the tables' headers and names).
 */
final class Cells {

    /** A share: an Excel fraction shown as a percentage with one decimal. */
    static final String PERCENT_FORMAT = "0.0 %";
    /** A difference of shares in percentage points, signed. */
    static final String POINTS_FORMAT = "+0.0 \"pp\";-0.0 \"pp\";0.0 \"pp\"";
    static final String DATE_FORMAT = "yyyy-mm-dd";

    /** The disclosure of a capacity column, in the column beside it. */
    static final String DISCLOSED = "disclosed";
    static final String UNDISCLOSED = "undisclosed";
    static final String NOT_COMPARABLE = "not comparable";

    final CellStyle header;
    final CellStyle integer;
    final CellStyle tonnes;
    final CellStyle decimal;
    final CellStyle weight;
    final CellStyle percent;
    final CellStyle points;
    final CellStyle wrap;
    final CellStyle title;
    final CellStyle date;
    /** Header names by sheet and header row, for the table laid over each block. */
    private final Map<String, String[]> headers = new HashMap<>();
    private final Set<String> tableNames = new HashSet<>();

    Cells(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
        integer = numberStyle(workbook, "0");
        tonnes = numberStyle(workbook, "#,##0");
        decimal = numberStyle(workbook, "#,##0.0");
        weight = numberStyle(workbook, "0.00");
        percent = numberStyle(workbook, PERCENT_FORMAT);
        points = numberStyle(workbook, POINTS_FORMAT);
        date = numberStyle(workbook, DATE_FORMAT);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
    }

    private static CellStyle numberStyle(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** A header row with frozen pane and widths from the header texts (measuring every cell costs too much). */
    void header(Sheet sheet, int rowIndex, String... names) {
        blockHeader(sheet, rowIndex, names);
        sheet.createFreezePane(0, rowIndex + 1);
    }

    /** A header row of one block among several on a sheet (no frozen pane), sized like {@link #header}. */
    void blockHeader(Sheet sheet, int rowIndex, String... names) {
        headers.put(sheet.getSheetName() + "!" + rowIndex, names.clone());
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(header);
            int width = Math.min(Math.max(names[i].length() + 4, 12), 40) * 256;
            if (sheet.getColumnWidth(i) < width) {
                sheet.setColumnWidth(i, width);
            }
        }
    }

    /**
     * Lays an Excel table (with its autofilter and banded rows) over a block: the header written by {@link #header}
     * or {@link #blockHeader} at {@code headerRow} and the rows up to {@code lastRow}. A block without rows gets one
     * empty row, as Excel wants a table to have at least one. On a streamed sheet the table goes on the XSSF sheet
     * behind it, whose rows are not in memory: its column names are set here from the header, not read back.
     */
    void table(Sheet sheet, int headerRow, int lastRow, String name) {
        String[] names = headers.get(sheet.getSheetName() + "!" + headerRow);
        if (names == null) {
            throw new IllegalStateException("no header at row " + headerRow + " of " + sheet.getSheetName());
        }
        XSSFSheet xssf = sheet instanceof SXSSFSheet streamed
                ? ((SXSSFWorkbook) streamed.getWorkbook()).getXSSFWorkbook().getSheet(sheet.getSheetName())
                : (XSSFSheet) sheet;
        AreaReference area = new AreaReference(new CellReference(headerRow, 0),
                new CellReference(Math.max(lastRow, headerRow + 1), names.length - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = xssf.createTable(area);
        String unique = uniqueName(name);
        table.setName(unique);
        table.setDisplayName(unique);
        CTTable ct = table.getCTTable();
        List<CTTableColumn> columns = List.of(ct.getTableColumns().getTableColumnArray());
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).setName(names[i]);
        }
        (ct.isSetAutoFilter() ? ct.getAutoFilter() : ct.addNewAutoFilter()).setRef(ct.getRef());
        CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        style.setName("TableStyleLight9");
        style.setShowRowStripes(true);
        style.setShowColumnStripes(false);
    }

    /** A table name Excel accepts (a letter, then letters, digits or _), unique in the workbook. */
    private String uniqueName(String name) {
        String base = name.replaceAll("[^A-Za-z0-9_]", "");
        base = base.isEmpty() || !Character.isLetter(base.charAt(0)) ? "T" + base : base;
        String unique = base;
        for (int n = 2; !tableNames.add(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
            unique = base + "_" + n;
        }
        return unique;
    }

    static void wide(Sheet sheet, int width, int... columns) {
        for (int column : columns) {
            sheet.setColumnWidth(column, width * 256);
        }
    }

    /** Excel's limit for the text of one cell; POI refuses longer text, which would fail the whole month. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /**
     * The text as it fits in a cell: longer text (a tracker made before its fields were bounded) is cut, ending in
     * a visible marker; the Data gaps sheet lists where.
     */
    static String fitted(String value) {
        if (value.length() <= MAX_TEXT) {
            return value;
        }
        String marker = String.format(" … [cut: %,d characters, too long for a cell; the full text is in the tracker]",
                value.length());
        int end = MAX_TEXT - marker.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return value.substring(0, end) + marker;
    }

    static void text(Row row, int column, String value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(fitted(value));
            if (row instanceof SXSSFRow streamed) {
                // The default style (index 0, written as no style at all), set explicitly: without it POI looks
                // each streamed cell's style up in the sheet's column definitions, which costs more than the cell.
                cell.setCellStyle(streamed.getSheet().getWorkbook().getCellStyleAt(0));
            }
        }
    }

    void wrapped(Row row, int column, String value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(fitted(value));
            cell.setCellStyle(wrap);
        }
    }

    static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A date as an Excel date (a number with a date format), nothing if null. */
    void date(Row row, int column, LocalDate value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }

    static void number(Row row, int column, Optional<Double> value, CellStyle style) {
        value.ifPresent(v -> number(row, column, v, style));
    }

    /** A percentage (0–100) as an Excel fraction with a percent format. */
    void share(Row row, int column, Optional<Double> percent) {
        percent.ifPresent(p -> number(row, column, p / 100, this.percent));
    }

    /**
     * A projected China share as a fraction with a percent format, or nothing where none of the projects due
     * discloses a capacity: the column stays numeric, and the projection's note column says why (never 0).
     */
    void projection(Row row, int column, Optional<ProjectedShare> projection) {
        projection.filter(ProjectedShare::computable).ifPresent(p -> share(row, column, p.chinaSharePercent()));
    }

    /**
     * A tally's capacity: the sum where any was disclosed, else nothing (never 0, never text); its disclosure goes
     * in a column of its own (see {@link #disclosure}).
     */
    void capacity(Row row, int column, CapacityTally tally) {
        if (tally.comparable() > 0) {
            number(row, column, tally.tonnes(), tonnes);
        }
    }

    /**
     * What a tally's capacity figure rests on: "disclosed" when every project's capacity was summed, "undisclosed"
     * or "not comparable" when none was, and "k of n summed" in between; nothing without projects.
     */
    static void disclosure(Row row, int column, CapacityTally tally) {
        if (tally.projects() == 0) {
            return;
        }
        String text;
        if (tally.comparable() == tally.projects()) {
            text = DISCLOSED;
        } else if (tally.comparable() > 0) {
            text = tally.comparable() + " of " + tally.projects() + " summed";
        } else {
            text = tally.allUndisclosed() ? UNDISCLOSED : NOT_COMPARABLE;
        }
        text(row, column, text);
    }
}
