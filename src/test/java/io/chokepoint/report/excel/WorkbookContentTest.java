package io.chokepoint.report.excel;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestTrackers;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

class WorkbookContentTest {

    @TempDir
    Path dir;

    @Test
    void allSheets_inOrder_withNativeChartsOnSummary() throws Exception {
        Path xlsx = runSmallTracker();

        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            assertThat(ReportFileReader.sheetNames(workbook)).containsExactly("Summary", "Trajectory", "Track record",
                    "Stages", "Country × Stage", "Owners", "Pipeline", "Changes", "Attribution", "Projects", "Data gaps",
                    "Baselines", "Heavy", "Controls", "Methodology");
            // Mining and magnet have complete baselines: the share chart, one capacity chart and one chart of capacity
            // outside China each; separation has only tracked capacity (Canada's 100 t REO): one chart.
            assertThat(((XSSFSheet) workbook.getSheet("Summary")).getDrawingPatriarch().getCharts()).hasSize(6);
            Sheet projects = workbook.getSheet("Projects");
            assertThat(projects.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((XSSFSheet) projects).getTables()).singleElement()
                    .satisfies(t -> assertThat(t.getCTTable().isSetAutoFilter()).isTrue());
            Cell capacity = row(projects, "US-MINE-01-MIN").orElseThrow().getCell(column(projects, "Capacity (t/yr)"));
            assertThat(capacity.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(capacity.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            // CA-PIPE-02-SEP reports 5 t NdPr oxide at a stage counted in t REO: listed as a unit gap, with the
            // project's own row, as are its missing facts (no investment, no binding offtake).
            Sheet gaps = workbook.getSheet("Data gaps");
            Row unit = row(gaps, "unit", "CA-PIPE-02-SEP").orElseThrow();
            assertThat(unit.getCell(column(gaps, "Company")).getStringCellValue()).isEqualTo("Northern Oxides");
            assertThat(unit.getCell(column(gaps, "Country")).getStringCellValue()).isEqualTo("CA");
            assertThat(unit.getCell(column(gaps, "Missing")).getStringCellValue())
                    .isEqualTo("capacity not in t REO: counted, not summed");
            assertThat(row(gaps, "project", "CA-PIPE-02-SEP").orElseThrow().getCell(column(gaps, "Missing"))
                    .getStringCellValue()).isEqualTo("investment, binding offtake");
            assertThat(row(gaps, "unit", "CA-PIPE-01-SEP")).isEmpty();
            // The Summary sheet opens with the PDF's generated sentences.
            assertThat(workbook.getSheet("Summary").getRow(3).getCell(0).getStringCellValue())
                    .isEqualTo("What moved this month");
            assertThat(ReportFileReader.cells(workbook)).anyMatch(c -> c.startsWith("Summary!")
                    && c.contains("Of the stages with a complete baseline"));
            // The methodology prints the weights it used.
            assertThat(ReportFileReader.cells(workbook)).anyMatch(c -> c.startsWith("Methodology!")
                    && c.contains("Risk weights used: study 0.10, announced 0.20"));
        }
    }

    @Test
    void namesThatLookLikeFormulas_stayLiteralText() throws Exception {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        String[] names = {"=HYPERLINK(\"http://evil\",\"x\")", "+SUM(A1:A9)", "-2+3", "@cmd"};
        for (int i = 0; i < names.length; i++) {
            int n = i;
            tracker.jdbi().useHandle(h -> h.createUpdate("""
                            INSERT INTO project (id, facility_id, company, owner_country, facility, country, stage,
                                                 status, status_as_of, offtake_binding, sources)
                            VALUES (:id, :id, :name, 'US', :name, 'US', 'magnet', 'announced', '2025-06-01', 'unknown', 'News')""")
                    .bind("id", "US-F" + n + "-MAG").bind("name", names[n]).execute());
        }

        new ReportJob(tracker).start(ReportPeriod.parse("2026-01"), dir.resolve("reports"));

        Path xlsx = new ReportFiles(dir.resolve("reports"), ReportPeriod.parse("2026-01")).workbook();
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet projects = workbook.getSheet("Projects");
            for (int i = 0; i < names.length; i++) {
                Row row = row(projects, "US-F" + i + "-MAG").orElseThrow();
                for (String header : List.of("Company", "Facility")) {
                    Cell cell = row.getCell(column(projects, header));
                    assertThat(cell.getCellType()).as(names[i]).isEqualTo(CellType.STRING);
                    assertThat(cell.getStringCellValue()).isEqualTo(names[i]);
                }
            }
        }
    }

    @Test
    void december2025_changesListWhatMovedInDecember_withTheEventsThatCarriedIt() throws Exception {
        Path db = dir.resolve("chokepoint.db");
        Path reports = dir.resolve("reports");
        TrackerDatabase tracker = TrackerDatabase.open(db);
        ReportJob job = new ReportJob(tracker);
        job.start(ReportPeriod.parse("2025-11"), reports);

        job.start(ReportPeriod.parse("2025-12"), reports);

        // December's events in the sample: Arafura's financing (status financing before and after: nothing moved,
        // so no change row), and three projects first reported in December, each carried by its event.
        List<String> december = new ArrayList<>();
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/sample/events.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord e : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (e.get("date").startsWith("2025-12")) {
                    december.add(e.get("date") + " " + e.get("event") + " " + e.get("facility_id"));
                }
            }
        }
        // v3 sample: Arafura's placement is dated 2025-12-12 (tranche 2), and Energy Fuels' HREE update of
        // 2025-12-19 is untyped (no state moves): both are news rows, the other three carry changes.
        assertThat(december).containsExactlyInAnyOrder("2025-12-12 financing AU-ARAFURA-01",
                "2025-12-10 target_change US-USAR-02", "2025-12-12 announcement US-LSCS-01",
                "2025-12-17 approval VN-LSEE-01", "2025-12-19 capacity_revision US-EF-01");
        Path xlsx = new ReportFiles(reports, ReportPeriod.parse("2025-12")).workbook();
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet changes = workbook.getSheet("Changes");
            List<String> listed = new ArrayList<>();
            for (Row row : changes) {
                if (row.getRowNum() > 0 && "yes".equals(row.getCell(column(changes, "Recorded as event")).getStringCellValue())
                        && "change".equals(row.getCell(column(changes, "Kind")).getStringCellValue())) {
                    listed.add(ReportFileReader.text(row.getCell(0)) + " " + row.getCell(1).getStringCellValue() + " "
                            + row.getCell(2).getStringCellValue() + " "
                            + row.getCell(column(changes, "Detail")).getStringCellValue().split(":")[0]);
                }
            }
            // Round Top has no announced_on and its first fact is a target_change: first tracked, not new.
            assertThat(listed).containsExactlyInAnyOrder("2025-12-10 first_tracked US-USAR-02 target_change",
                    "2025-12-12 new_project US-LSCS-01 announcement", "2025-12-17 new_project VN-LSEE-01 approval");
            List<String> news = new ArrayList<>();
            for (Row row : changes) {
                if (row.getRowNum() > 0 && "news".equals(row.getCell(column(changes, "Kind")).getStringCellValue())) {
                    news.add(ReportFileReader.text(row.getCell(0)) + " " + row.getCell(1).getStringCellValue() + " "
                            + row.getCell(2).getStringCellValue());
                }
            }
            assertThat(news).containsExactlyInAnyOrder("2025-12-12 financing AU-ARAFURA-01",
                    "2025-12-19 capacity_revision US-EF-01");
            Row ls = row(changes, "2025-12-17", "new_project").orElseThrow();
            assertThat(ls.getCell(column(changes, "Project ids")).getStringCellValue()).isEqualTo("VN-LSEE-01-MET");
            assertThat(ls.getCell(column(changes, "To")).getStringCellValue()).isEqualTo("approved");
            assertThat(ls.getCell(column(changes, "Source")).getStringCellValue()).contains("LSCV 2025-12-17");
        }
        // The PDF's "what changed" section names the same changes.
        String pdf = ReportFileReader.pdfText(new ReportFiles(reports, ReportPeriod.parse("2025-12")).pdf());
        // Up to the heavy section (issue 23), whose relieving projects include Arafura's separation row.
        String changed = pdf.substring(pdf.indexOf("What changed this month"),
                pdf.lastIndexOf("Heavy rare earths and controls"));
        assertThat(changed).contains("US-USAR-02").contains("US-LSCS-01").contains("VN-LSEE-01")
                .doesNotContain("AU-ARAFURA-01").contains("3 changes in December 2025");
    }

    private Path runSmallTracker() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        new ReportJob(tracker).start(ReportPeriod.parse("2026-01"), dir.resolve("reports"));
        return new ReportFiles(dir.resolve("reports"), ReportPeriod.parse("2026-01")).workbook();
    }
}
