package io.chokepoint.report.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.chokepoint.report.AtomicFile;
import io.chokepoint.report.Report;
import io.chokepoint.summary.CapacityTally;
import io.chokepoint.summary.CountryStageCell;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectSnapshot;
import io.chokepoint.tracking.ProjectState;

/**
 * Writes a period's report as an Excel workbook with Apache POI. The workbook is streamed (SXSSF), so the
 * Projects sheet costs memory for a window of rows, not for every project. Text from the data is always written
 * as a string cell, never as a formula, whatever it starts with.
 */
public final class ExcelReportWriter {

    /** Sheet names, as users and their scripts see them. */
    public static final String STAGES = "Stages";
    public static final String COUNTRY_STAGE = "Country × Stage";
    public static final String PROJECTS = "Projects";
    public static final String BASELINES = "Baselines";

    /** The value shown where projects exist but none disclosed a capacity. */
    public static final String UNDISCLOSED = "undisclosed";
    public static final String NOT_COMPARABLE = "not comparable";

    public void write(Report report, Path target) {
        AtomicFile.write(target, out -> {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
                Styles styles = new Styles(workbook);
                writeStages(workbook.createSheet(STAGES), report, styles);
                writeCountryStage(workbook.createSheet(COUNTRY_STAGE), report, styles);
                writeProjects(workbook.createSheet(PROJECTS), report, styles);
                writeBaselines(workbook.createSheet(BASELINES), report, styles);
                workbook.write(out);
            }
        });
    }

    private void writeStages(SXSSFSheet sheet, Report report, Styles styles) {
        header(sheet, styles, "Stage", "Unit", "Baseline year", "China share", "Top-3 share", "HHI",
                "Ex-China operating capacity", "Total operating capacity", "Tracked operating projects",
                "Tracked operating capacity", "Tracked pipeline projects", "Tracked pipeline capacity",
                "Not comparable projects", "Note");
        int r = 1;
        for (StageSummary s : report.summary().stages()) {
            Row row = sheet.createRow(r++);
            text(row, 0, s.stage().code());
            text(row, 1, s.unit());
            if (s.hasCompleteBaseline()) {
                number(row, 2, s.baselineYear().get(), styles.integer);
                share(row, 3, s.chinaSharePercent(), styles);
                share(row, 4, s.top3SharePercent(), styles);
                optionalNumber(row, 5, s.hhi(), styles.tonnes);
                optionalNumber(row, 6, s.exChinaCapacity(), styles.tonnes);
                number(row, 7, s.totalOperating(), styles.tonnes);
            }
            number(row, 8, s.trackedOperating().projects(), styles.integer);
            capacity(row, 9, s.trackedOperating(), styles);
            number(row, 10, s.trackedPipeline().projects(), styles.integer);
            capacity(row, 11, s.trackedPipeline(), styles);
            number(row, 12, s.notComparable().size(), styles.integer);
            text(row, 13, s.hasCompleteBaseline() ? "" : noBaselineNote(s));
        }
        wide(sheet, 13);
        finish(sheet, 14, r);
    }

    static String noBaselineNote(StageSummary s) {
        return "no complete baseline" + s.publishedShare()
                .map(b -> "; published China share " + b.sharePercent().getAsDouble() + " % (" + b.year() + ", "
                        + b.source() + ")")
                .orElse("");
    }

    private void writeCountryStage(SXSSFSheet sheet, Report report, Styles styles) {
        header(sheet, styles, "Country code", "Country", "Stage", "Projects", "Operating projects",
                "Operating capacity", "Pipeline projects", "Pipeline capacity", "Unit",
                "Capacity undisclosed (projects)", "Capacity not comparable (projects)");
        int r = 1;
        for (CountryStageCell c : report.summary().cells()) {
            Row row = sheet.createRow(r++);
            text(row, 0, c.country().code());
            text(row, 1, c.country().displayName());
            text(row, 2, c.stage().code());
            number(row, 3, c.projects(), styles.integer);
            number(row, 4, c.operating().projects(), styles.integer);
            capacity(row, 5, c.operating(), styles);
            number(row, 6, c.pipeline().projects(), styles.integer);
            capacity(row, 7, c.pipeline(), styles);
            text(row, 8, report.summary().settings().canonicalUnit(c.stage()));
            number(row, 9, c.operating().undisclosed() + c.pipeline().undisclosed(), styles.integer);
            number(row, 10, c.operating().notComparable() + c.pipeline().notComparable(), styles.integer);
        }
        finish(sheet, 11, r);
    }

    private void writeProjects(SXSSFSheet sheet, Report report, Styles styles) {
        header(sheet, styles, "Id", "Facility id", "Company", "Facility", "Country", "Owner country", "Stage",
                "Status", "Capacity (t/yr)", "Capacity unit", "Capacity basis", "Target year", "Investment",
                "Currency", "Investment (US$ m)", "Announced on", "Binding offtake", "Confidence", "Sources");
        int[] r = {1};
        report.projects().forEach(snapshot -> {
            if (!snapshot.current().reported()) {
                return;
            }
            Row row = sheet.createRow(r[0]++);
            Project p = snapshot.project();
            ProjectState s = snapshot.current();
            text(row, 0, p.id());
            text(row, 1, p.facilityId());
            text(row, 2, p.company());
            text(row, 3, p.facility());
            text(row, 4, p.country().code());
            text(row, 5, String.join(";", p.ownerCountries().stream().map(Object::toString).toList()));
            text(row, 6, p.stage().code());
            text(row, 7, s.status().code());
            if (p.capacity() != null) {
                number(row, 8, p.capacity().tonnesPerYear(), styles.tonnes);
                text(row, 9, p.capacity().unit());
                text(row, 10, p.capacity().basis().code());
            } else {
                text(row, 8, UNDISCLOSED);
            }
            if (s.targetYear() != null) {
                number(row, 11, s.targetYear(), styles.integer);
            }
            if (p.investment() != null) {
                number(row, 12, p.investment().amount().doubleValue(), styles.tonnes);
                text(row, 13, p.investment().currency());
                if (p.investment().usdMillions() != null) {
                    number(row, 14, p.investment().usdMillions(), styles.decimal);
                }
            }
            if (p.announcedOn() != null) {
                text(row, 15, p.announcedOn().toString());
            }
            text(row, 16, p.offtakeBinding().code());
            text(row, 17, p.confidence());
            text(row, 18, p.sources());
        });
        wide(sheet, 2, 3, 18);
        finish(sheet, 19, r[0]);
    }

    private void writeBaselines(SXSSFSheet sheet, Report report, Styles styles) {
        header(sheet, styles, "Country", "Stage", "Year", "Value (t/yr)", "Unit", "Basis", "Published share",
                "Source", "Confidence", "Notes");
        int r = 1;
        for (Baseline b : report.baselines()) {
            Row row = sheet.createRow(r++);
            text(row, 0, b.country().code());
            text(row, 1, b.stage().code());
            number(row, 2, b.year(), styles.integer);
            if (b.hasValue()) {
                number(row, 3, b.valueTpa(), styles.tonnes);
                text(row, 4, b.unit());
            }
            text(row, 5, b.basis());
            if (b.sharePercent().isPresent()) {
                number(row, 6, b.sharePercent().getAsDouble() / 100, styles.percent);
            }
            text(row, 7, b.source());
            text(row, 8, b.confidence());
            text(row, 9, b.notes());
        }
        wide(sheet, 7, 9);
        finish(sheet, 10, r);
    }

    private static void header(SXSSFSheet sheet, Styles styles, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, 1);
        // Widths from the headers: measuring every cell (auto-size) costs too much on a million-row sheet.
        for (int i = 0; i < names.length; i++) {
            sheet.setColumnWidth(i, Math.min(Math.max(names[i].length() + 4, 12), 60) * 256);
        }
    }

    private static void finish(SXSSFSheet sheet, int columns, int rows) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
    }

    private static void wide(Sheet sheet, int... columns) {
        for (int column : columns) {
            sheet.setColumnWidth(column, 40 * 256);
        }
    }

    /** Always a string cell: a value such as "=HYPERLINK(...)" from the data stays literal text. */
    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void optionalNumber(Row row, int column, Optional<Double> value, CellStyle style) {
        value.ifPresent(v -> number(row, column, v, style));
    }

    private static void share(Row row, int column, Optional<Double> percent, Styles styles) {
        percent.ifPresent(p -> number(row, column, p / 100, styles.percent));
    }

    private static void capacity(Row row, int column, CapacityTally tally, Styles styles) {
        if (tally.projects() == 0) {
            return;
        }
        if (tally.comparable() > 0) {
            number(row, column, tally.tonnes(), styles.tonnes);
        } else {
            text(row, column, tally.allUndisclosed() ? UNDISCLOSED : NOT_COMPARABLE);
        }
    }

    /** The few cell styles the workbook uses, created once per workbook. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle integer;
        final CellStyle tonnes;
        final CellStyle decimal;
        final CellStyle percent;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            integer = numberStyle(workbook, "0");
            tonnes = numberStyle(workbook, "#,##0");
            decimal = numberStyle(workbook, "#,##0.0");
            percent = numberStyle(workbook, "0.0%");
        }

        private static CellStyle numberStyle(SXSSFWorkbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }

}
