package io.chokepoint.cli;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.report.excel.ExcelReportWriter;

class RunCommandTest {

    @TempDir
    Path dir;

    private String[] args(String... extra) {
        String[] base = {"run", "--db", dir.resolve("chokepoint.db").toString(), "--reports", dir.resolve("reports").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void sampleData_january2026_completesAndCountsLsEcoEnergyUnderVietnamMetal() throws Exception {
        CliRun run = CliRun.run(args("--period", "2026-01"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path xlsx = dir.resolve("reports/2026-01/chokepoint-2026-01.xlsx");
        Path pdf = dir.resolve("reports/2026-01/chokepoint-2026-01.pdf");
        assertThat(run.out()).contains("Execution id: 1").contains("Status: COMPLETED")
                .contains("Wrote: " + xlsx).contains("Wrote: " + pdf);
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet cells = workbook.getSheet(ExcelReportWriter.COUNTRY_STAGE);
            Row vnMetal = row(cells, "VN", "Vietnam", "metal").orElseThrow();
            assertThat(vnMetal.getCell(column(cells, "Projects")).getNumericCellValue()).isEqualTo(1);
            assertThat(vnMetal.getCell(column(cells, "Pipeline capacity"))).isNull();
            assertThat(vnMetal.getCell(column(cells, "Capacity undisclosed (projects)")).getNumericCellValue()).isEqualTo(1);
        }
        String text = ReportFileReader.pdfText(pdf);
        assertThat(text).contains("2026-01").contains("Vietnam")
                .contains("mining").contains("concentration").contains("separation").contains("metal")
                .contains("alloy").contains("magnet").contains("recycling");
    }

    @Test
    void defaultPeriod_isTheLastCompleteMonth() {
        CliRun run = CliRun.run(args());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Period: 2026-10");
        assertThat(dir.resolve("reports/2026-10/chokepoint-2026-10.pdf")).exists();
    }

    @Test
    void dbFromEnvironment_isUsedWhenNoOptionIsGiven() {
        Path db = dir.resolve("from-env.db");

        CliRun run = CliRun.run(Map.of("CHOKEPOINT_DB", db.toString()),
                "run", "--period", "2026-01", "--reports", dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(db).exists();
    }

    @Test
    void secondRunOfACompletedPeriod_findsTheFirstExecutionAndRefuses() {
        assertThat(CliRun.run(args("--period", "2026-01")).exitCode()).isZero();

        CliRun second = CliRun.run(args("--period", "2026-01"));

        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("2026-01 already completed in execution 1").contains("--rerun");
    }

    @Test
    void monthThirteen_isAUsageErrorInOneLine_andWritesNothing() {
        CliRun run = CliRun.run(args("--period", "2026-13"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("2026-13").contains("YYYY-MM");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void wordsForAPeriod_areAUsageErrorInOneLine() {
        CliRun run = CliRun.run(args("--period", "last-month"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("last-month").contains("YYYY-MM");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void databaseInsideARegularFile_isAnEnvironmentErrorInOneLine_andWritesNothing() throws Exception {
        Path plain = Files.writeString(dir.resolve("hostname"), "box\n");

        CliRun run = CliRun.run("run", "--period", "2026-01", "--db", plain.resolve("x.db").toString(),
                "--reports", dir.resolve("reports").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").contains(plain + " is not a directory");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void help_onTheRunCommand_listsItsOptions() {
        CliRun run = CliRun.run("run", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--period").contains("--db").contains("--reports").contains("--rerun");
    }
}
