package io.chokepoint.cli;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestTrackers;
import io.chokepoint.TestTrackers.Contents;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Bounded input (issue 17): no text field longer than a workbook cell holds gets into the tracker, and one that is
 * already there (an older tracker) never fails the month; dates more than a year ahead are refused unless allowed.
 * The command line's clock says 2026-11-27, so the last date accepted is 2027-11-27.
 */
class BoundedInputTest {

    private static final String LONG_NOTES = "x".repeat(40_000);

    @TempDir
    Path dir;

    private Path tracker() {
        return TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker").file();
    }

    @Test
    void importWithNotesOverTheCellLimit_namesLineAndColumn_exit3_andImportsNothing() throws Exception {
        Path db = tracker();
        Contents before = TestTrackers.contents(db);
        Path csv = Files.writeString(dir.resolve("projects.csv"), ImportCommandTest.PROJECTS_HEADER
                + "VN-TEST-01-MAG,VN-TEST-01,Test Magnets,KR,Test plant,VN,,magnet,announced,2026-01-05,,,,,,,,,,,,,"
                + "fine\n"
                + "VN-TEST-02-MAG,VN-TEST-02,Test Magnets,KR,Test plant,VN,,magnet,announced,2026-01-05,,,,,,,,,,,,,"
                + LONG_NOTES + "\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("import", "projects", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                csv + ":3: notes: is 40,000 characters long; at most 32,767 fit in a workbook cell: shorten it"
                        + " (keep the full text in the source it cites)",
                csv + ": 1 problem, nothing was imported");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void eventAddWithNotesOverTheCellLimit_namesTheOption_exit3() {
        Path db = tracker();
        Contents before = TestTrackers.contents(db);

        CliRun run = CliRun.run("event", "add", "VN-LSEE-01-MET", "--date", "2026-02-01", "--kind", "financing",
                "--source", "Test 2026-02-01 https://example.com", "--notes", LONG_NOTES, "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("--notes: is 40,000 characters long; at most 32,767 fit");
        assertThat(run.err().length()).isLessThan(300);
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void trackerAlreadyHoldingTextOverTheCellLimit_runCompletes_cutWithAMarker_andListedInDataGaps() throws Exception {
        Path db = tracker();
        TrackerDatabase.connect(db).jdbi().useHandle(h -> h.createUpdate(
                "UPDATE project SET notes = :notes WHERE id = 'VN-LSEE-01-MET'").bind("notes", LONG_NOTES).execute());
        Path reports = dir.resolve("reports");

        CliRun run = CliRun.run("run", "--period", "2026-01", "--no-email", "--db", db.toString(), "--reports",
                reports.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Workbook workbook = ReportFileReader.workbook(reports.resolve("2026-01/chokepoint-2026-01.xlsx"))) {
            Sheet projects = workbook.getSheet(ExcelReportWriter.PROJECTS);
            Row row = row(projects, "VN-LSEE-01-MET").orElseThrow();
            String notes = row.getCell(column(projects, "Notes (current)")).getStringCellValue();
            assertThat(notes).hasSize(32_767)
                    .startsWith("xxxx")
                    .endsWith(" … [cut: 40,000 characters, too long for a cell; the full text is in the tracker]");
            Sheet gaps = workbook.getSheet(ExcelReportWriter.DATA_GAPS);
            Row gap = row(gaps, "text cut", "VN-LSEE-01-MET").orElseThrow();
            assertThat(gap.getCell(column(gaps, "Missing")).getStringCellValue())
                    .isEqualTo("notes: 40,000 characters, cut to 32,767 (Projects sheet)");
        }
    }

    @Test
    void importWithADateMoreThanAYearAhead_isRefused_orWarnedWithAllowFuture() throws Exception {
        Path db = tracker();
        Contents before = TestTrackers.contents(db);
        Path csv = Files.writeString(dir.resolve("events.csv"), ImportCommandTest.EVENTS_HEADER
                + "VN-LSEE-01,2027-11-27,financing,,,a year ahead: accepted,Test 2026-11-27 https://example.com\n"
                + "VN-LSEE-01,2062-01-15,financing,,,mistyped year,Test 2026-11-27 https://example.com\n",
                StandardCharsets.UTF_8);

        CliRun refused = CliRun.run("import", "events", csv.toString(), "--db", db.toString());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err().lines()).containsExactly(
                csv + ":3: date: '2062-01-15' is more than a year in the future (after 2027-11-27): check the year,"
                        + " or give --allow-future if it is meant",
                csv + ": 1 problem, nothing was imported");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);

        CliRun allowed = CliRun.run("import", "events", csv.toString(), "--allow-future", "--db", db.toString());

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.err()).isEqualTo("warning: " + csv + ":3: date: '2062-01-15' is more than a year in the"
                + " future (after 2027-11-27): check the year; accepted (--allow-future)" + System.lineSeparator());
        assertThat(allowed.out()).contains("2 rows, 2 new");
    }

    @Test
    void editsWithADateMoreThanAYearAhead_areRefused_orWarnedWithAllowFuture() {
        Path db = tracker();
        Contents before = TestTrackers.contents(db);

        CliRun event = CliRun.run("event", "add", "VN-LSEE-01-MET", "--date", "2062-01-15", "--kind", "financing",
                "--source", "Test 2026-11-27 https://example.com", "--db", db.toString());
        CliRun update = CliRun.run("project", "update", "VN-LSEE-01-MET", "--status-as-of", "2030-01-01", "--db",
                db.toString());

        assertThat(event.exitCode()).isEqualTo(3);
        assertThat(event.err()).startsWith("--date: '2062-01-15' is more than a year in the future (after 2027-11-27)");
        assertThat(update.exitCode()).isEqualTo(3);
        assertThat(update.err()).startsWith("--status-as-of: '2030-01-01' is more than a year in the future");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);

        CliRun allowed = CliRun.run("event", "add", "VN-LSEE-01-MET", "--date", "2062-01-15", "--kind", "financing",
                "--source", "Test 2026-11-27 https://example.com", "--allow-future", "--db", db.toString());

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.err()).startsWith("warning: --date: '2062-01-15' is more than a year in the future");
        assertThat(TestTrackers.contents(db).events()).isEqualTo(before.events() + 1);
    }
}
