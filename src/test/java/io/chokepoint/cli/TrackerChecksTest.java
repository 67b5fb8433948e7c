package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 2: every command checks the tracker before it touches it. A file that is refused (0 bytes, or a
 * SQLite database of another program) is refused by every command with exit 3 and one line, and its folder is left
 * byte for byte as it was: no WAL conversion, no {@code -jobs.db}, no lock file, no Flyway history.
 */
class TrackerChecksTest {

    @TempDir
    Path dir;

    /** Every command that opens or connects to the tracker named by --db, with the arguments it needs. */
    private List<List<String>> commandsOn(Path db) {
        String reports = dir.resolve("reports").toString();
        String csv = dir.resolve("projects.csv").toString();
        return Stream.of(
                List.of("status"),
                List.of("run", "--period", "2026-01", "--no-email", "--reports", reports),
                List.of("restart", "--period", "2026-01"),
                List.of("abandon", "--period", "2026-01"),
                List.of("deliver", "--period", "2026-01", "--reports", reports),
                List.of("project", "show", "VN-LSEE-01-MET"),
                List.of("project", "update", "VN-LSEE-01-MET", "--notes", "x"),
                List.of("event", "add", "VN-LSEE-01-MET", "--date", "2026-02-01", "--kind", "financing",
                        "--source", "Test 2026-02-01 https://example.com"),
                List.of("export", "projects", dir.resolve("out.csv").toString()),
                List.of("import", "projects", csv),
                List.of("stakeholders", "list"))
                .map(args -> Stream.concat(args.stream(), Stream.of("--db", db.toString())).toList())
                .toList();
    }

    @Test
    void emptyFile_everyCommandRefusesIt_andTheFolderIsUnchangedByteForByte() throws Exception {
        Path db = Files.createFile(dir.resolve("chokepoint.db"));
        Files.writeString(dir.resolve("projects.csv"), "id\n");
        Map<String, String> before = folder();

        for (List<String> args : commandsOn(db)) {
            CliRun result = CliRun.run(args.toArray(String[]::new));

            assertRefusedInOneLine(args, result, "is empty (0 bytes), not a SQLite database");
            assertThat(folder()).as("%s leaves every file as it was", args).isEqualTo(before);
        }
    }

    @Test
    void foreignSqliteDatabase_everyCommandRefusesIt_andTheFolderIsUnchangedByteForByte() throws Exception {
        Path db = dir.resolve("inventory.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE parts (id INTEGER PRIMARY KEY, name TEXT)");
            s.executeUpdate("INSERT INTO parts (name) VALUES ('bolt')");
        }
        Files.writeString(dir.resolve("projects.csv"), "id\n");
        Map<String, String> before = folder();
        // A rollback-journal database: opening it for writing would turn it into WAL (bytes 18 and 19 become 2).
        assertThat(Files.readAllBytes(db)[18]).isEqualTo((byte) 1);

        for (List<String> args : commandsOn(db)) {
            CliRun result = CliRun.run(args.toArray(String[]::new));

            assertRefusedInOneLine(args, result, "is a SQLite database but not a Chokepoint tracker (its tables are"
                    + " parts)", "nothing was written to it");
            assertThat(result.err()).as("not Flyway's hint for developers").doesNotContain("baseline");
            assertThat(folder()).as("%s leaves every file as it was", args).isEqualTo(before);
        }
    }

    @Test
    void sqliteDatabaseWithoutTables_isNoTrackerEither() throws Exception {
        Path db = dir.resolve("blank.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 7"); // writes the header page: a valid database with no table
        }
        Map<String, String> before = folder();

        CliRun status = CliRun.run("status", "--db", db.toString());
        CliRun run = CliRun.run("run", "--period", "2026-01", "--no-email", "--db", db.toString(), "--reports",
                dir.resolve("reports").toString());

        assertRefusedInOneLine(List.of("status"), status, "not a Chokepoint tracker (it has no tables)");
        assertRefusedInOneLine(List.of("run"), run, "not a Chokepoint tracker (it has no tables)");
        assertThat(folder()).isEqualTo(before);
    }

    @Test
    void damagedJobRepository_isOneLineExit3_andLeftAsItWas() throws Exception {
        Path db = dir.resolve("chokepoint.db");
        assertThat(CliRun.run("init", "--sample", "--db", db.toString()).exitCode()).isZero();
        Path jobs = dir.resolve("chokepoint-jobs.db");
        byte[] garbage = new byte[8192];
        new java.util.Random(25).nextBytes(garbage);
        Files.write(jobs, garbage);

        CliRun status = CliRun.run("status", "--db", db.toString());
        CliRun run = CliRun.run("run", "--period", "2026-01", "--no-email", "--db", db.toString(), "--reports",
                dir.resolve("reports").toString());

        for (CliRun result : List.of(status, run)) {
            assertRefusedInOneLine(List.of(), result, "job repository " + jobs.toRealPath()
                    + " is damaged (not a SQLite database)", "Move " + jobs.toRealPath() + " away");
        }
        assertThat(Files.readAllBytes(jobs)).isEqualTo(garbage);
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void jdbcUrlOfAnotherDatabase_saysWhichTwoAreSupported() {
        CliRun status = CliRun.run("status", "--db", "jdbc:mysql://localhost:3306/tracker");
        CliRun fromEnv = CliRun.run(Map.of("CHOKEPOINT_DB", "jdbc:sqlserver://db;databaseName=x"), "status");
        CliRun init = CliRun.run("init", "--db", "jdbc:mysql://localhost/tracker", "--home", dir.toString());

        assertRefusedInOneLine(List.of("status"), status, "--db jdbc:mysql://localhost:3306/tracker: mysql is not"
                + " supported", "a SQLite file", "jdbc:postgresql://");
        assertRefusedInOneLine(List.of("status"), fromEnv, "CHOKEPOINT_DB=jdbc:sqlserver://db;databaseName=x:"
                + " sqlserver is not supported");
        assertRefusedInOneLine(List.of("init"), init, "mysql is not supported");
        for (CliRun result : List.of(status, fromEnv, init)) {
            assertThat(result.err()).doesNotContain("init --db").doesNotContain("jdbc:mysql:/localhost");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void newTrackers_areStillMadeByInitAndOnTheHomesDefaultPath() {
        Path fresh = dir.resolve("new").resolve("fresh.db");

        CliRun init = CliRun.run("init", "--db", fresh.toString());
        CliRun status = CliRun.run("status", "--db", fresh.toString());
        CliRun onDefault = CliRun.run("project", "show", "VN-LSEE-01-MET", "--home", dir.toString());

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(onDefault.exitCode()).as(onDefault.err()).isZero();
        assertThat(onDefault.err()).contains("made a new tracker " + dir.resolve("chokepoint.db"));
        assertThat(onDefault.out()).contains("Project VN-LSEE-01-MET");
    }

    private static void assertRefusedInOneLine(List<String> args, CliRun result, String... fragments) {
        assertThat(result.exitCode()).as("%s: %s", args, result.err()).isEqualTo(3);
        assertThat(result.err().strip()).as("%s", args).doesNotContain("\n").doesNotContain("Exception");
        assertThat(result.err()).as("%s", args).contains(fragments);
    }

    /** Every file under the folder, with the SHA-256 of its bytes. */
    private Map<String, String> folder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), sha256(p));
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
