package io.chokepoint.report.excel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * The rows of one list of texts that may be longer than a sheet allows (Excel stops at 1,048,576 rows, header
 * included): when a sheet is full the rows go on in a new sheet named "Name (2)", then "Name (3)", and so on, each
 * starting with the same header row. The header is the sheet's own (written by {@code header}); the rows, which may
 * be hundreds of thousands, are written as sheet XML ({@link SheetXml}) to a temporary file per sheet, put after the
 * header when the workbook is written; {@link #close} deletes them. Not thread-safe.
 */
final class ContinuedSheet implements AutoCloseable {

    /** The most rows an Excel sheet can hold. */
    static final int EXCEL_MAX_ROWS = 1_048_576;

    private final StreamedWorkbook workbook;
    private final String name;
    private final int maxRows;
    private final Consumer<Sheet> header;
    private final List<Sheet> parts = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private Writer out;
    private SheetXml rows;
    private int next;

    /**
     * @param maxRows rows per sheet, header included
     * @param header  writes the header row (row 0) and column settings of each sheet
     */
    ContinuedSheet(StreamedWorkbook workbook, String name, int maxRows, Consumer<Sheet> header) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for its header and one row, was " + maxRows);
        }
        this.workbook = workbook;
        this.name = name;
        this.maxRows = maxRows;
        this.header = header;
        startSheet();
    }

    /** The next row, on a new sheet if the current one is full: each text in its column, nulls left empty. */
    void row(String... texts) {
        if (next == maxRows) {
            startSheet();
        }
        rows.startRow(next++);
        for (int i = 0; i < texts.length; i++) {
            rows.text(i, texts[i]);
        }
        rows.endRow();
    }

    /** Ends the rows and gives each sheet with the index of its last row, e.g. to lay a table over it. */
    void finish(ObjIntConsumer<Sheet> action) {
        endFile();
        for (int i = 0; i < parts.size(); i++) {
            action.accept(parts.get(i), i < parts.size() - 1 ? maxRows - 1 : next - 1);
        }
    }

    /** Deletes the rows' temporary files (after the workbook is written). */
    @Override
    public void close() {
        try {
            endFile();
        } finally {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    private void startSheet() {
        endFile();
        Sheet sheet = workbook.createSheet(parts.isEmpty() ? name : name + " (" + (parts.size() + 1) + ")");
        header.accept(sheet);
        parts.add(sheet);
        try {
            Path file = Files.createTempFile("chokepoint-sheet-", ".xml");
            file.toFile().deleteOnExit();
            files.add(file);
            out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the workbook's temporary files: " + e.getMessage(), e);
        }
        rows = new SheetXml(out);
        workbook.appendRows(sheet.getSheetName(), files.get(files.size() - 1), rows);
        next = 1;
    }

    private void endFile() {
        if (out == null) {
            return;
        }
        try (Writer w = out) {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's temporary files: " + e.getMessage(), e);
        } finally {
            out = null;
        }
    }
}
