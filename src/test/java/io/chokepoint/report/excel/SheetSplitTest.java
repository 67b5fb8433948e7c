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
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Past a sheet's row limit: the Projects sheet says so in its first row and the full list goes to
 * projects-YYYY-MM.csv.gz; Data gaps goes on in "Data gaps (2)", "Data gaps (3)", … each with its own header.
 */
class SheetSplitTest {

    private static final ReportPeriod PERIOD = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    @Test
    void projectsPastTheRowLimit_sheetSaysSoInItsFirstRow_andEveryProjectGoesToTheCsvBesideIt() throws Exception {
        // 11 reported projects, every one missing a capacity, and 7 stage rows without a complete baseline (no
        // baselines at all): 11 projects and 18 data-gap rows, at 5 rows a sheet.
        List<PeriodProject> snapshots = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            snapshots.add(snapshot(String.format("US-P%02d", i)));
        }
        Path xlsx = dir.resolve("chokepoint-2026-01.xlsx");

        new ExcelReportWriter(5).write(report(snapshots), xlsx);

        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            assertThat(ReportFileReader.sheetNames(workbook)).containsExactly("Summary", "Stages",
                    "Country × Stage", "Owners", "Pipeline", "Changes", "Attribution", "Projects",
                    "Data gaps", "Data gaps (2)", "Data gaps (3)", "Data gaps (4)", "Data gaps (5)", "Baselines",
                    "Methodology");
            Sheet projects = workbook.getSheet("Projects");
            assertThat(projects.getRow(0).getCell(0).getStringCellValue()).isEqualTo("This sheet lists the first 3"
                    + " of the 11 projects (Excel's row limit). All of them are in projects-2026-01.csv.gz, beside"
                    + " this workbook.");
            assertThat(projects.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Id");
            assertThat(projects.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            // The rows are an Excel table with its autofilter, from the header (28 columns: A to AB).
            assertThat(((XSSFSheet) projects).getTables()).singleElement().satisfies(table ->
                    assertThat(table.getCTTable().getRef()).isEqualTo("A2:AB5"));
            assertThat(projects.getLastRowNum()).isEqualTo(4);
            List<String> shown = new ArrayList<>();
            for (int r = 2; r <= projects.getLastRowNum(); r++) {
                shown.add(projects.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(shown).containsExactly("US-P01", "US-P02", "US-P03");

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

            // The CSV: the sheet's header, then every project, with the same values as the sheet's rows.
            List<String> lines = csvLines(dir.resolve("projects-2026-01.csv.gz"));
            assertThat(lines).hasSize(1 + 11);
            assertThat(lines.get(0)).startsWith("Id,Facility id,Company,Facility,Country,Region,Owner country,Stage,")
                    .endsWith(",Capacity disclosed,Investment disclosed,Status as of");
            assertThat(lines.subList(1, 12)).extracting(l -> l.split(",", -1)[0])
                    .containsExactlyElementsOf(snapshots.stream().map(s -> s.project().id()).toList());
            for (int r = 2; r <= 4; r++) {
                String[] fields = lines.get(r - 1).split(",", -1);
                Row row = projects.getRow(r);
                assertThat(fields).hasSize(28);
                assertThat(fields[2]).isEqualTo(row.getCell(2).getStringCellValue());
                assertThat(fields[8]).isEqualTo(row.getCell(8).getStringCellValue());
                assertThat(Integer.parseInt(fields[13])).isEqualTo((int) row.getCell(13).getNumericCellValue());
                assertThat(Integer.parseInt(fields[22])).isEqualTo((int) row.getCell(22).getNumericCellValue());
                assertThat(fields[18]).isEqualTo("2025-06-01");
            }
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "chokepoint-2026-01.xlsx", "projects-2026-01.csv.gz"); // no temporary file left
        }
    }

    @Test
    void aListThatFits_staysOnOneSheet_withoutCsv() throws Exception {
        Path xlsx = dir.resolve("chokepoint-2026-01.xlsx");
        // Left by an earlier run of the period that had more projects.
        Path stale = dir.resolve("projects-2026-01.csv.gz");
        java.nio.file.Files.writeString(stale, "stale");

        new ExcelReportWriter(5).write(report(List.of(snapshot("US-P01"), snapshot("US-P02"))), xlsx);

        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            assertThat(ReportFileReader.sheetNames(workbook)).contains("Projects").doesNotContain("Projects (2)");
            assertThat(workbook.getSheet("Projects").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Id");
            assertThat(workbook.getSheet("Projects").getLastRowNum()).isEqualTo(2);
        }
        assertThat(stale).doesNotExist();
    }

    @Test
    void exactlyAsManyProjectsAsTheSheetHolds_needNoCsv() throws Exception {
        Path xlsx = dir.resolve("chokepoint-2026-01.xlsx");
        List<PeriodProject> four = List.of(snapshot("US-P01"), snapshot("US-P02"), snapshot("US-P03"),
                snapshot("US-P04"));

        new ExcelReportWriter(5).write(report(four), xlsx);

        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            assertThat(workbook.getSheet("Projects").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Id");
            assertThat(workbook.getSheet("Projects").getLastRowNum()).isEqualTo(4);
        }
        assertThat(dir.resolve("projects-2026-01.csv.gz")).doesNotExist();
    }

    private static List<String> csvLines(Path file) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
            return List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\r\n"));
        }
    }

    private static PeriodProject snapshot(String id) {
        Project p = new Project(id, id, "Co " + id, List.of(Country.of("US")), "Plant " + id, Country.of("US"),
                null, ChainStage.MAGNET, ProjectStatus.ANNOUNCED, LocalDate.parse("2025-06-01"), null, null,
                LocalDate.parse("2025-06-01"), 2028, null, OfftakeBinding.UNKNOWN, "medium", "News", null);
        ProjectState state = new ProjectState(true, ProjectStatus.ANNOUNCED, 2028, null, null, null);
        return new PeriodProject(PERIOD, p, state, state);
    }

    private static Report report(List<PeriodProject> snapshots) {
        List<Baseline> baselines = List.of();
        AnalysisBuilder builder = Analysis.builder(PERIOD, AnalysisSettings.defaults(), baselines, List.of());
        snapshots.forEach(builder);
        return new Report(PERIOD, LocalDate.parse("2026-02-01"), builder.finish(), baselines, snapshots::forEach);
    }
}
