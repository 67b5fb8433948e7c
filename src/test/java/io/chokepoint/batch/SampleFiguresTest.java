package io.chokepoint.batch;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.batch.runtime.BatchStatus;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The embedded sample's figures with the default settings (target year 2030), as computed independently from the
 * CSVs with the rules of the product brief (issue 12's table), read back from the real job's workbook and PDF.
 */
class SampleFiguresTest {

    private static final ReportPeriod DECEMBER = ReportPeriod.parse("2025-12");
    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");
    /** The embedded sample's CSVs, as the job's tracker was made from them. */
    static final Path SAMPLE_DATA = Path.of("src/main/resources/sample");
    /** The independent figures are given to two decimals of a percent. */
    private static final double HALF_A_HUNDREDTH = 0.00005;

    @TempDir
    static Path dir;
    private static ReportFiles december;
    private static ReportFiles january;

    @BeforeAll
    static void runTheSampleMonths() {
        TrackerDatabase sample = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        Path reports = dir.resolve("reports");
        assertThat(new ReportJob(sample).start(DECEMBER, reports).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(new ReportJob(sample).start(JANUARY, reports).status()).isEqualTo(BatchStatus.COMPLETED);
        december = new ReportFiles(reports, DECEMBER);
        january = new ReportFiles(reports, JANUARY);
    }

    @Test
    void december2025_sharesBaselinesAndProjections() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(december.workbook())) {
            Sheet stages = workbook.getSheet(ExcelReportWriter.STAGES);
            // Mining: USGS MCS 2025's 2024 set; MCS 2026 (the 2025 set) was published only on 2026-01-31.
            assertStage(stages, "mining", 2024, 0.6923, null, null);
            assertThat(date(stages, "mining", "Baseline published on")).isEqualTo("2025-01-31");
            assertThat(text(stages, "mining", "Baseline source")).contains("USGS MCS 2025");
            // Not computable: the projection cells stay empty (never 0) and the note says why, as text. Three
            // projects (v3 sample): AU-NTU-01-MIN (2028), US-USAR-02-MIN (2028), AO-PENSANA-01-MIN (2026).
            Row mining = row(stages, "mining").orElseThrow();
            assertThat(mining.getCell(column(stages, "Projected China share 2030 (as announced)"))).isNull();
            assertThat(mining.getCell(column(stages, "Projected China share 2030 (risk-weighted)"))).isNull();
            assertThat(text(stages, "mining", "Projection note"))
                    .isEqualTo("not computable (3 projects, capacity undisclosed)");
            // Issue 22's figures (rules v3), also computed by IndependentShares from the sample CSVs.
            assertStage(stages, "separation", 2024, 0.9100, 0.8351, 0.8624);
            assertStage(stages, "magnet", 2025, 0.9246, 0.8849, 0.9121);
            assertAgrees(stages, "separation", DECEMBER);
            assertAgrees(stages, "magnet", DECEMBER);
            assertAgrees(stages, "mining", DECEMBER);
            // The IEA's published 2030 projections stand beside ours, with their source.
            assertThat(number(stages, "mining", "Published China share 2030 (projection)")).isCloseTo(0.54, within(1e-9));
            assertThat(number(stages, "separation", "Published China share 2030 (projection)")).isCloseTo(0.77, within(1e-9));
            assertThat(text(stages, "separation", "Published projection source")).contains("IEA");
        }
        assertThat(firstPage(december.pdf())).contains("not computable (3 projects, capacity undisclosed)")
                .contains("2030 as announced").contains("2030 risk-weighted")
                .contains("54.0 %").contains("77.0 %").contains("83.5 %").contains("86.2 %")
                .contains("88.5 %").contains("91.2 %").contains("published 2025-01-31")
                // Page 1 names the month's story first: LS Eco Energy's metallization approval in Vietnam.
                // The money is the approval event's typed amount (events.csv: KRW 28500000000, source's US$19.25 M,
                // other, committed), as known on 2025-12-31.
                .contains("What moved this month \u2022 LS Eco Energy (majority-owned by LS Cable & System) in Vietnam, "
                        + "owned from South Korea \u2014 metal: new in the tracker, approved; funding KRW 28.5 bn "
                        + "(\u2248 US$19.3 M), committed (other). Still undisclosed: capacity, target year, binding "
                        + "offtake.")
                // The sources give 94.0 % for magnets: page 1, full in December (heavy rare earths, funding), points
                // to the workbook's Summary sheet, which says why ours is 92.5 %.
                .containsPattern("Why ours differs from \\d+ more published figures?: the workbook's Summary sheet\\.")
                .contains("What is solid and what is soft");
        try (Workbook workbook = ReportFileReader.workbook(december.workbook())) {
            assertThat(String.join("\n", ReportFileReader.cells(workbook.getSheet("Summary").getWorkbook())))
                    .contains("magnet: 92.5 % here, 94.0 % published");
        }
    }

    @Test
    void january2026_usarCommissioning_movesTheMagnetProjection_andMiningTakesTheNewBaseline() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(january.workbook())) {
            Sheet stages = workbook.getSheet(ExcelReportWriter.STAGES);
            assertStage(stages, "magnet", 2025, 0.9246, 0.8849, 0.9099);
            assertAgrees(stages, "magnet", JANUARY);
            assertStage(stages, "mining", 2025, 0.6923, null, null);
            assertThat(date(stages, "mining", "Baseline published on")).isEqualTo("2026-01-31");

            // USAR Stillwater's target_change of 2026-01-06 carried both a status and a target year.
            Sheet changes = workbook.getSheet(ExcelReportWriter.CHANGES);
            List<List<String>> usar = changeRows(changes, "US-USAR-01");
            assertThat(usar).contains(List.of("status_change", "announced", "commissioning"))
                    .contains(List.of("slip", "2023", "2026"));
            // A row appears only when something differs between the two dates.
            for (Row r : changes) {
                if (r.getRowNum() > 0 && cell(r, column(changes, "Kind")).equals("change")) {
                    assertThat(cell(r, column(changes, "From"))).as("row %d", r.getRowNum())
                            .isNotEqualTo(cell(r, column(changes, "To")));
                }
            }
        }
    }

    @Test
    void december2025_newsAsKnownThen_arafurasPlacement_roundTopFirstTracked_nothingFromLater() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(december.workbook())) {
            Sheet changes = workbook.getSheet(ExcelReportWriter.CHANGES);
            // events.csv: AU-ARAFURA-01 2025-12-12 financing, 475000000 AUD, equity, closed; it changed no state.
            Row arafura = rowsOf(changes, "AU-ARAFURA-01").stream()
                    .filter(r -> cell(r, column(changes, "Change")).equals("financing")).findFirst().orElseThrow();
            assertThat(cell(arafura, column(changes, "Kind"))).isEqualTo("news");
            assertThat(cell(arafura, column(changes, "Amount"))).isEqualTo("AUD 475 M, closed (equity)");
            // Round Top: no announced_on, its first fact is the 2025-12-10 target_change, not an announcement.
            assertThat(rowsOf(changes, "US-USAR-02")).extracting(r -> cell(r, column(changes, "Change")))
                    .contains("first_tracked").doesNotContain("new_project");
            // As known then: no status date, source item or baseline from after 2025-12-31 (notes are labelled current).
            Sheet projects = workbook.getSheet(ExcelReportWriter.PROJECTS);
            java.util.regex.Pattern iso = java.util.regex.Pattern.compile("\\b20\\d\\d-\\d\\d(-\\d\\d)?\\b");
            for (Row r : projects) {
                if (r.getRowNum() == 0) {
                    continue;
                }
                Cell asOf = r.getCell(column(projects, "Status as of"));
                if (asOf != null) {
                    assertThat(asOf.getLocalDateTimeCellValue().toLocalDate()).isBeforeOrEqualTo(DECEMBER.lastDay());
                }
                java.util.regex.Matcher m = iso.matcher(cell(r, column(projects, "Sources"))
                        .replaceAll("https?://\\S+", ""));
                while (m.find()) {
                    assertThat(m.group()).as(cell(r, 0)).isLessThanOrEqualTo("2025-12-31");
                }
            }
            assertThat(column(projects, "Notes (current)")).isNotNegative();
            Sheet baselines = workbook.getSheet(ExcelReportWriter.BASELINES);
            for (Row r : baselines) {
                if (r.getRowNum() > 0) {
                    // USGS MCS 2026's mining 2025 set was published on 2026-01-31.
                    assertThat(cell(r, column(baselines, "Stage")) + " " + (int) r.getCell(column(baselines, "Year"))
                            .getNumericCellValue()).isNotEqualTo("mining 2025");
                }
            }
            for (Row r : changes) {
                for (org.apache.poi.ss.usermodel.Cell c : r) {
                    if (c.getCellType() == CellType.STRING) {
                        assertThat(c.getStringCellValue()).doesNotContain("277");
                    }
                }
            }
        }
        String page1 = firstPage(december.pdf());
        assertThat(page1).contains("Funding this month")
                .contains("Arafura Rare Earths (mining, concentration, separation, 2025-12-12): financing AUD 475 M, "
                        + "closed (equity).")
                .doesNotContain("277").doesNotContain("an undisclosed amount of");
        // No date after the period in the summary (its sources, news, changes and parts).
        String json = java.nio.file.Files.readString(december.summary());
        // Export controls carry the dates they were scheduled for (a suspension until 2026-11-10, an effective date
        // in 2027), known on the period's last day: only announcements are facts dated by then (issue 23).
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        tree.get("controls").get("list").forEach(c -> assertThat(c.get("announcedOn").asText())
                .isLessThanOrEqualTo("2025-12-31"));
        tree.remove(java.util.List.of("controls", "exposure", "heavyBlock"));
        json = tree.toString();
        java.util.regex.Matcher dates = java.util.regex.Pattern.compile("\\b(20\\d\\d-\\d\\d-\\d\\d)\\b").matcher(json);
        while (dates.find()) {
            assertThat(dates.group(1)).as("a date in summary-2025-12.json: %s",
                    json.substring(Math.max(0, dates.start() - 150), dates.end())).isLessThanOrEqualTo("2025-12-31");
        }
        assertThat(json).doesNotContain("277")
                .contains("USA Rare Earth (USAR) in United States \u2014 mining, separation: first tracked");
    }

    private static List<Row> rowsOf(Sheet sheet, String facility) {
        List<Row> rows = new ArrayList<>();
        for (Row r : sheet) {
            if (r.getRowNum() > 0 && facility.equals(cell(r, column(sheet, "Facility id")))) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static String firstPage(Path pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setEndPage(1);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void assertStage(Sheet stages, String stage, int baselineYear, double share, Double announced,
                                    Double weighted) {
        Row row = row(stages, stage).orElseThrow();
        assertThat(row.getCell(column(stages, "Baseline year")).getNumericCellValue()).isEqualTo(baselineYear);
        assertThat(row.getCell(column(stages, "China share")).getNumericCellValue())
                .isCloseTo(share, within(HALF_A_HUNDREDTH));
        if (announced != null) {
            assertThat(row.getCell(column(stages, "Projected China share 2030 (as announced)")).getNumericCellValue())
                    .isCloseTo(announced, within(HALF_A_HUNDREDTH));
            assertThat(row.getCell(column(stages, "Projected China share 2030 (risk-weighted)")).getNumericCellValue())
                    .isCloseTo(weighted, within(HALF_A_HUNDREDTH));
        }
    }

    /** The job's shares equal those of the independent reading of the rules, to a hundredth of a point. */
    private static void assertAgrees(Sheet stages, String stage, ReportPeriod period) throws java.io.IOException {
        IndependentShares.Shares expected = new IndependentShares(SAMPLE_DATA)
                .shares(stage, period.month());
        Row row = row(stages, stage).orElseThrow();
        assertThat(100 * row.getCell(column(stages, "China share")).getNumericCellValue())
                .isCloseTo(expected.now(), within(0.005));
        Cell announced = row.getCell(column(stages, "Projected China share 2030 (as announced)"));
        if (announced != null) {
            assertThat(100 * announced.getNumericCellValue()).isCloseTo(expected.announced(), within(0.005));
            assertThat(100 * row.getCell(column(stages, "Projected China share 2030 (risk-weighted)"))
                    .getNumericCellValue()).isCloseTo(expected.weighted(), within(0.005));
        }
    }

    private static String text(Sheet sheet, String stage, String header) {
        Cell cell = row(sheet, stage).orElseThrow().getCell(column(sheet, header));
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    /** A date cell, as ISO text. */
    private static String date(Sheet sheet, String stage, String header) {
        Cell cell = row(sheet, stage).orElseThrow().getCell(column(sheet, header));
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }

    private static double number(Sheet sheet, String stage, String header) {
        Cell cell = row(sheet, stage).orElseThrow().getCell(column(sheet, header));
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    private static List<List<String>> changeRows(Sheet changes, String facility) {
        int facilityColumn = column(changes, "Facility id");
        List<List<String>> rows = new ArrayList<>();
        for (Row r : changes) {
            if (r.getRowNum() > 0 && facility.equals(cell(r, facilityColumn))) {
                rows.add(List.of(cell(r, column(changes, "Change")), cell(r, column(changes, "From")),
                        cell(r, column(changes, "To"))));
            }
        }
        return rows;
    }

    private static String cell(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }
}
