package io.chokepoint.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A streaming workbook whose file is zipped at the fastest deflate level, and into some of whose sheets rows written
 * elsewhere ({@link SheetXml}) are put after the sheet's own. At the default level, compressing the streamed sheets
 * was a quarter of the time spent writing a large workbook; the fastest level makes the file somewhat larger and the
 * writing several times faster. Every reader of .xlsx inflates any level.
 */
final class StreamedWorkbook extends SXSSFWorkbook {

    /** Rows already written as sheet XML, by sheet name: they follow the rows the sheet itself holds. */
    private final Map<String, Appended> appendedRows = new HashMap<>();

    /** A file of rows and their writer, which knows their last row and rightmost column (for the dimension). */
    private record Appended(Path file, SheetXml rows) {
    }

    StreamedWorkbook(XSSFWorkbook template, int rowAccessWindowSize) {
        super(template, rowAccessWindowSize);
    }

    /**
     * Puts the rows in {@code sheetXml} (SpreadsheetML {@code <row>} elements) after the sheet's own rows; their last
     * row and rightmost column widen the sheet's dimension (which readers such as openpyxl's read-only mode, and so
     * pandas, trust to know how far to read).
     */
    void appendRows(String sheetName, Path sheetXml, SheetXml writtenBy) {
        appendedRows.put(sheetName, new Appended(sheetXml, writtenBy));
    }

    /** After SXSSF has derived each sheet's dimension from its own rows: widened by the rows appended. */
    @Override
    protected void flushSheets() throws IOException {
        super.flushSheets();
        appendedRows.forEach((name, appended) -> {
            SheetXml rows = appended.rows();
            if (rows.lastRow() < 0) {
                return;
            }
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = getXSSFWorkbook().getSheet(name);
            org.apache.poi.ss.util.CellRangeAddress own = sheet.getDimension();
            int firstRow = own == null ? 0 : Math.min(own.getFirstRow(), rows.lastRow());
            int firstColumn = own == null ? 0 : own.getFirstColumn();
            int lastColumn = Math.max(own == null ? 0 : own.getLastColumn(), rows.maxColumn());
            sheet.setDimensionOverride(new org.apache.poi.ss.util.CellRangeAddress(firstRow,
                    Math.max(rows.lastRow(), own == null ? 0 : own.getLastRow()), firstColumn, lastColumn));
        });
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    @Override
    protected ISheetInjector createSheetInjector(SXSSFSheet sheet) throws IOException {
        ISheetInjector own = super.createSheetInjector(sheet);
        Appended rows = appendedRows.get(sheet.getSheetName());
        if (rows == null) {
            return own;
        }
        return out -> {
            own.writeSheetData(out);
            try (InputStream in = Files.newInputStream(rows.file())) {
                in.transferTo(out);
            }
        };
    }
}
