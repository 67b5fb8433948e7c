package io.chokepoint.batch;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import jakarta.batch.runtime.BatchStatus;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestTrackers;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** Runs the real job on a small tracker whose numbers are worked out by hand, and reads the files back. */
class MonthlyReportJobTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    @Test
    void smallTracker_reportsHandComputedNumbers_inWorkbookAndPdf() throws Exception {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");

        RunOutcome outcome = new ReportJob(tracker).start(JANUARY, dir.resolve("reports"));

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        ReportFiles files = new ReportFiles(dir.resolve("reports"), JANUARY);
        assertThat(outcome.files()).containsExactly(files.workbook(), files.pdf(), files.summary(), files.manifest());
        // One row per project in the period table, however the chunks fell.
        assertThat(tracker.periodProjects().count(JANUARY)).isEqualTo(8);

        try (Workbook workbook = ReportFileReader.workbook(files.workbook())) {
            Sheet stages = workbook.getSheet(ExcelReportWriter.STAGES);
            Row mining = row(stages, "mining").orElseThrow();
            // Baseline 2024: CN 200, US 50, XX 50; AU-NEW-01 (30 t) started operating in 2025, after it.
            assertThat(mining.getCell(column(stages, "Baseline year")).getNumericCellValue()).isEqualTo(2024);
            assertThat(mining.getCell(column(stages, "China share")).getNumericCellValue()).isCloseTo(200.0 / 330, within(1e-9));
            assertThat(mining.getCell(column(stages, "Top-3 share")).getNumericCellValue()).isCloseTo(280.0 / 330, within(1e-9));
            assertThat(mining.getCell(column(stages, "Ex-China operating capacity")).getNumericCellValue()).isEqualTo(130);
            double hhi = Math.pow(20000.0 / 330, 2) + Math.pow(5000.0 / 330, 2) + Math.pow(3000.0 / 330, 2);
            assertThat(mining.getCell(column(stages, "HHI")).getNumericCellValue()).isCloseTo(hhi, within(1e-6));

            // Magnet baseline 2025 plus CN-MAG-01 (target year 2026, no start event): 1000 of 1100.
            Row magnet = row(stages, "magnet").orElseThrow();
            assertThat(magnet.getCell(column(stages, "China share")).getNumericCellValue()).isCloseTo(1000.0 / 1100, within(1e-9));

            // Separation has only a published share: no computed share, the published one is quoted.
            Row separation = row(stages, "separation").orElseThrow();
            assertThat(separation.getCell(column(stages, "China share"))).isNull();
            assertThat(separation.getCell(column(stages, "Note")).getStringCellValue())
                    .contains("no complete baseline").contains("90.0 %").contains("2024").contains("Test Agency 2025");
            // Two live pipeline projects: 100 t REO, and one in t NdPr oxide that is not comparable.
            assertThat(separation.getCell(column(stages, "Tracked pipeline projects")).getNumericCellValue()).isEqualTo(2);
            assertThat(separation.getCell(column(stages, "Tracked pipeline capacity")).getNumericCellValue()).isEqualTo(100);
            assertThat(separation.getCell(column(stages, "Not comparable projects")).getNumericCellValue()).isEqualTo(1);

            Sheet cells = workbook.getSheet(ExcelReportWriter.COUNTRY_STAGE);
            Row vnMetal = row(cells, "VN", "Vietnam", "metal").orElseThrow();
            assertThat(vnMetal.getCell(column(cells, "Projects")).getNumericCellValue()).isEqualTo(1);
            // Undisclosed: no number (never 0, never text); the count beside it says why.
            assertThat(vnMetal.getCell(column(cells, "Pipeline capacity"))).isNull();
            assertThat(vnMetal.getCell(column(cells, "Capacity undisclosed (projects)")).getNumericCellValue()).isEqualTo(1);
            Row usMining = row(cells, "US", "United States", "mining").orElseThrow();
            assertThat(usMining.getCell(column(cells, "Operating capacity")).getNumericCellValue()).isEqualTo(40);
            // The Japanese magnet plant is announced only in February: not in January's report.
            assertThat(row(cells, "JP", "Japan", "magnet")).isEmpty();

            Sheet projects = workbook.getSheet(ExcelReportWriter.PROJECTS);
            assertThat(projects.getLastRowNum()).isEqualTo(7);
            assertThat(row(projects, "US-CANX-01-SEP").orElseThrow().getCell(column(projects, "Status")).getStringCellValue())
                    .isEqualTo("cancelled");
        }

        String pdf = ReportFileReader.pdfText(files.pdf());
        assertThat(pdf).contains("January 2026").contains("2026-01")
                .contains("mining 60.6 %").contains("magnet 90.9 %")
                .contains("Vietnam").contains("Test Survey 2025");
    }
}
