package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.GeneratedTracker;
import io.chokepoint.PostgresServer;
import io.chokepoint.ReportFileReader;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.store.PostgresLogin;
import io.chokepoint.tracking.store.TrackerCopy;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * End to end on a real PostgreSQL server (issue 16), each against the same run on SQLite where it applies:
 * {@code db copy} and the report from the copy, a run killed with SIGKILL and restarted, two runs of one month at
 * once, an import while a run reads, and exactly-once mail. Each test has its own fresh database.
 */
class PostgresEndToEndTest {

    private static final String PERIOD = "2026-01";
    /** Generated projects (plus the fixture's 8): some 250 chunks of 25, a run long enough to be caught under way. */
    private static final int GENERATED = 6_000;

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("ana@example.org", "ana", MailFixtures.IMAP_PASSWORD)
                    .withUser("bo@example.org", "bo", MailFixtures.IMAP_PASSWORD));

    @TempDir
    Path dir;

    @Test
    void dbCopy_refusesANonEmptyTarget_andTheCopyReportsExactlyAsTheSource() throws Exception {
        PostgresLogin target = pg.newDatabase();
        Map<String, String> env = PostgresServer.env(target);
        Path source = dir.resolve("chokepoint.db");
        assertThat(CliRun.run("init", "--sample", "--db", source.toString()).exitCode()).isZero();
        assertThat(CliRun.run("stakeholders", "add", "ana@example.org", "--name", "Ana", "--db", source.toString())
                .exitCode()).isZero();

        CliRun copy = CliRun.run(env, "db", "copy", "--from", source.toString(), "--to", target.url());
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out()).contains("1 stakeholders").contains("row counts and input fingerprint (sha256:");

        CliRun again = CliRun.run(env, "db", "copy", "--from", source.toString(), "--to", target.url());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err().strip()).doesNotContain("\n").contains("is not empty").contains("--replace");
        CliRun replaced = CliRun.run(env, "db", "copy", "--from", source.toString(), "--to", target.url(), "--replace");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();

        CliRun fromPg = CliRun.run(env, "run", "--period", PERIOD, "--home", dir.toString(), "--reports",
                dir.resolve("pg").toString());
        CliRun fromFile = CliRun.run("run", "--period", PERIOD, "--db", source.toString(), "--reports",
                dir.resolve("file").toString());
        assertThat(fromPg.exitCode()).as(fromPg.err()).isZero();
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertSameReport(dir.resolve("pg"), dir.resolve("file"));
        // Issue 22 on PostgreSQL too: January's attribution names USA Rare Earth's part (the same on both, above).
        assertThat(cells(dir.resolve("pg/2026-01/chokepoint-2026-01.xlsx")).stream()
                .filter(row -> row.size() > 5 && row.get(0).startsWith("Attribution!") && "magnet".equals(row.get(1))
                        && "2030 risk-weighted".equals(row.get(2)))
                .map(row -> row.get(4)).toList()).anyMatch(fact -> fact.startsWith("USA Rare Earth"));
    }

    @Test
    void killedDuringSnapshot_onPostgres_runAgainRestartsIt_andASecondRunMeanwhileExits3() throws Exception {
        PostgresLogin login = pg.newDatabase();
        Map<String, String> env = PostgresServer.env(login);
        TrackerDatabase generated = GeneratedTracker.create(dir.resolve("generated.db"), GENERATED);
        TrackerCopy.copy(generated, TrackerDatabase.open(login), false);
        String[] run = {"run", "--period", PERIOD, "--home", dir.toString(), "--reports",
                dir.resolve("pg").toString(), "--chunk-size", "25"};

        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), env, Main.class, run)) {
            child.awaitWhileAlive("the snapshot step to commit a chunk", () -> snapshotWritten(login) > 0);

            // a second run of the month, meanwhile: the advisory lock refuses it at once
            CliRun second = CliRun.run(env, run);
            assertThat(second.exitCode()).isEqualTo(ExitCode.INPUT);
            assertThat(second.err()).contains("another run holds the lock advisory lock").contains("pid=" + child.pid());

            child.kill();
            assertThat(child.exitCode()).isNotZero();
        }

        CliRun again = awaitLockFreed(env, run);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarting execution 1");
        assertThat(rowCounts(login)).containsExactly(GENERATED + 8L, GENERATED + 8L);

        CliRun reference = CliRun.run("run", "--period", PERIOD, "--db", generated.file().toString(), "--reports",
                dir.resolve("file").toString(), "--chunk-size", "25");
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(cells(dir.resolve("pg/2026-01/chokepoint-2026-01.xlsx")))
                .isEqualTo(cells(dir.resolve("file/2026-01/chokepoint-2026-01.xlsx")));
    }

    @Test
    void importDuringARun_lands_andTheManifestFingerprintIsWhatTheRunRead() throws Exception {
        PostgresLogin login = pg.newDatabase();
        Map<String, String> env = PostgresServer.env(login);
        TrackerDatabase generated = GeneratedTracker.create(dir.resolve("generated.db"), GENERATED);
        TrackerDatabase tracker = TrackerDatabase.open(login);
        TrackerCopy.copy(generated, tracker, false);
        String before = InputFingerprint.of(tracker);
        Path events = dir.resolve("events.csv");
        Files.writeString(events, "facility_id,date,event,status_after,value,notes,source,stage,target_year,"
                + "capacity_tpa,capacity_unit,capacity_basis\nGEN-000001,2026-01-15,financing,financing,,,"
                + "https://example.org/a,,,,,\n");

        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), env, Main.class, "run", "--period", PERIOD,
                "--home", dir.toString(), "--reports", dir.resolve("pg").toString(), "--chunk-size", "25")) {
            child.awaitWhileAlive("the snapshot step to commit a chunk", () -> snapshotWritten(login) > 0);

            CliRun imported = CliRun.run(env, "import", "events", events.toString(), "--home", dir.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("1 new");
            assertThat(child.isAlive()).as("the import did not wait for the run").isTrue();
            // An analyst renames a project the run has already derived: the workbook lists it as the run read it.
            String renamed = tracker.jdbi().withHandle(h -> h.createQuery("SELECT pp.id FROM period_project pp"
                            + " WHERE pp.period = :period AND pp.cur_reported = 1 ORDER BY pp.facility_id, pp.id LIMIT 1")
                    .bind("period", PERIOD).mapTo(String.class).one());
            tracker.jdbi().useHandle(h -> h.createUpdate("UPDATE project SET company = 'Renamed During The Run Ltd'"
                    + " WHERE id = :id").bind("id", renamed).execute());
            assertThat(child.isAlive()).as("the rename came before the workbook").isTrue();

            assertThat(child.exitCode()).as(child.err()).isZero();
        }
        String after = InputFingerprint.of(tracker);
        assertThat(after).isNotEqualTo(before);
        String manifest = Files.readString(dir.resolve("pg/2026-01/manifest.json"));
        assertThat(manifest).contains(before).doesNotContain(after);
        try (Workbook workbook = ReportFileReader.workbook(dir.resolve("pg/2026-01/chokepoint-2026-01.xlsx"))) {
            assertThat(ReportFileReader.cells(workbook)).noneMatch(c -> c.contains("Renamed During The Run"));
        }
    }

    @Test
    void mail_onPostgres_oneMessageEach_aRerunSendsNothing() throws Exception {
        PostgresLogin login = pg.newDatabase();
        Map<String, String> env = PostgresServer.env(login);
        assertThat(CliRun.run(env, "init", "--sample", "--home", dir.toString()).exitCode()).isZero();
        for (String who : List.of("ana", "bo")) {
            CliRun added = CliRun.run(env, "stakeholders", "add", who + "@example.org", "--name", who,
                    "--home", dir.toString());
            assertThat(added.exitCode()).as(added.err()).isZero();
        }
        Path settings = MailFixtures.smtpSettings(dir, GREEN_MAIL.getSmtp().getBindTo(), GREEN_MAIL.getSmtp().getPort());
        String[] run = {"run", "--period", PERIOD, "--home", dir.toString(), "--config", settings.toString()};

        CliRun first = CliRun.run(env, run);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);

        List<String> rerun = new ArrayList<>(List.of(run));
        rerun.add("--rerun");
        CliRun second = CliRun.run(env, rerun.toArray(String[]::new));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
        List<DeliveryRecord> rows = new DeliveryLog(TrackerDatabase.connect(login)).all();
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(DeliveryRecord.Outcome.SENT));
        for (String who : List.of("ana", "bo")) {
            assertThat(MailFixtures.imapInbox(GREEN_MAIL, who)).hasSize(1);
        }
    }

    @Test
    void schedule_onPostgres_catchesUpTheLastMonth_thenWaits_andStopsOnSigterm() throws Exception {
        PostgresLogin login = pg.newDatabase();
        Map<String, String> env = PostgresServer.env(login);
        assertThat(CliRun.run(env, "init", "--sample", "--home", dir.toString()).exitCode()).isZero();
        String lastMonth = ReportPeriod.lastComplete(java.time.Clock.systemDefaultZone()).toString();

        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), env, Main.class, "schedule", "--catch-up", "1",
                "--no-email", "--home", dir.toString(), "--reports", dir.resolve("scheduled").toString())) {
            child.awaitWhileAlive("the catch-up run to complete", () -> completedRuns(login) > 0);
            Thread.sleep(500);
            assertThat(child.isAlive()).as("it waits for the next fire").isTrue();
            child.terminate();
            assertThat(child.exitCode()).as(child.err()).isZero(); // not 143, which systemd counts as a failure
            assertThat(child.err()).contains("Schedule stopped");
        }
        assertThat(dir.resolve("scheduled/" + lastMonth + "/chokepoint-" + lastMonth + ".pdf")).exists();
        CliRun status = CliRun.run(env, "status", "--home", dir.toString());
        assertThat(status.out()).contains(lastMonth).contains("COMPLETED");
    }

    private static long completedRuns(PostgresLogin login) {
        try {
            return TrackerDatabase.connect(login).jdbi().withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM jberet_job_execution WHERE batchstatus = 'COMPLETED'")
                    .mapTo(Long.class).one());
        } catch (RuntimeException e) {
            return 0; // the repository's tables are not made yet
        }
    }

    /** The kill -9'd run's session may take a moment to be ended by the server: retried while it is. */
    private static CliRun awaitLockFreed(Map<String, String> env, String[] run) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            CliRun attempt = CliRun.run(env, run);
            if (!attempt.err().contains("another run holds the lock") || System.nanoTime() > deadline) {
                return attempt;
            }
            Thread.sleep(200);
        }
    }

    private static long snapshotWritten(PostgresLogin login) {
        try {
            return TrackerDatabase.connect(login).jdbi().withHandle(h -> h.createQuery(
                            "SELECT coalesce(max(writecount), 0) FROM jberet_step_execution WHERE stepname = 'snapshot'")
                    .mapTo(Long.class).one());
        } catch (RuntimeException e) {
            return 0; // the repository's tables are not made yet
        }
    }

    private static List<Long> rowCounts(PostgresLogin login) {
        return TrackerDatabase.connect(login).jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) AS n, count(DISTINCT id) AS d FROM period_project WHERE period = :p")
                .bind("p", PERIOD)
                .map((rs, ctx) -> List.of(rs.getLong("n"), rs.getLong("d")))
                .one());
    }

    /** Workbook cells and PDF text equal, the generated-at stamps aside. */
    private static void assertSameReport(Path a, Path b) throws Exception {
        String name = "2026-01/chokepoint-2026-01";
        assertThat(cells(a.resolve(name + ".xlsx"))).isEqualTo(cells(b.resolve(name + ".xlsx")));
        assertThat(withoutStamps(ReportFileReader.pdfText(a.resolve(name + ".pdf"))))
                .isEqualTo(withoutStamps(ReportFileReader.pdfText(b.resolve(name + ".pdf"))));
    }

    private static String withoutStamps(String text) {
        return text.replaceAll("(?i)generated[^\\n]*", "");
    }

    /** Every sheet's cells as displayed, row by row, without the generated-at stamps. */
    private static List<List<String>> cells(Path xlsx) throws Exception {
        return ReportFileReader.displayedRows(xlsx, PostgresEndToEndTest::withoutStamps);
    }
}
