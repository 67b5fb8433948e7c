package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.GeneratedTracker;
import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.TestTrackers;
import io.chokepoint.batch.HoldRunLock;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The tracker file (issue 17): a file that is not a usable tracker is refused with exit 3, one line that says how to
 * fix it, and is left as it was; two names of one file are one tracker; new files are owner-only; an import does not
 * run under a run.
 */
class TrackerFileTest {

    private static final Set<PosixFilePermission> OWNER_ONLY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    @TempDir
    Path dir;

    private CliRun run(Path db) {
        return CliRun.run("run", "--period", "2026-01", "--no-email", "--db", db.toString(), "--reports",
                dir.resolve("reports").toString());
    }

    private static void assertRefused(CliRun result, String... fragments) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(result.err()).contains(fragments);
    }

    @Test
    void emptyFile_isRefusedAndStaysEmpty() throws Exception {
        Path db = Files.createFile(dir.resolve("chokepoint.db"));

        CliRun result = run(db);

        assertRefused(result, "is empty (0 bytes), not a SQLite database", "restore it from a backup");
        assertThat(Files.size(db)).isZero();
        assertThat(dir.resolve("reports")).doesNotExist();
        assertRefused(CliRun.run("import", "projects", db.toString(), "--db", db.toString()), "is empty (0 bytes)");
        assertThat(Files.size(db)).isZero();
    }

    @Test
    void notSqlite_isRefusedUntouched() throws Exception {
        Path db = Files.writeString(dir.resolve("chokepoint.db"), "id,company\nX,Y\n");
        String before = sha256(db);

        assertRefused(run(db), "is not a SQLite database", "check the --db path");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void schemaOfANewerRelease_isRefusedByRunAndImport_andNothingIsWritten() throws Exception {
        Path db = dir.resolve("chokepoint.db");
        TestTrackers.seeded(db, "small-tracker");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__from_the_future.sql', 0, 'test', 0, 1)");
        }
        String before = sha256(db);
        Path csv = dir.resolve("projects.csv");
        Files.writeString(csv, "id\n");

        assertRefused(run(db), "was made by a newer Chokepoint, V99; this is V" + newestMigration(),
                "nothing was written");
        assertRefused(CliRun.run("import", "projects", csv.toString(), "--db", db.toString()),
                "made by a newer Chokepoint, V99");
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void damagedFile_isRefusedWithTheRecoverCommand() throws Exception {
        Path db = dir.resolve("chokepoint.db");
        GeneratedTracker.create(db, 2_000);
        long pages = Files.size(db) / 4096;
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.seek(4096 * (pages / 2)); // a page of project rows, in the middle of the file
            file.write(new byte[4096 * 4]);
        }
        String before = sha256(db);

        CliRun result = run(db);

        assertRefused(result, "is damaged (SQLite quick_check: ", "sqlite3 " + db.toRealPath() + " .recover");
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void symlinkAndDotDot_nameOneTracker_withOneLockAndOneJobRepository() throws Exception {
        Path real = dir.resolve("data").resolve("chokepoint.db");
        TestTrackers.seeded(real, "small-tracker");
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), real);
        Path dotted = dir.resolve("data").resolve("..").resolve("data").resolve("chokepoint.db");

        assertThat(TrackerDatabase.open(link).jobRepositoryFile())
                .isEqualTo(TrackerDatabase.open(dotted).jobRepositoryFile())
                .isEqualTo(TrackerDatabase.open(real).jobRepositoryFile());

        // A run through the real name holds the tracker: a run through the link is refused, not run a second time.
        try (ChildJvm holder = ChildJvm.start(dir.resolve("child"), HoldRunLock.class, real.toString())) {
            holder.awaitWhileAlive("the lock", () -> holder.out().contains("locked"));
            CliRun viaLink = run(link);
            assertRefused(viaLink, "another run holds the lock " + real.toRealPath() + ".lock");
        }
        assertThat(new JobRepositoryProbe(TrackerDatabase.open(real).jobRepositoryFile()).executions()).isEmpty();
        assertThat(dir.resolve("link.db.lock")).doesNotExist();
        assertThat(dir.resolve("link-jobs.db")).doesNotExist();
    }

    @Test
    void newTrackerAndJobRepository_areOwnerOnly() throws Exception {
        Path db = dir.resolve("new").resolve("chokepoint.db");

        CliRun made = CliRun.run("init", "--sample", "--db", db.toString());
        CliRun result = run(db);

        assertThat(made.exitCode()).as(made.err()).isZero();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.getPosixFilePermissions(db)).isEqualTo(OWNER_ONLY);
        assertThat(Files.getPosixFilePermissions(dir.resolve("new").resolve("chokepoint-jobs.db"))).isEqualTo(OWNER_ONLY);
        assertThat(Files.getPosixFilePermissions(TrackerDatabase.createEmpty(dir.resolve("empty.db")).file()))
                .isEqualTo(OWNER_ONLY);
        // The run's log lists every stakeholder's address: owner-only too. The reports are made to be shared, so
        // they get what any new file of the user gets (the umask's say).
        Path month = dir.resolve("reports/2026-01");
        assertThat(Files.getPosixFilePermissions(month.resolve("run-1.log"))).isEqualTo(OWNER_ONLY);
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("any-new-file")));
        assertThat(usual).isNotEqualTo(OWNER_ONLY); // else this test could not tell the two apart
        for (String report : new String[] {"chokepoint-2026-01.xlsx", "chokepoint-2026-01.pdf", "manifest.json"}) {
            assertThat(Files.getPosixFilePermissions(month.resolve(report))).as(report).isEqualTo(usual);
        }
    }

    @Test
    void importDuringARun_saysInOneLineThatTheRunHoldsTheTracker() throws Exception {
        TrackerDatabase tracker = GeneratedTracker.create(dir.resolve("chokepoint.db"), 10_000);
        Path csv = dir.resolve("projects.csv");
        CliRun exported = CliRun.run("export", "projects", csv.toString(), "--db", tracker.file().toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        JobRepositoryProbe repository = new JobRepositoryProbe(tracker.jobRepositoryFile());
        String before = TestTrackers.contents(tracker.file()).sha256();

        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, "run", "--period", "2026-01",
                "--no-email", "--db", tracker.file().toString(), "--reports", dir.resolve("reports").toString(),
                "--chunk-size", "50")) {
            child.awaitWhileAlive("the snapshot step to commit a chunk", repository::snapshotUnderWay);

            CliRun imported = CliRun.run("import", "projects", csv.toString(), "--db", tracker.file().toString());

            assertRefused(imported, "a run holds the tracker " + tracker.file(), "nothing was imported",
                    "import when it has finished");
            assertThat(child.exitCode()).as(child.err()).isZero();
        }
        assertThat(TestTrackers.contents(tracker.file()).sha256()).isEqualTo(before);
    }

    @Test
    void editWhileAnotherConnectionWrites_waitsForItsCommit() throws Exception {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");
        CountDownLatch writing = new CountDownLatch(1);
        // Another writer (as the job's chunk commit) holds the write lock for a second, then commits.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tracker.file());
                 Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.executeUpdate("UPDATE project SET notes = 'touched' WHERE id = 'VN-LSEE-01-MET'");
                writing.countDown();
                Thread.sleep(1_000);
                s.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        CliRun edit = CliRun.run("event", "add", "VN-LSEE-01-MET", "--date", "2026-02-01", "--kind", "financing",
                "--source", "Test 2026-02-01 https://example.com", "--db", tracker.file().toString());

        writer.get(10, TimeUnit.SECONDS);
        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("Recorded for facility VN-LSEE-01");
    }

    private static String newestMigration() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow());
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
