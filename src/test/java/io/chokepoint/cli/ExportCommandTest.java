package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestTrackers;
import io.chokepoint.tracking.store.TrackerDatabase;

class ExportCommandTest {

    private static final List<String> TABLES = List.of("projects", "events", "baselines");

    @TempDir
    Path dir;

    private Path sampleTracker() {
        return CliRun.sampleTracker(dir);
    }

    private static byte[] sampleFile(String name) throws Exception {
        try (InputStream in = ExportCommandTest.class.getResourceAsStream("/sample/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<CSVRecord> records(Path csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void sampleTracker_exportsTheSampleFilesByteForByte() throws Exception {
        Path db = sampleTracker();

        for (String table : TABLES) {
            Path csv = dir.resolve("out/" + table + ".csv");
            CliRun run = CliRun.run("export", table, csv.toString(), "--db", db.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readAllBytes(csv)).as(table).isEqualTo(sampleFile(table + ".csv"));
        }
        assertThat(CliRun.run("export", "events", dir.resolve("e.csv").toString(), "--db", db.toString()).out().strip())
                .isEqualTo(dir.resolve("e.csv") + ": 116 rows written");
    }

    @Test
    void exportImportedIntoAnEmptyTracker_givesTheSameReportInEveryCell() throws Exception {
        Path sample = sampleTracker();
        Path copy = dir.resolve("copy.db");
        TrackerDatabase.createEmpty(copy);
        for (String table : TABLES) {
            Path csv = dir.resolve(table + ".csv");
            assertThat(CliRun.run("export", table, csv.toString(), "--db", sample.toString()).exitCode()).isZero();
            CliRun imported = CliRun.run("import", table, csv.toString(), "--db", copy.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }

        CliRun original = CliRun.run("run", "--period", "2026-01", "--db", sample.toString(),
                "--reports", dir.resolve("original").toString());
        CliRun roundTrip = CliRun.run("run", "--period", "2026-01", "--db", copy.toString(),
                "--reports", dir.resolve("round-trip").toString());

        assertThat(original.exitCode()).as(original.err()).isZero();
        assertThat(roundTrip.exitCode()).as(roundTrip.err()).isZero();
        String xlsx = "2026-01/chokepoint-2026-01.xlsx";
        try (Workbook expected = ReportFileReader.workbook(dir.resolve("original").resolve(xlsx));
             Workbook actual = ReportFileReader.workbook(dir.resolve("round-trip").resolve(xlsx))) {
            List<String> expectedCells = ReportFileReader.cells(expected);
            assertThat(ReportFileReader.sheetNames(actual)).isEqualTo(ReportFileReader.sheetNames(expected));
            assertThat(expectedCells).hasSizeGreaterThan(1000);
            assertThat(ReportFileReader.cells(actual)).containsExactlyElementsOf(expectedCells);
        }
        String pdf = "2026-01/chokepoint-2026-01.pdf";
        assertThat(ReportFileReader.pdfText(dir.resolve("round-trip").resolve(pdf)))
                .isEqualTo(ReportFileReader.pdfText(dir.resolve("original").resolve(pdf)));
        assertThat(TestTrackers.contents(copy)).isEqualTo(TestTrackers.contents(sample));
    }

    @Test
    void asOfADate_leavesOutLaterEventsLaterProjectsAndLaterBaselines() throws Exception {
        Path db = sampleTracker();
        for (String table : TABLES) {
            CliRun run = CliRun.run("export", table, "--as-of", "2025-12-01", dir.resolve(table + ".csv").toString(),
                    "--db", db.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }

        List<CSVRecord> projects = records(dir.resolve("projects.csv"));
        List<CSVRecord> events = records(dir.resolve("events.csv"));
        List<CSVRecord> baselines = records(dir.resolve("baselines.csv"));

        // LS Eco Energy (announced 2025-12-17), LS Cable's Chesapeake plant (2025-12-12) and Korea Zinc/Alta
        // (2026-01-13) had no earlier evidence: 99 − 3 sample rows (data v3).
        assertThat(projects).hasSize(99 - 3).extracting(r -> r.get("id"))
                .doesNotContain("VN-LSEE-01-MET", "US-LSCS-01-MAG", "US-KZALTA-01-REC").contains("VN-HTM-01-SEP", "VN-VTRE-01-SEP");
        assertThat(events).hasSize(116 - 15).allSatisfy(r -> assertThat(r.get("date")).isLessThanOrEqualTo("2025-12-01"));
        // Baselines published by that day (or, undated, of years up to it): not USGS MCS 2026's mining 2025 set
        // (published 2026-01-31), nor the recycling figures published 2025-12-31.
        assertThat(baselines).hasSize(43 - 6).allSatisfy(r -> assertThat(r.get("published_on").isEmpty()
                ? r.get("year").compareTo("2025") <= 0 : r.get("published_on").compareTo("2025-12-01") <= 0).isTrue());
        assertThat(baselines).extracting(r -> r.get("stage") + " " + r.get("year"))
                .doesNotContain("mining 2025", "recycling 2023").contains("mining 2030", "magnet 2027");
    }

    @Test
    void asOfTheAnnouncementDay_keepsTheProjectAndItsEvent() throws Exception {
        Path db = sampleTracker();

        CliRun projects = CliRun.run("export", "projects", "--as-of", "2025-12-17",
                dir.resolve("projects.csv").toString(), "--db", db.toString());
        CliRun events = CliRun.run("export", "events", "--as-of", "2025-12-17",
                dir.resolve("events.csv").toString(), "--db", db.toString());

        assertThat(projects.exitCode()).isZero();
        assertThat(events.exitCode()).isZero();
        assertThat(records(dir.resolve("projects.csv"))).extracting(r -> r.get("id")).contains("VN-LSEE-01-MET");
        assertThat(records(dir.resolve("events.csv")))
                .anySatisfy(r -> assertThat(r.get("facility_id") + " " + r.get("date") + " " + r.get("event"))
                        .isEqualTo("VN-LSEE-01 2025-12-17 approval"));
    }

    @Test
    void existingFile_isReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path db = sampleTracker();
        Path csv = Files.writeString(dir.resolve("baselines.csv"), "old content that is much longer than a header\n");

        CliRun run = CliRun.run("export", "baselines", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(csv)).isEqualTo(sampleFile("baselines.csv"));
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void emptyTracker_exportsTheHeaderOnly() throws Exception {
        Path db = dir.resolve("empty.db");
        TrackerDatabase.createEmpty(db);

        CliRun run = CliRun.run("export", "events", dir.resolve("events.csv").toString(), "--db", db.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("events.csv")))
                .isEqualTo("facility_id,date,event,status_after,value,notes,source,stage,target_year,capacity_tpa,"
                        + "capacity_unit,capacity_basis,amount,amount_currency,amount_usd_m,funding_kind,funding_status,"
                        + "date_precision\n");
    }

    @Test
    void directoryAsTheFile_isAnInputErrorAndWritesNothing() throws Exception {
        Path db = sampleTracker();
        Path target = Files.createDirectory(dir.resolve("out"));

        CliRun run = CliRun.run("export", "projects", target.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("cannot export to " + target
                + ": it is a directory, expected a file name such as projects.csv");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void badAsOfDate_isAUsageErrorNamingTheForm() {
        CliRun run = CliRun.run("export", "events", "--as-of", "2025-12", "x.csv", "--db",
                dir.resolve("x.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'2025-12' is not a date of the form YYYY-MM-DD");
    }

    @Test
    void help_listsTheTablesAndOptions() {
        CliRun run = CliRun.run("export", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("projects|events|baselines").contains("FILE.csv").contains("--as-of")
                .contains("--db");
    }
}
