package io.chokepoint.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFChartAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The December 2025 workbook of the embedded sample, made by the real job, read back as a printer and a reader
 * see it: each sheet's print setup (POI), where the Summary's charts sit, and how many pages LibreOffice prints.
 */
class WorkbookPrintTest {

    private static final ReportPeriod DECEMBER = ReportPeriod.parse("2025-12");

    @TempDir
    static Path dir;
    private static Path xlsx;

    @BeforeAll
    static void runDecember() {
        Path reports = dir.resolve("reports");
        new ReportJob(TrackerDatabase.open(dir.resolve("chokepoint.db"))).start(DECEMBER, reports);
        xlsx = new ReportFiles(reports, DECEMBER).workbook();
    }

    @Test
    void everySheet_printsOnePageWide_withHeaderRowRepeated_titleAndPeriodOnTop_pageNumbersBelow() throws Exception {
        try (XSSFWorkbook workbook = (XSSFWorkbook) ReportFileReader.workbook(xlsx)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(15); // Attribution, Heavy, Controls, Trajectory, Track record
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName();
                PrintSetup print = sheet.getPrintSetup();
                assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                assertThat(print.getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(print.getFitHeight()).as(name + ": as many pages tall as needed").isEqualTo((short) 0);
                // Landscape exactly when the sheet's columns are wider than a portrait A4 page's 494 pt.
                assertThat(print.getLandscape()).as(name).isEqualTo(columnsWidthPt(sheet) > 494);
                assertThat(sheet.getHeader().getCenter()).as(name)
                        .isEqualTo("Chokepoint: rare-earth processing geography, December 2025");
                assertThat(sheet.getHeader().getLeft()).as(name).isEqualTo("&A");
                assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("Page &P of &N");
                if (!name.equals("Summary")) {
                    // The column header row, which every sheet but the Summary's blocks has at the top.
                    assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).as(name).isTrue();
                    assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(CellRangeAddress.valueOf("1:1"));
                } else {
                    // The Summary is blocks of tables, each with its own header: no one row to repeat (its frozen
                    // pane holds the title, sentences and the stage table's header, 17 rows).
                    assertThat(sheet.getRepeatingRows()).isNull();
                }
            }
            // All of today's sheets are wider than a portrait page (Methodology's one column is 150 characters).
            assertThat(workbook.getSheet("Projects").getPrintSetup().getLandscape()).isTrue();
            assertThat(workbook.getSheet("Methodology").getPrintSetup().getLandscape()).isTrue();
        }
    }

    @Test
    void summaryCharts_coverNoCellWithData_andNoOtherChart() throws Exception {
        try (XSSFWorkbook workbook = (XSSFWorkbook) ReportFileReader.workbook(xlsx)) {
            XSSFSheet summary = workbook.getSheet("Summary");
            List<XSSFGraphicFrame> charts = summary.getDrawingPatriarch().getShapes().stream()
                    .filter(XSSFGraphicFrame.class::isInstance).map(XSSFGraphicFrame.class::cast).toList();
            // Share by stage; capacity by country for mining, separation, magnet (complete baselines); tracked
            // capacity for concentration, alloy, recycling (metal has none today: its one figure, LCM's 330 t, is a
            // target, never capacity today); capacity outside China for three stages.
            assertThat(charts).hasSize(10);
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(10);
            List<CellRangeAddress> areas = new ArrayList<>();
            for (XSSFGraphicFrame chart : charts) {
                CellRangeAddress area = covered((XSSFClientAnchor) chart.getAnchor());
                assertThat(area.getNumberOfCells()).as(chart.getName()).isGreaterThan(30);
                for (Row row : summary) {
                    for (Cell cell : row) {
                        if (!new DataFormatter().formatCellValue(cell).isBlank()) {
                            assertThat(area.isInRange(cell)).as("chart %s over %s",
                                    area.formatAsString(), cell.getAddress()).isFalse();
                        }
                    }
                }
                for (CellRangeAddress other : areas) {
                    assertThat(area.intersects(other)).as(area + " and " + other).isFalse();
                }
                areas.add(area);
            }
        }
    }

    @Test
    void summaryShareChart_runsFromZeroTo100Percent() throws Exception {
        try (XSSFWorkbook workbook = (XSSFWorkbook) ReportFileReader.workbook(xlsx)) {
            XSSFSheet summary = workbook.getSheet("Summary");
            XSSFChart share = summary.getDrawingPatriarch().getCharts().stream()
                    .filter(c -> c.getTitleText().getString().startsWith("China share by stage")).findFirst().orElseThrow();
            List<XDDFValueAxis> values = new ArrayList<>();
            for (XDDFChartAxis axis : share.getAxes()) {
                if (axis instanceof XDDFValueAxis v) {
                    values.add(v);
                }
            }
            assertThat(values).singleElement().satisfies(axis -> {
                assertThat(axis.getMinimum()).isEqualTo(0.0);
                assertThat(axis.getMaximum()).isEqualTo(1.0);
            });
            // The shares are stored as fractions of 1 with a percent format, so 1 is 100 %: the sample's metal
            // share, published 97 % (2024), is 0.97 in the chart's table.
            int header = ReportFileReader.row(summary, "Chart data: China share by stage").orElseThrow().getRowNum();
            List<Double> shares = new ArrayList<>();
            for (int r = header + 1; summary.getRow(r) != null && summary.getRow(r).getCell(0) != null; r++) {
                Row row = summary.getRow(r);
                for (int c = 1; c <= 3; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(Cells.PERCENT_FORMAT);
                        shares.add(cell.getNumericCellValue());
                    }
                }
                if (row.getCell(0).getStringCellValue().equals("metal")) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(0.97);
                }
            }
            assertThat(shares).hasSizeGreaterThan(3).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        }
    }

    @Test
    void december2025_printsInAtMost30Pages_inLibreOffice() throws Exception {
        int pages = LibreOffice.printedPages(xlsx, Files.createDirectories(dir.resolve("lo")));

        System.out.println("LibreOffice pages of the December 2025 workbook: " + pages);
        // One page at least per sheet; at most 30 in all (Projects' 28 columns used to print over 100 pages).
        assertThat(pages).isBetween(10, 30);
    }

    /** The cells an anchor covers: from its top-left cell to the cell its bottom-right corner falls in. */
    private static CellRangeAddress covered(XSSFClientAnchor anchor) {
        int lastRow = anchor.getDy2() > 0 ? anchor.getRow2() : anchor.getRow2() - 1;
        int lastColumn = anchor.getDx2() > 0 ? anchor.getCol2() : anchor.getCol2() - 1;
        return new CellRangeAddress(anchor.getRow1(), lastRow, anchor.getCol1(), lastColumn);
    }

    /** The width of the columns up to the last one with a value, in points (7 px a character, 96 px an inch). */
    private static double columnsWidthPt(Sheet sheet) {
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        double px = 0;
        for (int c = 0; c <= last; c++) {
            px += sheet.getColumnWidthInPixels(c);
        }
        return px * 72 / 96;
    }
}
