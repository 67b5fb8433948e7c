package io.chokepoint.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.report.Report;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectSnapshot;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/** Lists longer than a sheet allows go on in "Name (2)", "Name (3)", … each with its own header. */
class SheetSplitTest {

    private static final ReportPeriod PERIOD = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    @Test
    void projectsAndDataGaps_continueOnNumberedSheets_eachWithHeaderAndTable() throws Exception {
        // 11 reported projects, every one missing a capacity, and 7 stage rows without a complete baseline (no
        // baselines at all): 11 project rows and 18 data-gap rows, at 4 rows (+ header) per sheet.
        List<ProjectSnapshot> snapshots = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            snapshots.add(snapshot(String.format("US-P%02d", i)));
        }
        Path xlsx = dir.resolve("split.xlsx");

        new ExcelReportWriter(5).write(report(snapshots), xlsx);

        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            assertThat(ReportFileReader.sheetNames(workbook)).containsExactly("Summary", "Stages",
                    "Country × Stage", "Owners", "Pipeline", "Changes", "Projects", "Projects (2)", "Projects (3)",
                    "Data gaps", "Data gaps (2)", "Data gaps (3)", "Data gaps (4)", "Data gaps (5)", "Baselines",
                    "Methodology");
            List<String> ids = new ArrayList<>();
            for (String name : List.of("Projects", "Projects (2)", "Projects (3)")) {
                Sheet sheet = workbook.getSheet(name);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Id");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                // Each part's rows are an Excel table of its own, with its autofilter (28 columns: A to AB).
                assertThat(((XSSFSheet) sheet).getTables()).singleElement().satisfies(table -> {
                    assertThat(table.getCTTable().getRef()).isEqualTo(name.equals("Projects (3)") ? "A1:AB4" : "A1:AB5");
                    assertThat(table.getCTTable().getAutoFilter().getRef()).isEqualTo(table.getCTTable().getRef());
                    assertThat(table.getColumns().get(0).getName()).isEqualTo("Id");
                });
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(ids).containsExactlyElementsOf(snapshots.stream().map(s -> s.project().id()).toList());

            int gaps = 0;
            for (int part = 1; part <= 5; part++) {
                Sheet sheet = workbook.getSheet(part == 1 ? "Data gaps" : "Data gaps (" + part + ")");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kind");
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(4);
                for (Row row : sheet) {
                    gaps += row.getRowNum() == 0 ? 0 : 1;
                }
            }
            assertThat(gaps).isEqualTo(7 + 11);
        }
    }

    @Test
    void aListThatFits_staysOnOneSheet() throws Exception {
        Path xlsx = dir.resolve("one.xlsx");

        new ExcelReportWriter(5).write(report(List.of(snapshot("US-P01"), snapshot("US-P02"))), xlsx);

        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            assertThat(ReportFileReader.sheetNames(workbook)).contains("Projects").doesNotContain("Projects (2)");
            assertThat(workbook.getSheet("Projects").getLastRowNum()).isEqualTo(2);
        }
    }

    private static ProjectSnapshot snapshot(String id) {
        Project p = new Project(id, id, "Co " + id, List.of(Country.of("US")), "Plant " + id, Country.of("US"),
                null, ChainStage.MAGNET, ProjectStatus.ANNOUNCED, LocalDate.parse("2025-06-01"), null, null,
                LocalDate.parse("2025-06-01"), 2028, null, OfftakeBinding.UNKNOWN, "medium", "News", null);
        ProjectState state = new ProjectState(true, ProjectStatus.ANNOUNCED, 2028, null, null, null);
        return new ProjectSnapshot(PERIOD, p, state, state);
    }

    private static Report report(List<ProjectSnapshot> snapshots) {
        List<Baseline> baselines = List.of();
        AnalysisBuilder builder = Analysis.builder(PERIOD, AnalysisSettings.defaults(), baselines, List.of());
        snapshots.forEach(builder);
        return new Report(PERIOD, LocalDate.parse("2026-02-01"), builder.finish(), baselines, snapshots::forEach);
    }
}
