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
    private final Map<String, Path> appendedRows = new HashMap<>();

    StreamedWorkbook(XSSFWorkbook template, int rowAccessWindowSize) {
        super(template, rowAccessWindowSize);
    }

    /** Puts the rows in {@code sheetXml} (SpreadsheetML {@code <row>} elements) after the sheet's own rows. */
    void appendRows(String sheetName, Path sheetXml) {
        appendedRows.put(sheetName, sheetXml);
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
        Path rows = appendedRows.get(sheet.getSheetName());
        if (rows == null) {
            return own;
        }
        return out -> {
            own.writeSheetData(out);
            try (InputStream in = Files.newInputStream(rows)) {
                in.transferTo(out);
            }
        };
    }
}
