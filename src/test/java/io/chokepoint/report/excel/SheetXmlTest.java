package io.chokepoint.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large sheets' rows written as XML by SheetXml read back, with POI, as the same cells POI's own streaming writer
 * gives for the same values: text with markup, line breaks, tabs, control characters, a no-break space, leading and
 * trailing spaces, a character outside the BMP and text too long for a cell; numbers; dates in their style.
 */
class SheetXmlTest {

    private static final List<String> TEXTS = List.of("plain", "<b>&\"quoted\"</b>", "two\nlines\r\n", "tab\there",
            "bell\u0007", "no\u00A0break", " leading", "trailing ", "", "=HYPERLINK(\"x\")", "magnet \uD83E\uDDF2",
            "long " + "x".repeat(40_000), "end\uFFFE");

    @TempDir
    Path dir;

    @Test
    void rowsWrittenAsXml_readBackAsPoiWritesThem() throws Exception {
        Path poi = dir.resolve("poi.xlsx");
        Path ours = dir.resolve("ours.xlsx");
        LocalDate day = LocalDate.of(2026, 1, 31);

        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 10);
             OutputStream out = Files.newOutputStream(poi)) {
            Cells cells = new Cells(workbook);
            Sheet sheet = workbook.createSheet("Rows");
            int r = 0;
            for (String text : TEXTS) {
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, text);
                Cells.number(row, 1, r * 1234.5, cells.tonnes);
                cells.date(row, 2, day.minusDays(r));
                Cells.number(row, 30, -r, cells.integer);
            }
            workbook.write(out);
            workbook.dispose();
        }

        Path rows = dir.resolve("rows.xml");
        XSSFWorkbook template = new XSSFWorkbook();
        Cells cells = new Cells(template);
        SheetXml xml;
        try (Writer w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            xml = new SheetXml(w);
            int r = 0;
            for (String text : TEXTS) {
                xml.startRow(r++);
                xml.text(0, text);
                xml.number(1, r * 1234.5, cells.tonnes.getIndex());
                xml.date(2, day.minusDays(r), cells.date.getIndex());
                xml.number(30, -r, cells.integer.getIndex());
                xml.endRow();
            }
        }
        try (StreamedWorkbook workbook = new StreamedWorkbook(template, 10);
             OutputStream out = Files.newOutputStream(ours)) {
            workbook.createSheet("Rows");
            workbook.appendRows("Rows", rows, xml);
            workbook.write(out);
            workbook.dispose();
        }

        try (XSSFWorkbook expected = new XSSFWorkbook(Files.newInputStream(poi));
             XSSFWorkbook actual = new XSSFWorkbook(Files.newInputStream(ours))) {
            Sheet theirs = expected.getSheet("Rows");
            Sheet mine = actual.getSheet("Rows");
            assertThat(mine.getLastRowNum()).isEqualTo(theirs.getLastRowNum()).isEqualTo(TEXTS.size() - 1);
            int cellsCompared = 0;
            for (Row row : theirs) {
                Row other = mine.getRow(row.getRowNum());
                assertThat(other.getPhysicalNumberOfCells()).isEqualTo(row.getPhysicalNumberOfCells());
                for (Cell cell : row) {
                    Cell o = other.getCell(cell.getColumnIndex());
                    String where = cell.getAddress().formatAsString();
                    assertThat(o.getCellType()).as(where).isEqualTo(cell.getCellType());
                    assertThat(o.toString()).as(where).isEqualTo(cell.toString());
                    assertThat(o.getCellStyle().getDataFormatString()).as(where)
                            .isEqualTo(cell.getCellStyle().getDataFormatString());
                    cellsCompared++;
                }
            }
            assertThat(cellsCompared).isEqualTo(TEXTS.size() * 4);
            // The checks above compare with POI; these say what POI gives, so that a change in both is seen.
            assertThat(mine.getRow(1).getCell(0).getStringCellValue()).isEqualTo("<b>&\"quoted\"</b>");
            assertThat(mine.getRow(2).getCell(0).getStringCellValue()).isEqualTo("two\nlines\r\n");
            assertThat(mine.getRow(4).getCell(0).getStringCellValue()).isEqualTo("bell?");
            assertThat(mine.getRow(6).getCell(0).getStringCellValue()).isEqualTo(" leading");
            assertThat(mine.getRow(10).getCell(0).getStringCellValue()).isEqualTo("magnet \uD83E\uDDF2");
            assertThat(mine.getRow(11).getCell(0).getStringCellValue()).hasSize(Cells.MAX_TEXT).contains("[cut: 40,005");
            assertThat(mine.getRow(0).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(day.minusDays(1));
            // The dimension covers the rows put in (readers such as openpyxl's read-only mode read only that far).
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) mine).getDimension().formatAsString())
                    .isEqualTo(((org.apache.poi.xssf.usermodel.XSSFSheet) theirs).getDimension().formatAsString())
                    .isEqualTo("A1:AE" + TEXTS.size());
        }
    }
}
