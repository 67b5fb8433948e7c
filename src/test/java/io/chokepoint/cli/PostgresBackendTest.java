package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.PostgresServer;
import io.chokepoint.ReportFileReader;
import io.chokepoint.batch.RunLock;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The command line against a tracker in a real PostgreSQL database (issue 16): init, run, status, import, export,
 * the run lock, and the password kept out of everything written. One database for the class, used in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresBackendTest {

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    @TempDir
    static Path dir;

    private static Map<String, String> env() {
        return PostgresServer.env(pg.login());
    }

    private static CliRun cli(String... args) {
        return CliRun.run(env(), args);
    }

    @Test
    @Order(1)
    void init_sample_makesTheSchemaAndLoadsTheSample() throws Exception {
        CliRun init = cli("init", "--sample", "--home", dir.toString());

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("Made a new tracker in " + pg.login().url() + " with the sample data");
        TrackerDatabase db = TrackerDatabase.connect(pg.login());
        assertThat(db.trackedProjects().projectCount()).isGreaterThan(10);
        String type = db.jdbi().withHandle(h -> h.createQuery("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'facility_event' AND column_name = 'date'").mapTo(String.class).one());
        assertThat(type).isEqualTo("date");
        assertThat(cli("init", "--home", dir.toString()).exitCode()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void run_onPostgres_equalsTheSameRunOnSqlite() throws Exception {
        CliRun run = cli("run", "--period", "2026-01", "--home", dir.toString(), "--reports", dir.resolve("pg").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Status: COMPLETED");

        Path sqlite = dir.resolve("sqlite");
        Files.createDirectories(sqlite);
        assertThat(CliRun.run("init", "--sample", "--db", sqlite.resolve("t.db").toString()).exitCode()).isZero();
        CliRun local = CliRun.run("run", "--period", "2026-01", "--db", sqlite.resolve("t.db").toString(),
                "--reports", sqlite.resolve("reports").toString());
        assertThat(local.exitCode()).as(local.err()).isZero();

        Path pgBook = dir.resolve("pg/2026-01/chokepoint-2026-01.xlsx");
        Path liteBook = sqlite.resolve("reports/2026-01/chokepoint-2026-01.xlsx");
        try (Workbook a = ReportFileReader.workbook(pgBook); Workbook b = ReportFileReader.workbook(liteBook)) {
            assertThat(a.getNumberOfSheets()).isEqualTo(b.getNumberOfSheets());
            assertThat(cells(a, ExcelReportWriter.COUNTRY_STAGE)).isEqualTo(cells(b, ExcelReportWriter.COUNTRY_STAGE));
        }
        String pgText = ReportFileReader.pdfText(dir.resolve("pg/2026-01/chokepoint-2026-01.pdf"));
        String liteText = ReportFileReader.pdfText(sqlite.resolve("reports/2026-01/chokepoint-2026-01.pdf"));
        assertThat(withoutStamps(pgText)).isEqualTo(withoutStamps(liteText));
        // the same facts, the same fingerprint, on both backends
        String pgManifest = Files.readString(dir.resolve("pg/2026-01/manifest.json"));
        String liteManifest = Files.readString(sqlite.resolve("reports/2026-01/manifest.json"));
        assertThat(fingerprint(pgManifest)).isEqualTo(fingerprint(liteManifest));
        assertThat(pgManifest).contains(pg.login().url());
    }

    @Test
    @Order(3)
    void status_readsTheJobRepositoryInTheSameDatabase() throws Exception {
        CliRun status = cli("status", "--home", dir.toString());

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("2026-01").contains("COMPLETED");
        try (Connection c = java.sql.DriverManager.getConnection(pg.login().url(), pg.login().user(),
                pg.login().password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM jberet_job_execution")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void secondRun_whileTheAdvisoryLockIsHeld_exitsAsAlreadyRunning() {
        TrackerDatabase db = TrackerDatabase.connect(pg.login());
        try (RunLock held = RunLock.acquire(db, io.chokepoint.tracking.ReportPeriod.parse("2026-02"), java.time.Clock.systemUTC())) {
            CliRun second = cli("run", "--period", "2026-02", "--home", dir.toString(), "--reports",
                    dir.resolve("pg").toString());
            assertThat(second.exitCode()).isEqualTo(ExitCode.INPUT);
            assertThat(second.err()).contains("another run holds the lock advisory lock").contains("pid "
                    + ProcessHandle.current().pid());
        }
        CliRun after = cli("run", "--period", "2026-02", "--home", dir.toString(), "--reports",
                dir.resolve("pg").toString());
        assertThat(after.exitCode()).as(after.err()).isZero();
    }

    @Test
    @Order(5)
    void exportThenImport_roundTripsEveryTable() throws Exception {
        for (String table : new String[] {"projects", "events", "baselines"}) {
            Path file = dir.resolve(table + ".csv");
            CliRun export = cli("export", table, file.toString(), "--home", dir.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            CliRun again = cli("import", table, file.toString(), "--home", dir.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("0 new, 0 updated");
        }
    }

    @Test
    @Order(6)
    void wrongPassword_isOneLineExit3_withoutThePassword() {
        Map<String, String> env = new HashMap<>(env());
        env.put("CHOKEPOINT_DB_PASSWORD", "not-the-password");
        CliRun run = CliRun.run(env, "status", "--home", dir.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").contains("cannot connect to the tracker database")
                .doesNotContain("not-the-password");
    }

    @Test
    @Order(7)
    void passwordFromFile_andMisspeltVariable() throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, pg.login().password() + "\n");
        Map<String, String> env = new HashMap<>(env());
        env.remove("CHOKEPOINT_DB_PASSWORD");
        env.put("CHOKEPOINT_DB_PASSWORD_FILE", file.toString());
        assertThat(CliRun.run(env, "status", "--home", dir.toString()).exitCode()).isZero();

        env.put("CHOKEPOINT_DB_PASWORD", "x");
        CliRun misspelt = CliRun.run(env, "status", "--home", dir.toString());
        assertThat(misspelt.exitCode()).isEqualTo(3);
        assertThat(misspelt.err()).contains("CHOKEPOINT_DB_PASWORD").contains("CHOKEPOINT_DB_PASSWORD");
    }

    @Test
    @Order(8)
    void password_appearsNowhere_jobParametersRepositoryReportsOrLogs() throws Exception {
        String password = pg.login().password();
        try (Connection c = java.sql.DriverManager.getConnection(pg.login().url(), pg.login().user(), password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(jobparameters, '') || coalesce(exitstatus, '')"
                     + " FROM jberet_job_execution UNION ALL SELECT coalesce(executionexception, '')"
                     + " || coalesce(exitstatus, '') FROM jberet_step_execution")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(1)).doesNotContain(password);
            }
            assertThat(rows).isGreaterThan(0);
        }
        try (var files = Files.walk(dir)) {
            // every file the runs wrote (the password file this class made for CHOKEPOINT_DB_PASSWORD_FILE aside)
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("pw")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(password);
            }
        }
    }

    @Test
    @Order(9)
    void editsStakeholdersDeliverAbandonRestart_workOnPostgres() throws Exception {
        String home = dir.toString();
        CliRun event = cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind", "financing",
                "--status-after", "financing", "--source", "Test Gazette 2026-01-20", "--home", home);
        assertThat(event.exitCode()).as(event.err()).isZero();
        assertThat(event.out()).contains("Recorded for facility VN-LSEE-01: 2026-01-20 financing -> financing");
        assertThat(cli("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind", "financing",
                "--status-after", "financing", "--source", "Test Gazette 2026-01-20", "--home", home).exitCode())
                .isZero();

        CliRun added = cli("project", "add", "--id", "VN-TEST-01-ALY", "--facility-id", "VN-TEST-01", "--company",
                "Co", "--owner-country", "VN", "--facility", "Test alloy line", "--country", "VN", "--stage", "alloy",
                "--status", "announced", "--status-as-of", "2026-01-12", "--capacity-tpa", "800", "--capacity-unit",
                "t alloy", "--capacity-basis", "target", "--announced-on", "2026-01-12", "--home", home);
        assertThat(added.exitCode()).as(added.err()).isZero();
        CliRun show = cli("project", "show", "VN-LSEE-01-MET", "--home", home);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("2026-01-20  financing -> financing");

        Path people = dir.resolve("people.csv");
        Files.writeString(people, "email,name,stages,countries\nAna@Example.org,Ana,metal,\nbo@example.org,Bo,,VN\n");
        CliRun imported = cli("import", "stakeholders", people.toString(), "--home", home);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        // the address is one whatever its case, as on SQLite
        CliRun twice = cli("stakeholders", "add", "ana@example.org", "--name", "Ana", "--home", home);
        assertThat(twice.exitCode()).isEqualTo(3);
        CliRun list = cli("stakeholders", "list", "--home", home);
        assertThat(list.out()).contains("Ana@Example.org").contains("bo@example.org");

        CliRun deliver = cli("deliver", "--period", "2026-01", "--home", home, "--reports", dir.resolve("pg").toString());
        assertThat(deliver.exitCode()).as(deliver.err()).isZero();
        assertThat(deliver.out()).contains("2 written to the outbox");
        CliRun again = cli("deliver", "--period", "2026-01", "--home", home, "--reports", dir.resolve("pg").toString());
        assertThat(again.out()).contains("Nothing to send for 2026-01");

        CliRun abandon = cli("abandon", "--period", "2026-01", "--home", home);
        assertThat(abandon.exitCode()).isEqualTo(2);
        assertThat(abandon.err()).contains("only a failed or stopped execution can be abandoned");
        CliRun restart = cli("restart", "1", "--home", home);
        assertThat(restart.exitCode()).isEqualTo(2);
    }

    @Test
    @Order(10)
    void noPasswordConfigured_theDriverReadsPgpass() throws Exception {
        Path pgpass = dir.resolve("pgpass");
        String hostPort = pg.login().url().replaceFirst("jdbc:postgresql://([^/]+)/.*", "$1");
        String database = pg.login().url().substring(pg.login().url().lastIndexOf('/') + 1);
        Files.writeString(pgpass, hostPort.replace(':', ':') + ":" + database + ":" + pg.login().user() + ":"
                + pg.login().password() + "\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = new HashMap<>();
        env.put("CHOKEPOINT_DB", pg.login().url());
        env.put("CHOKEPOINT_DB_USER", pg.login().user());
        env.put("PGPASSFILE", pgpass.toString());
        try (io.chokepoint.ChildJvm child = io.chokepoint.ChildJvm.start(dir.resolve("child"), env, Main.class,
                "status", "--home", dir.toString())) {
            assertThat(child.exitCode()).as(child.err()).isZero();
            assertThat(child.out()).contains("2026-01");
        }
    }

    @Test
    @Order(11)
    void twoImportsAtOnce_bothLand_eachFactOnce() throws Exception {
        String header = "facility_id,date,event,status_after,value,notes,source,stage,target_year,capacity_tpa,"
                + "capacity_unit,capacity_basis\n";
        String e1 = "VN-LSEE-01,2026-02-01,agreement,,first,,https://example.org/1,,,,,\n";
        String e2 = "VN-LSEE-01,2026-02-02,agreement,,both,,https://example.org/2,,,,,\n";
        String e3 = "VN-LSEE-01,2026-02-03,agreement,,second,,https://example.org/3,,,,,\n";
        StringBuilder many = new StringBuilder(header);
        for (int day = 1; day <= 28; day++) {
            many.append("VN-LSEE-01,2026-03-").append(String.format("%02d", day))
                    .append(",agreement,,bulk,,https://example.org/bulk,,,,,\n");
        }
        Path a = Files.writeString(dir.resolve("a.csv"), header + e1 + e2 + many.substring(header.length()));
        Path b = Files.writeString(dir.resolve("b.csv"), header + e2 + e3 + many.substring(header.length()));
        TrackerDatabase db = TrackerDatabase.connect(pg.login());
        long before = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM facility_event").mapTo(Long.class).one());

        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> cli("import", "events", a.toString(), "--home", dir.toString()));
            var second = two.submit(() -> cli("import", "events", b.toString(), "--home", dir.toString()));
            assertThat(first.get().exitCode()).as(first.get().err()).isZero();
            assertThat(second.get().exitCode()).as(second.get().err()).isZero();
        } finally {
            two.shutdown();
        }
        long after = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM facility_event").mapTo(Long.class).one());
        assertThat(after - before).isEqualTo(3 + 28);
    }

    private static String fingerprint(String manifest) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}").matcher(manifest);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static String withoutStamps(String text) {
        return text.replaceAll("(?i)generated[^\\n]*", "");
    }

    private static java.util.List<String> cells(Workbook book, String sheet) {
        java.util.List<String> all = new java.util.ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
        book.getSheet(sheet).forEach(row -> row.forEach(cell -> all.add(cell.getAddress() + "=" + f.formatCellValue(cell))));
        return all;
    }
}
