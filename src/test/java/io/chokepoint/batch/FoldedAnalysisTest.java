package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.devtools.SyntheticTracker;
import io.chokepoint.report.Report;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The job folds the analysis while the snapshot step writes its chunks; after a restart it reads the rows back
 * instead. Both must give the same report: here the job's workbook (folded, over several chunks, the last one
 * short) against one written from the rows read back.
 */
class FoldedAnalysisTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");
    private static final ReportPeriod FEBRUARY = ReportPeriod.parse("2026-02");
    private static final List<String> ANALYSIS_SHEETS = List.of("Summary", "Stages", "Country × Stage", "Owners",
            "Pipeline", "Changes", "Attribution", "Projects", "Data gaps");

    @TempDir
    Path dir;

    @Test
    void foldedWhileWriting_givesTheWorkbookOfTheRowsReadBack() throws Exception {
        Path file = dir.resolve("synthetic.db");
        SyntheticTracker.generate(file, 3_000, 5);
        TrackerDatabase tracker = TrackerDatabase.open(file);
        ReportJob job = new ReportJob(tracker);
        RunOptions chunksOf700 = new RunOptions(OptionalInt.of(700), OptionalInt.empty(), Optional.empty(),
                EmailOptions.defaults());
        job.startNew(JANUARY, dir.resolve("reports"), chunksOf700, List.of()).await();
        String facility = tracker.jdbi().withHandle(h -> h.createQuery(
                "SELECT facility_id FROM project ORDER BY id LIMIT 1").mapTo(String.class).one());
        tracker.jdbi().useHandle(h -> h.execute("INSERT INTO facility_event (facility_id, date, event, value, source)"
                + " VALUES (?, '2026-01-20', 'capacity_revision', '900 t', 'Late news 2026-02-10')", facility));

        job.startNew(FEBRUARY, dir.resolve("reports"), chunksOf700, List.of()).await();

        Path readBack = dir.resolve("read-back.xlsx");
        new ExcelReportWriter().write(new Report(FEBRUARY, LocalDate.now(Clock.systemDefaultZone()),
                PeriodAnalysis.build(tracker, FEBRUARY, AnalysisSettings.defaults()),
                tracker.trackedProjects().baselines(),
                sink -> tracker.periodProjects().forEach(FEBRUARY, sink)), readBack);
        try (Workbook folded = ReportFileReader.workbook(new ReportFiles(dir.resolve("reports"), FEBRUARY).workbook());
             Workbook read = ReportFileReader.workbook(readBack)) {
            int numbers = 0;
            for (String name : ANALYSIS_SHEETS) {
                Sheet ours = folded.getSheet(name);
                Sheet theirs = read.getSheet(name);
                assertThat(ours.getLastRowNum()).as(name).isEqualTo(theirs.getLastRowNum());
                for (Row row : theirs) {
                    for (Cell expected : row) {
                        Cell actual = ours.getRow(row.getRowNum()).getCell(expected.getColumnIndex());
                        String where = name + "!" + expected.getAddress();
                        if (expected.getCellType() == CellType.NUMERIC) {
                            // Sums of the same values in another order may differ in the last bits.
                            assertThat(actual.getNumericCellValue()).as(where).isCloseTo(expected.getNumericCellValue(),
                                    within(1e-9 * Math.max(1, Math.abs(expected.getNumericCellValue()))));
                            numbers++;
                        } else {
                            assertThat(actual).as(where).isNotNull();
                            assertThat(actual.toString()).as(where).isEqualTo(expected.toString());
                        }
                    }
                }
            }
            assertThat(numbers).isGreaterThan(500);
            assertThat(folded.getSheet("Changes").getLastRowNum()).isGreaterThan(40);
        }
    }

    /** The folding runs on a thread of its own: what fails there fails write-reports, with its own exception. */
    @Test
    void aFailureOnTheFoldingThread_isThrownToTheStepThatAsksForTheResult() throws Exception {
        Path file = dir.resolve("small.db");
        SyntheticTracker.generate(file, 40, 5);
        TrackerDatabase tracker = TrackerDatabase.open(file);
        AnalysisSettings settings = AnalysisSettings.defaults();
        List<io.chokepoint.tracking.Baseline> baselines = tracker.trackedProjects().baselines();
        io.chokepoint.report.excel.ProjectSheetRows rows =
                io.chokepoint.report.excel.ProjectSheetRows.start(JANUARY, settings);
        FoldedAnalysis fold = new FoldedAnalysis(baselines, PeriodAnalysis.builder(tracker, JANUARY, settings, baselines),
                PeriodAnalysis.history(tracker, JANUARY, settings, baselines), rows);
        rows.close(); // its files are gone: the folding thread's first write fails
        List<io.chokepoint.tracking.PeriodProject> chunk = new java.util.ArrayList<>();
        try (io.chokepoint.tracking.store.ProjectCursor cursor = tracker.trackedProjects().open(null)) {
            cursor.forEachRemaining(h -> {
                fold.add(h);
                chunk.add(io.chokepoint.tracking.PeriodProject.of(JANUARY, h.project(), h.events()));
            });
        }
        assertThat(chunk).isNotEmpty();
        fold.add(chunk);
        org.assertj.core.api.Assertions.assertThatThrownBy(fold::finish)
                .isInstanceOf(java.io.UncheckedIOException.class);
        fold.close();
    }
}
