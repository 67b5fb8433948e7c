package io.chokepoint.report.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The rows of one list that may be longer than a sheet allows (Excel stops at 1,048,576 rows, header included):
 * when a sheet is full the rows go on in a new sheet named "Name (2)", then "Name (3)", and so on, each starting
 * with the same header row. Not thread-safe.
 */
final class ContinuedSheet {

    /** The most rows an Excel sheet can hold. */
    static final int EXCEL_MAX_ROWS = 1_048_576;

    private final Workbook workbook;
    private final String name;
    private final int maxRows;
    private final Consumer<Sheet> header;
    private final List<Sheet> parts = new ArrayList<>();
    private int next;

    /**
     * @param maxRows rows per sheet, header included
     * @param header  writes the header row (row 0) and column settings of each sheet
     */
    ContinuedSheet(Workbook workbook, String name, int maxRows, Consumer<Sheet> header) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for its header and one row, was " + maxRows);
        }
        this.workbook = workbook;
        this.name = name;
        this.maxRows = maxRows;
        this.header = header;
        startSheet();
    }

    /** The next row, on a new sheet if the current one is full. */
    Row createRow() {
        if (next == maxRows) {
            startSheet();
        }
        return parts.get(parts.size() - 1).createRow(next++);
    }

    /** Gives each sheet with the index of its last row, e.g. to set its autofilter. */
    void finish(ObjIntConsumer<Sheet> action) {
        for (int i = 0; i < parts.size(); i++) {
            action.accept(parts.get(i), i < parts.size() - 1 ? maxRows - 1 : next - 1);
        }
    }

    private void startSheet() {
        Sheet sheet = workbook.createSheet(parts.isEmpty() ? name : name + " (" + (parts.size() + 1) + ")");
        header.accept(sheet);
        parts.add(sheet);
        next = 1;
    }
}
