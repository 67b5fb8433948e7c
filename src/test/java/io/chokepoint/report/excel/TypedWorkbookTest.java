package io.chokepoint.report.excel;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTTitle;

import io.chokepoint.ReportFileReader;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The workbook of December 2025 on the embedded sample, read back with POI: cell types and formats, tables,
 * charts' axis titles, and values worked out from the sample CSVs.
 */
class TypedWorkbookTest {

    private static final ReportPeriod DECEMBER = ReportPeriod.parse("2025-12");
    private static final Pattern DATED = Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])");

    @TempDir
    static Path dir;
    static Path xlsx;

    @BeforeAll
    static void runDecember() {
        TrackerDatabase tracker = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        new ReportJob(tracker).start(DECEMBER, dir.resolve("reports"));
        xlsx = new ReportFiles(dir.resolve("reports"), DECEMBER).workbook();
    }

    @Test
    void everySheet_isAnExcelTable_withAutofilter_frozenHeader_andSizedColumns() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            for (Sheet sheet : workbook) {
                List<XSSFTable> tables = ((XSSFSheet) sheet).getTables();
                assertThat(tables).as(sheet.getSheetName()).isNotEmpty();
                assertThat(sheet.getPaneInformation()).as(sheet.getSheetName()).isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
                for (XSSFTable table : tables) {
                    assertThat(table.getCTTable().getAutoFilter().getRef()).isEqualTo(table.getCTTable().getRef());
                    Row header = sheet.getRow(table.getStartRowIndex());
                    for (int c = 0; c < table.getColumnCount(); c++) {
                        // The table's column names are the header cells' texts, and the column is wider than default.
                        assertThat(table.getColumns().get(c).getName()).as(sheet.getSheetName() + " column " + c)
                                .isEqualTo(header.getCell(c).getStringCellValue());
                        assertThat(sheet.getColumnWidth(c)).isGreaterThanOrEqualTo(12 * 256);
                    }
                }
            }
        }
    }

    @Test
    void noColumn_mixesTextAndNumbers() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            for (Sheet sheet : workbook) {
                for (XSSFTable table : ((XSSFSheet) sheet).getTables()) {
                    for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                        Set<CellType> types = new HashSet<>();
                        for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                            Row row = sheet.getRow(r);
                            Cell cell = row == null ? null : row.getCell(c);
                            if (cell != null && cell.getCellType() != CellType.BLANK) {
                                types.add(cell.getCellType());
                            }
                        }
                        assertThat(types).as(sheet.getSheetName() + " " + table.getColumns().get(c).getName())
                                .hasSizeLessThanOrEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void lsEcoEnergy_typedCells_fromTheSampleRow() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet projects = workbook.getSheet("Projects");
            Row ls = row(projects, "VN-LSEE-01-MET").orElseThrow();
            // No capacity: no number and no text in the capacity column; the disclosure column says so.
            assertThat(ls.getCell(column(projects, "Capacity (t/yr)"))).isNull();
            assertThat(ls.getCell(column(projects, "Capacity disclosed")).getStringCellValue()).isEqualTo("no");
            Cell investment = ls.getCell(column(projects, "Investment"));
            assertThat(investment.getNumericCellValue()).isEqualTo(28_500_000_000.0);
            assertThat(ls.getCell(column(projects, "Investment (US$ m)")).getNumericCellValue()).isEqualTo(19.3);
            Cell announced = ls.getCell(column(projects, "Announced on"));
            assertThat(ReportFileReader.isDate(announced)).isTrue();
            assertThat(announced.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(announced.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 12, 17));
            // Investment and a dated source (Vietnam Investment Review 2025-12-22); no capacity, target year or
            // binding offtake: 2 of 5.
            Cell score = ls.getCell(column(projects, "Disclosure score"));
            assertThat(score.getNumericCellValue()).isEqualTo(2);

            Sheet changes = workbook.getSheet("Changes");
            Row approval = row(changes, "2025-12-17", "new_project").orElseThrow();
            assertThat(approval.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(approval.getCell(column(changes, "Detail")).getStringCellValue())
                    .startsWith("approval: KRW 28.5 bn (\u2248 US$19.3 M)");
        }
    }

    @Test
    void disclosureScores_ofEveryProject_asWorkedOutFromTheSampleCsv_andTheirDistributionOnTheSummary()
            throws Exception {
        Map<String, CSVRecord> sample = new HashMap<>();
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/sample/projects.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                sample.put(r.get("id"), r);
            }
        }
        // A capacity is disclosed on the row or by a typed event of its facility dated by December's end that
        // concerns its stage (v3: US-UCORE-01's 2025 event types 2,000 t/yr).
        java.util.Set<String> typedCapacity = new java.util.HashSet<>();
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/sample/events.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord e : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (!e.get("capacity_tpa").isEmpty() && e.get("date").compareTo("2025-12-31") <= 0) {
                    typedCapacity.add(e.get("facility_id") + "/" + e.get("stage"));
                }
            }
        }
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet projects = workbook.getSheet("Projects");
            Map<String, int[]> byStage = new HashMap<>();
            int checked = 0;
            for (Row row : projects) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                CSVRecord csv = sample.get(row.getCell(0).getStringCellValue());
                // The target year is the state's (events may move it); the other four facts are the row's own.
                boolean timeline = row.getCell(column(projects, "Target year")) != null;
                boolean datedSource = false;
                for (String item : csv.get("sources").split(";")) {
                    datedSource |= DATED.matcher(item.replaceAll("https?://\\S+", "")).find();
                }
                boolean capacity = !csv.get("capacity_tpa").isEmpty()
                        || typedCapacity.contains(csv.get("facility_id") + "/")
                        || typedCapacity.contains(csv.get("facility_id") + "/" + csv.get("stage"));
                int expected = (capacity ? 1 : 0) + (csv.get("investment_amount").isEmpty() ? 0 : 1)
                        + (timeline ? 1 : 0) + (csv.get("offtake_binding").equals("yes") ? 1 : 0) + (datedSource ? 1 : 0);
                assertThat(row.getCell(column(projects, "Disclosure score")).getNumericCellValue())
                        .as(csv.get("id")).isEqualTo(expected);
                checked++;
                String status = row.getCell(column(projects, "Status")).getStringCellValue();
                if (!List.of("operating", "suspended", "cancelled").contains(status)) {
                    byStage.computeIfAbsent(row.getCell(column(projects, "Stage")).getStringCellValue(), s -> new int[6])[expected]++;
                }
            }
            assertThat(checked).isGreaterThan(60);

            Sheet summary = workbook.getSheet("Summary");
            XSSFTable scores = ((XSSFSheet) summary).getTables().stream()
                    .filter(t -> t.getName().equals("DisclosureScores")).findFirst().orElseThrow();
            assertThat(scores.getColumns().stream().map(c -> c.getName()).toList()).containsExactly(
                    "Stage (pipeline projects by disclosure score)", "Score 0", "Score 1", "Score 2", "Score 3",
                    "Score 4", "Score 5", "Pipeline projects");
            for (int r = scores.getStartRowIndex() + 1; r <= scores.getEndRowIndex(); r++) {
                Row row = summary.getRow(r);
                int[] expected = byStage.getOrDefault(row.getCell(0).getStringCellValue(), new int[6]);
                int total = 0;
                for (int score = 0; score <= 5; score++) {
                    assertThat(row.getCell(score + 1).getNumericCellValue()).as(row.getCell(0) + " score " + score)
                            .isEqualTo(expected[score]);
                    total += expected[score];
                }
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(total);
            }
            // The metal pipeline holds the LS Eco Energy project, at score 2.
            assertThat(byStage.get("metal")[2]).isPositive();
        }
    }

    @Test
    void sharesAndChanges_areNumbersWithPercentAndPointFormats() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet stages = workbook.getSheet("Stages");
            Row separation = row(stages, "separation").orElseThrow();
            Cell share = separation.getCell(column(stages, "China share"));
            assertThat(share.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0 %");
            // Baseline 2024 (sample baselines.csv): China 254,000 t REO (quota) and rest of world 25,121; tracked
            // projects added on top only move it by a little.
            assertThat(share.getNumericCellValue()).isCloseTo(254000.0 / (254000 + 25121), within(0.02));
            Cell change = separation.getCell(column(stages, "China share change since last month"));
            assertThat(change.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(change.getCellStyle().getDataFormatString()).isEqualTo("+0.0 \"pp\";-0.0 \"pp\";0.0 \"pp\"");
            // The metal stage has only a published share (97 %): no computed share, no text in its place.
            Row metal = row(stages, "metal").orElseThrow();
            assertThat(metal.getCell(column(stages, "China share"))).isNull();
            assertThat(metal.getCell(column(stages, "Note")).getStringCellValue()).contains("97.0 %");
        }
    }

    @Test
    void everyChart_hasAxisTitlesAndASource_andEveryStageWithDataHasOne() throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            List<XSSFChart> charts = ((XSSFSheet) workbook.getSheet("Summary")).getDrawingPatriarch().getCharts();
            Set<String> titles = new HashSet<>();
            for (XSSFChart chart : charts) {
                String title = chart.getTitleText().getString();
                titles.add(title);
                assertThat(title).contains("Source");
                CTPlotArea plot = chart.getCTChart().getPlotArea();
                assertThat(text(plot.getCatAxArray(0).getTitle())).as(title).isNotBlank();
                assertThat(text(plot.getValAxArray(0).getTitle())).as(title).isNotBlank();
            }
            // The share chart holds the metal stage's published share; separation and magnet have their capacity
            // by country; the rebalancing outside China has its own charts.
            assertThat(titles).anySatisfy(t -> assertThat(t).startsWith("China share by stage").contains("metal: published share 2024"));
            assertThat(titles).anySatisfy(t -> assertThat(t).startsWith("separation: capacity by country"));
            assertThat(titles).anySatisfy(t -> assertThat(t).startsWith("separation: capacity outside China"));
            assertThat(titles).anySatisfy(t -> assertThat(t).startsWith("magnet: capacity outside China"));
        }
    }

    private static String text(CTTitle title) {
        StringBuilder text = new StringBuilder();
        for (var paragraph : title.getTx().getRich().getPArray()) {
            for (var run : paragraph.getRArray()) {
                text.append(run.getT());
            }
        }
        return text.toString();
    }
}
