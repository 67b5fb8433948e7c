package io.chokepoint.cli;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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

class ImportCommandTest {

    static final String PROJECTS_HEADER = "id,facility_id,company,owner_country,facility,country,region,stage,status,"
            + "status_as_of,capacity_tpa,capacity_unit,capacity_basis,investment_amount,investment_currency,"
            + "investment_usd_m,announced_on,target_year,offtake,offtake_binding,confidence,sources,notes\n";
    static final String EVENTS_HEADER = "facility_id,date,event,status_after,value,notes,source\n";
    static final String BASELINES_HEADER = "country,stage,year,value_tpa,unit,basis,source,confidence,notes\n";

    @TempDir
    Path dir;

    private Path sampleTracker() {
        return CliRun.sampleTracker(dir);
    }

    private Path emptyTracker(String name) {
        Path db = dir.resolve(name);
        TrackerDatabase.createEmpty(db);
        return db;
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void projectsWithProblemsOnSeveralLines_reportEveryProblemAtItsLine_exit3_andChangeNothing() throws Exception {
        Path db = sampleTracker();
        Contents before = TestTrackers.contents(db);
        Path csv = file("projects.csv", PROJECTS_HEADER
                // line 2: a valid new project, so the rollback is what keeps it out
                + "VN-TEST-01-MAG,VN-TEST-01,Test Magnets,KR,Test plant,VN,,magnet,announced,2026-01-05,,,,,,,2026-01-05,,,,,,\n"
                // line 3: unknown stage, bad date, negative capacity without a unit
                + "VN-TEST-02-MET,VN-TEST-02,Test Metals,KR,Test plant,VN,,metl,approved,2025-13-01,-5,,nameplate,,,,,,,,,,\n"
                // line 4: not an ISO country, unknown status
                + "VN-TEST-03-MET,VN-TEST-03,Test Metals,KR,Test plant,QQ,,metal,aproved,,,,,,,,,,,,,,\n"
                // line 5: an empty line, skipped
                + "\n"
                // line 6: the id of line 2 again; capacity without a unit
                + "VN-TEST-01-MAG,VN-TEST-01,Test Magnets,KR,Test plant,VN,,magnet,announced,,100,,nameplate,,,,,,,,,,\n"
                // line 7: a field spanning two lines (notes may, issue 25), with an unknown binding
                + "VN-TEST-04-MAG,VN-TEST-04,Test Magnets,KR,Test plant,VN,Hải Phòng,magnet,announced,,,,,,,,,,,maybe,,,"
                + "\"first line\nsecond line\"\n"
                // line 9: a truncated row
                + "VN-TEST-05-MAG,VN-TEST-05\n");

        CliRun run = CliRun.run("import", "projects", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                csv + ":3: stage: unknown stage 'metl', expected one of mining, concentration, separation, metal, "
                        + "alloy, magnet, recycling",
                csv + ":3: status_as_of: '2025-13-01' is not a date of the form YYYY-MM-DD",
                csv + ":3: capacity_tpa: must not be negative, was -5",
                csv + ":3: capacity_unit: is required when capacity_tpa is given",
                csv + ":4: country: country 'QQ' is not an ISO 3166 country code",
                csv + ":4: status: unknown status 'aproved', expected one of study, announced, approved, financing, "
                        + "under_construction, commissioning, operating, suspended, cancelled",
                csv + ":6: capacity_unit: is required when capacity_tpa is given",
                csv + ":6: id: duplicate id 'VN-TEST-01-MAG', already on line 2",
                csv + ":7: offtake_binding: unknown offtake_binding 'maybe', expected one of yes, no, unknown",
                csv + ":9: row: has 2 fields, the header has 23",
                csv + ": 10 problems, nothing was imported");
        assertThat(run.out()).isEmpty();
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void eventsForUnknownFacilitiesAndRepeatedEvents_areAllReported_andChangeNothing() throws Exception {
        Path db = sampleTracker();
        Contents before = TestTrackers.contents(db);
        Path csv = file("events.csv", EVENTS_HEADER
                + "VN-LSEE-01,2026-01-20,financing,financing,,First tranche,Test Wire 2026-01-21\n"
                + "VN-NOPE-01,2026-01-20,financing,,,,Test Wire 2026-01-21\n"
                + "VN-LSEE-01,2026-01-20,financing,financing,,Same fact,Test Wire 2026-01-21\n"
                + "VN-LSEE-01,2026-02-30,finance,done,,,\n"
                + "VN-LSEE-1,2026-01-20,financing,aproved,,,\n");

        CliRun run = CliRun.run("import", "events", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                csv + ":3: facility_id: unknown facility 'VN-NOPE-01': no project in the tracker has this "
                        + "facility_id (import its projects first)",
                csv + ":4: row: the same event (facility_id, date, event, status_after, value and source) is already "
                        + "on line 2",
                csv + ":5: date: '2026-02-30' is not a date of the form YYYY-MM-DD",
                csv + ":5: event: unknown event 'finance', expected one of announcement, approval, financing, fid, "
                        + "construction_start, commissioning, operating_start, target_change, suspension, "
                        + "cancellation, capacity_revision, offtake_signed, ownership_change, agreement",
                csv + ":5: status_after: unknown status 'done', expected one of study, announced, approved, "
                        + "financing, under_construction, commissioning, operating, suspended, cancelled",
                csv + ":6: status_after: unknown status 'aproved', expected one of study, announced, approved, "
                        + "financing, under_construction, commissioning, operating, suspended, cancelled",
                csv + ":6: facility_id: unknown facility 'VN-LSEE-1': no project in the tracker has this "
                        + "facility_id (import its projects first)",
                csv + ": 7 problems, nothing was imported");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void baselinesWithConflictingAndMalformedRows_areAllReported_andChangeNothing() throws Exception {
        Path db = sampleTracker();
        Contents before = TestTrackers.contents(db);
        Path csv = file("baselines.csv", BASELINES_HEADER
                + "CN,mining,2026,280000,t REO,output,Test Survey 2027,high,\n"
                + "CN,mining,2026,290000,t REO,output,Test Survey 2027,high,\n"
                + "CN,metal,2026,,t REO,derived_from_share,Test Survey 2027,sure,share_pct=96\n"
                + "CN,metal,26,5,,guess,Test Survey 2027,high,\n"
                + "XX,magnet,2026,-1,t magnet,capacity,Test Survey 2027,high,\n");

        CliRun run = CliRun.run("import", "baselines", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                csv + ":3: row: a valued baseline for the same country, stage and year is already on line 2",
                csv + ":4: unit: must be empty when value_tpa is empty",
                csv + ":4: confidence: unknown confidence 'sure', expected one of high, medium, low",
                csv + ":5: year: '26' is not a four-digit year from 1900 to 2100",
                csv + ":5: unit: is required when value_tpa is given",
                csv + ":5: basis: unknown basis 'guess', expected one of output, quota, capacity, derived_from_share",
                csv + ":6: value_tpa: must not be negative, was -1",
                csv + ": 7 problems, nothing was imported");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void fileWithoutARequiredColumn_isOneProblemOnTheHeaderLine() throws Exception {
        Path db = sampleTracker();
        Path csv = file("events.csv", "facility_id,date,event,value,notes\nVN-LSEE-01,2026-01-20,financing,,\n");

        CliRun run = CliRun.run("import", "events", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(csv + ":1: status_after,source: missing column",
                csv + ": 1 problem, nothing was imported");
    }

    @Test
    void sameFilesImportedTwice_secondImportChangesNothing() {
        Path sample = sampleTracker();
        Path db = emptyTracker("copy.db");
        for (String table : List.of("projects", "events", "baselines")) {
            Path csv = dir.resolve(table + ".csv");
            assertThat(CliRun.run("export", table, csv.toString(), "--db", sample.toString()).exitCode()).isZero();
            assertThat(CliRun.run("import", table, csv.toString(), "--db", db.toString()).exitCode()).isZero();
        }
        Contents once = TestTrackers.contents(db);

        List<String> summaries = new ArrayList<>();
        for (String table : List.of("projects", "events", "baselines")) {
            CliRun again = CliRun.run("import", table, dir.resolve(table + ".csv").toString(), "--db", db.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            summaries.add(again.out().strip());
        }

        assertThat(summaries).containsExactly(
                dir.resolve("projects.csv") + ": 99 rows, 0 new, 0 updated, 99 unchanged",
                dir.resolve("events.csv") + ": 116 rows, 0 new, 0 updated, 116 unchanged",
                dir.resolve("baselines.csv") + ": 43 rows, 0 new, 0 updated, 43 unchanged");
        assertThat(TestTrackers.contents(db)).isEqualTo(once).isEqualTo(TestTrackers.contents(sample));
    }

    @Test
    void changedAndNewRows_areCountedAsSuch() throws Exception {
        Path db = sampleTracker();
        Path csv = file("projects.csv", PROJECTS_HEADER
                + "VN-TEST-01-MAG,VN-TEST-01,Test Magnets,KR,Test plant,VN,,magnet,announced,2026-01-05,,,,,,,"
                + "2026-01-05,,,,,,\n");
        assertThat(CliRun.run("import", "projects", csv.toString(), "--db", db.toString()).out().strip())
                .isEqualTo(csv + ": 1 row, 1 new, 0 updated, 0 unchanged");
        Files.writeString(csv, PROJECTS_HEADER
                + "VN-TEST-01-MAG,VN-TEST-01,Test Magnets,KR,Test plant,VN,,magnet,approved,2026-01-20,,,,,,,"
                + "2026-01-05,,,,,,\n"
                + "VN-TEST-02-MAG,VN-TEST-02,Test Magnets,KR,Second plant,VN,,magnet,study,2026-01-20,,,,,,,"
                + "2026-01-20,,,,,,\n");

        CliRun run = CliRun.run("import", "projects", csv.toString(), "--db", db.toString());

        assertThat(run.out().strip()).isEqualTo(csv + ": 2 rows, 1 new, 1 updated, 0 unchanged");
        assertThat(TestTrackers.contents(db).projects()).isEqualTo(99 + 2);
    }

    @Test
    void dryRun_saysWhatWouldChange_andWritesNothing() throws Exception {
        Path db = sampleTracker();
        Contents before = TestTrackers.contents(db);
        Path csv = file("events.csv", EVENTS_HEADER
                + "VN-LSEE-01,2026-01-20,financing,financing,,First tranche,Test Wire 2026-01-21\n");

        CliRun run = CliRun.run("import", "events", csv.toString(), "--dry-run", "--db", db.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .isEqualTo(csv + ": 1 row, 1 new, 0 updated, 0 unchanged (dry run: nothing was written)");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void shuffledColumnsAndAByteOrderMark_importTheSameAsTheSampleOrder() throws Exception {
        Path normal = file("normal.csv", PROJECTS_HEADER + DIACRITIC_PROJECTS);
        Path shuffled = dir.resolve("shuffled.csv");
        writeShuffledWithBom(normal, shuffled);
        Path a = emptyTracker("a.db");
        Path b = emptyTracker("b.db");

        CliRun first = CliRun.run("import", "projects", normal.toString(), "--db", a.toString());
        CliRun second = CliRun.run("import", "projects", shuffled.toString(), "--db", b.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(shuffled)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(TestTrackers.contents(b)).isEqualTo(TestTrackers.contents(a));
        assertThat(TestTrackers.contents(a).projects()).isEqualTo(2);
    }

    @Test
    void namesWithDiacritics_surviveImportTheWorkbookAndThePdf() throws Exception {
        Path db = emptyTracker("chokepoint.db");
        Path projects = dir.resolve("projects.csv");
        writeShuffledWithBom(file("normal.csv", PROJECTS_HEADER + DIACRITIC_PROJECTS), projects);
        Path baselines = file("baselines.csv", BASELINES_HEADER
                + "CN,magnet,2025,900,t magnet,output,\"Société Générale Terres Rares, Hải Phòng office 2026-01-05\","
                + "high,\n"
                + "XX,magnet,2025,100,t magnet,capacity,Test Review 2026-01-05,high,\n");
        assertThat(CliRun.run("import", "projects", projects.toString(), "--db", db.toString()).exitCode()).isZero();
        assertThat(CliRun.run("import", "baselines", baselines.toString(), "--db", db.toString()).exitCode()).isZero();

        CliRun report = CliRun.run("run", "--period", "2026-01", "--db", db.toString(),
                "--reports", dir.resolve("reports").toString());
        CliRun show = CliRun.run("project", "show", "VN-SGTR-01-MAG", "--db", db.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        try (Workbook workbook = ReportFileReader.workbook(dir.resolve("reports/2026-01/chokepoint-2026-01.xlsx"))) {
            Sheet sheet = workbook.getSheet(ExcelReportWriter.PROJECTS);
            Row row = row(sheet, "VN-SGTR-01-MAG").orElseThrow();
            assertThat(row.getCell(column(sheet, "Company")).getStringCellValue())
                    .isEqualTo("Société Générale Terres Rares");
            assertThat(row.getCell(column(sheet, "Facility")).getStringCellValue())
                    .isEqualTo("Nhà máy nam châm Hải Phòng");
            assertThat(row.getCell(column(sheet, "Region")).getStringCellValue()).isEqualTo("Hải Phòng");
        }
        assertThat(ReportFileReader.pdfText(dir.resolve("reports/2026-01/chokepoint-2026-01.pdf")))
                .contains("Société Générale Terres Rares, Hải Phòng office 2026-01-05");
        // The tracker shows and exports it as given, too.
        assertThat(show.out()).contains("region               Hải Phòng");
        Path exported = dir.resolve("export.csv");
        CliRun.run("export", "projects", exported.toString(), "--db", db.toString());
        assertThat(Files.readString(exported)).contains(",Hải Phòng,").contains("Société Générale Terres Rares");
    }

    @Test
    void hundredThousandGeneratedProjects_importInOnePass() throws Exception {
        Path db = emptyTracker("big.db");
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(PROJECTS_HEADER);
            for (int i = 0; i < 100_000; i++) {
                String facility = String.format("JP-GEN%06d-01", i);
                out.write(facility + "-MAG," + facility + ",Generated Magnets,JP,Plant " + i + ",JP,Osaka,magnet,"
                        + "announced,2026-03-01," + (i % 5000) + ",t magnet,nameplate,,,,2026-03-01,2029,,unknown,low,"
                        + "Generated 2026-03-01,\n");
            }
        }

        CliRun run = CliRun.run("import", "projects", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(csv + ": 100000 rows, 100000 new, 0 updated, 0 unchanged");
        assertThat(TrackerDatabase.connect(db).trackedProjects().projectCount()).isEqualTo(100_000);
    }

    @Test
    void fileSavedInALegacyEncoding_isRefusedAsNotUtf8() throws Exception {
        Path db = sampleTracker();
        Contents before = TestTrackers.contents(db);
        Path csv = Files.write(dir.resolve("latin1.csv"), (PROJECTS_HEADER + DIACRITIC_PROJECTS)
                .getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.run("import", "projects", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(": file: is not UTF-8 text; save it as CSV UTF-8");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void missingFile_isAnInputErrorInOneLine() {
        Path db = sampleTracker();

        CliRun run = CliRun.run("import", "projects", dir.resolve("nope.csv").toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("cannot import " + dir.resolve("nope.csv") + ": no such file");
    }

    @Test
    void unknownTable_isAUsageError() {
        CliRun run = CliRun.run("import", "facilities", "x.csv", "--db", dir.resolve("x.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown table 'facilities', expected one of projects, events, baselines");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void help_listsTheTablesAndOptions() {
        CliRun run = CliRun.run("import", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("projects|events|baselines").contains("FILE.csv").contains("--dry-run")
                .contains("--db");
    }

    /** Two projects of a fictional facility whose names need more than ASCII. */
    static final String DIACRITIC_PROJECTS = ""
            + "VN-SGTR-01-MAG,VN-SGTR-01,Société Générale Terres Rares,FR,Nhà máy nam châm Hải Phòng,VN,Hải Phòng,"
            + "magnet,under_construction,2026-01-10,1200,t magnet,nameplate,45000000,EUR,,2025-11-03,2027,,no,low,"
            + "Test Gazette 2026-01-10,\"Fictional test row; \"\"quoted\"\" note, with a comma\"\n"
            + "VN-SGTR-01-ALY,VN-SGTR-01,Société Générale Terres Rares,FR;VN,Nhà máy nam châm Hải Phòng,VN,Hải Phòng,"
            + "alloy,under_construction,2026-01-10,,,,,,,2025-11-03,,,unknown,low,Test Gazette 2026-01-10,\n";

    /** Rewrites a CSV with its columns in reverse order, with a byte-order mark and Windows line ends. */
    static void writeShuffledWithBom(Path from, Path to) throws Exception {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(from, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        StringBuilder text = new StringBuilder("\uFEFF");
        for (CSVRecord record : records) {
            List<String> fields = new ArrayList<>(Arrays.asList(record.values()));
            java.util.Collections.reverse(fields);
            text.append(CSVFormat.RFC4180.format(fields.toArray())).append("\r\n");
        }
        Files.writeString(to, text, StandardCharsets.UTF_8);
    }
}
