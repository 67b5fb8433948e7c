package io.chokepoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads produced reports back: workbook rows with POI, PDF text with PDFBox. */
public final class ReportFileReader {
    private ReportFileReader() {
    }

    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static Workbook workbook(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    /**
     * Every sheet's cells as displayed, row by row, each row led by "sheet!row", each value passed through
     * {@code clean} (e.g. to drop generated-at stamps): two workbooks with the same content give equal lists.
     */
    public static java.util.List<java.util.List<String>> displayedRows(Path xlsx,
            java.util.function.UnaryOperator<String> clean) throws IOException {
        org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        try (Workbook workbook = workbook(xlsx)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    java.util.List<String> values = new java.util.ArrayList<>();
                    values.add(sheet.getSheetName() + "!" + row.getRowNum());
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        values.add(clean.apply(format.formatCellValue(cell)));
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    /**
     * The first row of the sheet whose leading cells equal {@code keys}: text cells as text, date cells as their
     * ISO date ({@code 2025-12-17}).
     */
    public static Optional<Row> row(Sheet sheet, String... keys) {
        for (Row row : sheet) {
            boolean match = true;
            for (int i = 0; i < keys.length && match; i++) {
                Cell cell = row.getCell(i);
                match = cell != null && (cell.getCellType() == CellType.STRING || isDate(cell))
                        && keys[i].equals(text(cell));
            }
            if (match) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** A text cell's text, or a date cell's ISO date; fails on anything else. */
    public static String text(Cell cell) {
        if (isDate(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return cell.getStringCellValue();
    }

    /** A numeric cell with a date format: how Excel stores a date. */
    public static boolean isDate(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
    }

    /** Column index of a header in the sheet's first row. */
    public static int column(Sheet sheet, String header) {
        Row first = sheet.getRow(0);
        for (Cell cell : first) {
            if (header.equals(cell.getStringCellValue())) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column '" + header + "' in sheet " + sheet.getSheetName());
    }

    /** Every cell of every sheet as {@code Sheet!row:column TYPE value}, in sheet, row and column order. */
    public static List<String> cells(Workbook workbook) {
        List<String> cells = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    cells.add(sheet.getSheetName() + "!" + cell.getRowIndex() + ":" + cell.getColumnIndex() + " "
                            + cell.getCellType() + " " + switch (cell.getCellType()) {
                                case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                                case STRING -> cell.getStringCellValue();
                                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                                case FORMULA -> cell.getCellFormula();
                                default -> "";
                            });
                }
            }
        }
        return cells;
    }

    public static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }
}
