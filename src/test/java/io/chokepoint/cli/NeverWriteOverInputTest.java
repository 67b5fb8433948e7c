package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.batch.RunLock;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Issue 25, point 1: export never writes over the tracker or the files beside it, nor over a device, under any name;
 * {@code -} is standard output for export and standard input for import; an import with a control character in a
 * cell, or a header that names a column twice, is refused whole with {@code FILE:LINE: column: problem}. Files are
 * compared byte for byte (SHA-256 of every file in the folder) before and after.
 */
class NeverWriteOverInputTest {

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void sampleTracker() {
        db = dir.resolve("t.db");
        assertThat(CliRun.run("init", "--sample", "--db", db.toString()).exitCode()).isZero();
        // A run's job repository and lock file exist beside it, as they do after the first run.
        assertThat(CliRun.run("status", "--db", db.toString()).exitCode()).isZero();
        try (RunLock lock = RunLock.acquire(db, java.time.Clock.systemUTC())) {
            assertThat(lock.file()).exists();
        }
    }

    @Test
    void exportOverTheTrackerOrItsFiles_underAnyName_isRefusedAndNothingChanges() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Path symlink = Files.createSymbolicLink(dir.resolve("link.db"), db);
        Path hardLink = Files.createLink(dir.resolve("hard.db"), db);
        Map<String, String> before = folder();
        List<String> names = List.of(db.toString(), dir.resolve("sub/../t.db").toString(), symlink.toString(),
                hardLink.toString(), dir.resolve("t-jobs.db").toString(), dir.resolve("t.db.lock").toString(),
                dir.resolve("t.db-wal").toString(), dir.resolve("t.db-shm").toString());

        for (String name : names) {
            CliRun export = CliRun.run("export", "projects", name, "--db", db.toString());

            assertRefusedInOneLine(export, "cannot export to " + name + ": it is the tracker");
            assertThat(folder()).as("export to %s", name).isEqualTo(before);
        }
        assertThat(Files.isSymbolicLink(symlink)).isTrue();
        assertThat(TrackerDatabase.open(db).trackedProjects().projectCount()).isEqualTo(99);
    }

    @Test
    void exportToDevStdoutOrALinkToIt_isRefused_andTheLinkStays() throws Exception {
        Path devStdout = Path.of("/dev/stdout");
        Path target = Files.readSymbolicLink(devStdout);
        Path viaLink = Files.createSymbolicLink(dir.resolve("out.csv"), devStdout);
        Map<String, String> before = folder();

        for (Path name : List.of(devStdout, viaLink, Path.of("/dev/null"))) {
            CliRun export = CliRun.run("export", "events", name.toString(), "--db", db.toString());

            assertRefusedInOneLine(export, "cannot export to " + name + ": it is not a regular file",
                    "or - for standard output");
        }
        assertThat(Files.isSymbolicLink(devStdout)).isTrue();
        assertThat(Files.readSymbolicLink(devStdout)).isEqualTo(target);
        assertThat(Files.isSymbolicLink(viaLink)).isTrue();
        assertThat(folder()).isEqualTo(before);
    }

    @Test
    void dash_isStandardOutputForExport_andStandardInputForImport() throws Exception {
        Path file = dir.resolve("events.csv");
        assertThat(CliRun.run("export", "events", file.toString(), "--db", db.toString()).exitCode()).isZero();

        CliRun export = CliRun.run("export", "events", "-", "--db", db.toString());
        CliRun quiet = CliRun.run("--quiet", "export", "events", "-", "--db", db.toString());
        CliRun people = CliRun.withInput("email,name,stages,countries\nana@example.org,Ana,,\n", Map.of(),
                "import", "stakeholders", "-", "--db", db.toString());
        CliRun imported = CliRun.withInput(export.out(), Map.of(), "import", "events", "-", "--db", db.toString());
        CliRun changed = CliRun.withInput(Files.readString(file).replace(
                "Binding offtake with Hyundai/Kia.", "Binding offtake with Hyundai and Kia."), Map.of(),
                "import", "events", "-", "--db", db.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).isEqualTo(Files.readString(file)); // the CSV and nothing else
        assertThat(export.err()).isEqualTo("Exported 116 rows of events to standard output\n");
        assertThat(quiet.out()).as("--quiet keeps the data asked for").isEqualTo(Files.readString(file));
        assertThat(quiet.err()).isEmpty();
        assertThat(people.exitCode()).as(people.err()).isZero();
        assertThat(people.out()).isEqualTo("Imported 1 stakeholders from stdin: 1 added, 0 reactivated, 0 updated,"
                + " 0 unchanged\n");
        assertThat(Path.of("-")).doesNotExist();
        assertThat(dir.resolve("-")).doesNotExist();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("stdin: 116 rows, 0 new, 0 updated, 116 unchanged");
        assertThat(changed.out()).contains("stdin: 116 rows, 0 new, 1 updated, 115 unchanged");
    }

    @Test
    void nulOrTabInACell_refusesTheWholeFile_withFileLineAndColumn() throws Exception {
        Path csv = exported("projects");
        String text = Files.readString(csv);
        // Line 2 is VN-LSEE-01-MET (company "LS Eco Energy ..."), line 4 KR-LSVAC-01-MAG: both are edited, so that
        // a refusal of line 4 shows the good line 2 was not written either.
        String bad = text.replace("VN-LSEE-01-MET,VN-LSEE-01,LS Eco Energy", "VN-LSEE-01-MET,VN-LSEE-01,LS Eco Energy 2")
                .replace("KR-LSVAC-01-MAG,KR-LSVAC-01,LS Eco Advanced", "KR-LSVAC-01-MAG,KR-LSVAC-01,LS\u0000Eco Advanced")
                .replace("Shin-Etsu Chemical (SMMV)", "Shin-Etsu\tChemical (SMMV)");
        assertThat(bad).isNotEqualTo(text);
        Path file = Files.writeString(dir.resolve("bad.csv"), bad);
        Map<String, String> before = folder();

        CliRun imported = CliRun.run("import", "projects", file.toString(), "--db", db.toString());

        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(3);
        assertThat(imported.err()).isEqualTo(file + ":4: company: control character (U+0000 at character 3 of the"
                + " cell); remove it\n" + file + ":8: company: control character (U+0009 at character 10 of the cell);"
                + " remove it\n" + file + ": 2 problems, nothing was imported\n");
        assertThat(folder()).isEqualTo(before);
    }

    @Test
    void lineBreaksAndTabsInNotes_areKept() throws Exception {
        Path csv = exported("projects");
        String text = Files.readString(csv);
        String multiLine = text.replace("\"Planned output from 2027 (~500,000 EVs/yr).",
                "\"Planned output from 2027.\n\tAbout 500,000 EVs a year.");
        assertThat(multiLine).isNotEqualTo(text);
        Path file = Files.writeString(dir.resolve("multi.csv"), multiLine);

        CliRun imported = CliRun.run("import", "projects", file.toString(), "--db", db.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("99 rows, 0 new, 1 updated, 98 unchanged");
        String notes = TrackerDatabase.open(db).jdbi().withHandle(h -> h.createQuery(
                "SELECT notes FROM project WHERE id = 'KR-LSVAC-01-MAG'").mapTo(String.class).one());
        assertThat(notes).startsWith("Planned output from 2027.\n\tAbout 500,000 EVs a year. MOU only");
    }

    @Test
    void headerNamingAColumnTwice_isRefused() throws Exception {
        Path csv = exported("events");
        List<String> lines = Files.readAllLines(csv);
        String duplicated = lines.get(0) + ",notes\n" + lines.get(1) + ",other notes\n";
        Path file = Files.writeString(dir.resolve("twice.csv"), duplicated);
        Path people = Files.writeString(dir.resolve("people.csv"), "email,name,stages,countries,name\n"
                + "ana@example.org,Ana,,,Ana B\n");
        Map<String, String> before = folder();

        CliRun events = CliRun.run("import", "events", file.toString(), "--db", db.toString());
        CliRun stakeholders = CliRun.run("import", "stakeholders", people.toString(), "--db", db.toString());

        assertThat(events.exitCode()).isEqualTo(3);
        assertThat(events.err()).isEqualTo(file + ":1: notes: column named twice in the header (columns 6 and 19);"
                + " keep one of them\n" + file + ": 1 problem, nothing was imported\n");
        assertThat(stakeholders.exitCode()).isEqualTo(3);
        assertThat(stakeholders.err()).startsWith(people + ":1: name: column named twice in the header (columns 2"
                + " and 5)");
        assertThat(folder()).isEqualTo(before);
    }

    @Test
    void twoImportsAtOnce_theSecondSaysAnImportHoldsTheTracker() throws Exception {
        Path csv = exported("events");
        Map<String, String> before;
        CliRun second;
        try (RunLock first = RunLock.acquire(db, java.time.Clock.systemUTC(), RunLock.Activity.IMPORT)) {
            before = folder();
            second = CliRun.run("import", "events", csv.toString(), "--db", db.toString());
        }

        assertRefusedInOneLine(second, "an import holds the tracker " + db.toRealPath() + " (pid "
                + ProcessHandle.current().pid(), "nothing was imported; import when it has finished");
        assertThat(second.err()).doesNotContain("a run");
        assertThat(sha256(db)).isEqualTo(before.get("t.db"));
    }

    private Path exported(String table) {
        Path csv = dir.resolve(table + ".csv");
        CliRun export = CliRun.run("export", table, csv.toString(), "--db", db.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        return csv;
    }

    private static void assertRefusedInOneLine(CliRun result, String... fragments) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(result.err()).contains(fragments);
    }

    /** Every file under the folder, with the SHA-256 of its bytes. */
    private Map<String, String> folder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
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
