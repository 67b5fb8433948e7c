package io.chokepoint.report.excel;

import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;

import io.chokepoint.summary.CapacityTally;
import io.chokepoint.summary.ProjectedShare;

/**
 * Writes cells with the workbook's few styles. Text is always a string cell, never a formula, whatever it
 * starts with: a value such as "=HYPERLINK(...)" from the data stays literal text.
 */
final class Cells {

    /** The value shown where projects exist but none disclosed a capacity. */
    static final String UNDISCLOSED = "undisclosed";
    static final String NOT_COMPARABLE = "not comparable";

    final CellStyle header;
    final CellStyle integer;
    final CellStyle tonnes;
    final CellStyle decimal;
    final CellStyle percent;
    final CellStyle points;
    final CellStyle wrap;
    final CellStyle title;

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
        percent = numberStyle(workbook, "0.0%");
        points = numberStyle(workbook, "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"");
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
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(Math.max(names[i].length() + 4, 12), 40) * 256);
        }
        sheet.createFreezePane(0, rowIndex + 1);
    }

    static void autoFilter(Sheet sheet, int headerRow, int lastRow, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(lastRow, headerRow), 0, columns - 1));
    }

    static void wide(Sheet sheet, int width, int... columns) {
        for (int column : columns) {
            sheet.setColumnWidth(column, width * 256);
        }
    }

    static void text(Row row, int column, String value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
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
            cell.setCellValue(value);
            cell.setCellStyle(wrap);
        }
    }

    static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    static void number(Row row, int column, Optional<Double> value, CellStyle style) {
        value.ifPresent(v -> number(row, column, v, style));
    }

    /** A percentage (0–100) as an Excel fraction with a percent format. */
    void share(Row row, int column, Optional<Double> percent) {
        percent.ifPresent(p -> number(row, column, p / 100, this.percent));
    }

    /**
     * A projected China share as a fraction with a percent format; where none of the projects due discloses a
     * capacity, the text "not computable (n projects, capacity undisclosed)" instead, never 0.
     */
    void projection(Row row, int column, Optional<ProjectedShare> projection) {
        projection.ifPresent(p -> {
            if (p.computable()) {
                share(row, column, p.chinaSharePercent());
            } else {
                text(row, column, p.notComputableText());
            }
        });
    }

    /** A tally's capacity: the sum where any was disclosed, else "undisclosed" or "not comparable", never 0. */
    void capacity(Row row, int column, CapacityTally tally) {
        if (tally.projects() == 0) {
            return;
        }
        if (tally.comparable() > 0) {
            number(row, column, tally.tonnes(), tonnes);
        } else {
            text(row, column, tally.allUndisclosed() ? UNDISCLOSED : NOT_COMPARABLE);
        }
    }
}
