package io.chokepoint.cli;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestTrackers;
import io.chokepoint.TestTrackers.Contents;
import io.chokepoint.report.excel.ExcelReportWriter;

class EventCommandTest {

    private static final String SOURCE = "Test Wire 2026-01-21 https://example.org/ls-eco-energy-financing";

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void sampleTracker() {
        db = CliRun.sampleTracker(dir);
    }

    private CliRun cli(String... args) {
        return CliRun.onTracker(db, args);
    }

    private String statusInTheProjectsSheet(String projectId) throws Exception {
        try (Workbook workbook = ReportFileReader.workbook(dir.resolve("reports/2026-01/chokepoint-2026-01.xlsx"))) {
            Sheet sheet = workbook.getSheet(ExcelReportWriter.PROJECTS);
            Row row = row(sheet, projectId).orElseThrow();
            return row.getCell(column(sheet, "Status")).getStringCellValue();
        }
    }

    @Test
    void add_recordsTheEventForTheProjectsFacility() {
        CliRun run = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind", "financing",
                "--status-after", "financing", "--value", "KRW 10700000000", "--source", SOURCE,
                "--notes", "Treasury shares sold to LS Cable & System (fictional test event).");
        CliRun show = cli("project", "show", "VN-LSEE-01-MET");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("Recorded for facility VN-LSEE-01: 2026-01-20 financing -> financing");
        assertThat(show.out()).contains("Events of facility VN-LSEE-01 (2):")
                .contains("  2026-01-20  financing -> financing  [KRW 10700000000]")
                .contains("      source: " + SOURCE)
                .contains("State on 2026-11-27: financing");
    }

    @Test
    void add_withTypedMoneyAndPrecision_storesAndShowsThem() {
        CliRun run = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-01", "--kind", "financing",
                "--source", SOURCE, "--amount", "10700000000", "--amount-currency", "KRW", "--amount-usd-m", "7.3",
                "--funding-kind", "equity", "--funding-status", "proposed", "--date-precision", "month");
        CliRun show = cli("project", "show", "VN-LSEE-01-MET");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("Recorded for facility VN-LSEE-01: 2026-01-01 financing, "
                + "KRW 10700000000 (US$ 7.3 M stated) (equity, proposed), dated in January 2026");
        assertThat(show.out()).contains("  2026-01-01 (month)  financing")
                .contains("typed: KRW 10700000000 (US$ 7.3 M stated) (equity, proposed)");
    }

    @Test
    void add_withBadTypedMoney_namesEachBadOptionAndRecordsNothing() {
        Contents before = TestTrackers.contents(db);

        CliRun run = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-01", "--kind", "financing",
                "--source", SOURCE, "--amount", "10.7bn", "--amount-currency", "KRW", "--funding-kind", "loan",
                "--funding-status", "closed");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("--amount: '10.7bn' is not a number")
                .contains("--funding-kind: unknown funding kind 'loan'").doesNotContain("Exception");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void add_ofTheSameEventAgain_changesNothing() {
        String[] args = {"event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind", "financing",
                "--source", SOURCE};
        assertThat(cli(args).exitCode()).isZero();
        Contents once = TestTrackers.contents(db);

        CliRun again = cli(args);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out().strip())
                .isEqualTo("Already recorded for facility VN-LSEE-01: 2026-01-20 financing; nothing changed");
        assertThat(TestTrackers.contents(db)).isEqualTo(once);
    }

    @Test
    void add_withBadValues_namesEveryBadOption_exit3_andChangesNothing() {
        Contents before = TestTrackers.contents(db);

        CliRun run = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-02-30", "--kind", "finance",
                "--status-after", "funded", "--source", SOURCE);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                "--date: '2026-02-30' is not a date of the form YYYY-MM-DD",
                "--kind: unknown event 'finance', expected one of announcement, approval, financing, fid, "
                        + "construction_start, commissioning, operating_start, target_change, suspension, cancellation, "
                        + "capacity_revision, offtake_signed, ownership_change, agreement",
                "--status-after: unknown status 'funded', expected one of study, announced, approved, financing, "
                        + "under_construction, commissioning, operating, suspended, cancelled");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void add_forAnUnknownProject_namesTheParameter() {
        CliRun run = cli("event", "add", "VN-NOPE-01-MET", "--date", "2026-01-20", "--kind", "financing",
                "--source", SOURCE);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("PROJECT_ID: no project 'VN-NOPE-01-MET' in the tracker");
    }

    @Test
    void add_withoutASource_isAUsageError() {
        CliRun run = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind", "financing");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option").contains("--source");
    }

    @Test
    void eventInsideAReportedMonth_changesTheProjectsStateWhenTheMonthIsRerun() throws Exception {
        String[] month = {"run", "--period", "2026-01", "--reports", dir.resolve("reports").toString()};
        CliRun first = cli(month);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(statusInTheProjectsSheet("VN-LSEE-01-MET")).isEqualTo("approved");

        CliRun added = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind",
                "construction_start", "--status-after", "under_construction", "--source", SOURCE);
        CliRun rerun = cli("run", "--period", "2026-01", "--rerun", "--reports", dir.resolve("reports").toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("Execution id: 2");
        assertThat(statusInTheProjectsSheet("VN-LSEE-01-MET")).isEqualTo("under_construction");
        // The rerun's Changes list the status change the event carried, dated in January.
        assertThat(changeRow("2026-01", "2026-01-20", "status_change")).isEqualTo("yes");

        CliRun february = cli("run", "--period", "2026-02", "--reports", dir.resolve("reports").toString());

        // Issue 22: revisions count against January's latest completed report, the rerun, which already holds the
        // event: February does not count it again (it did when measured from January's first report).
        assertThat(february.exitCode()).as(february.err()).isZero();
        try (Workbook workbook = ReportFileReader.workbook(dir.resolve("reports/2026-02/chokepoint-2026-02.xlsx"))) {
            assertThat(row(workbook.getSheet(ExcelReportWriter.CHANGES), "2026-01-20", "revision")).isEmpty();
        }
    }

    @Test
    void eventRecordedBeforeTheMonthWasReported_isNoRevision() throws Exception {
        CliRun added = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind",
                "construction_start", "--status-after", "under_construction", "--source", SOURCE);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(cli("run", "--period", "2026-01", "--reports", dir.resolve("reports").toString()).exitCode()).isZero();

        assertThat(cli("run", "--period", "2026-02", "--reports", dir.resolve("reports").toString()).exitCode()).isZero();

        try (Workbook workbook = ReportFileReader.workbook(dir.resolve("reports/2026-02/chokepoint-2026-02.xlsx"))) {
            assertThat(row(workbook.getSheet(ExcelReportWriter.CHANGES), "2026-01-20")).isEmpty();
        }
    }

    /** The "Recorded as event" cell of the period's change of that date and kind. */
    private String changeRow(String period, String date, String kind) throws Exception {
        Path xlsx = dir.resolve("reports/" + period + "/chokepoint-" + period + ".xlsx");
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet changes = workbook.getSheet(ExcelReportWriter.CHANGES);
            Row change = row(changes, date, kind).orElseThrow(() -> new AssertionError("no " + kind + " of " + date
                    + " in the Changes of " + period));
            assertThat(change.getCell(column(changes, "Facility id")).getStringCellValue()).isEqualTo("VN-LSEE-01");
            return change.getCell(column(changes, "Recorded as event")).getStringCellValue();
        }
    }

    @Test
    void help_listsTheOptions() {
        CliRun run = CliRun.run("event", "add", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("PROJECT_ID").contains("--date").contains("--kind").contains("--status-after")
                .contains("--value").contains("--source").contains("--notes").contains("--db");
    }
}
