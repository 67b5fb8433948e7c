package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.TestTrackers.Contents;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * CSV injection (issue 17, OWASP): exported text that starts like a formula gets a leading quote, numbers do not,
 * {@code --raw} writes it as stored, and the quoted file imports back unchanged.
 */
class ExportFormulaTest {

    @TempDir
    Path dir;

    private Path tracker() {
        Path db = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker").file();
        TrackerDatabase.connect(db).jdbi().useHandle(h -> {
            h.execute("UPDATE project SET notes = '=HYPERLINK(\"http://evil.example\",\"see\")', region = '-2+3',"
                    + " offtake = '@SUM(A1)', sources = '+cmd|'' /C calc''!A0', company = '''=quoted already'"
                    + " WHERE id = 'VN-LSEE-01-MET'");
            h.execute("UPDATE facility_event SET value = '-5' WHERE facility_id = 'VN-LSEE-01'");
        });
        return db;
    }

    private static CSVRecord record(Path csv, String column, String key) throws Exception {
        try (Reader in = Files.newBufferedReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .filter(r -> r.get(column).equals(key))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void formulaLeadingText_isQuoted_numbersAreNot_andTheFileImportsBackUnchanged() throws Exception {
        Path db = tracker();
        Contents before = TestTrackers.contents(db);
        Path projects = dir.resolve("projects.csv");
        Path events = dir.resolve("events.csv");

        assertThat(CliRun.run("export", "projects", projects.toString(), "--db", db.toString()).exitCode()).isZero();
        assertThat(CliRun.run("export", "events", events.toString(), "--db", db.toString()).exitCode()).isZero();

        CSVRecord p = record(projects, "id", "VN-LSEE-01-MET");
        assertThat(p.get("notes")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"see\")");
        assertThat(p.get("region")).isEqualTo("'-2+3");
        assertThat(p.get("offtake")).isEqualTo("'@SUM(A1)");
        assertThat(p.get("sources")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(p.get("company")).isEqualTo("''=quoted already");
        assertThat(p.get("capacity_tpa")).doesNotStartWith("'");
        assertThat(record(events, "facility_id", "VN-LSEE-01").get("value")).isEqualTo("-5");

        CliRun reimported = CliRun.run("import", "projects", projects.toString(), "--db", db.toString());
        assertThat(reimported.exitCode()).as(reimported.err()).isZero();
        assertThat(reimported.out()).contains(" 0 new, 0 updated");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void raw_writesTextAsStored() throws Exception {
        Path db = tracker();
        Path projects = dir.resolve("projects.csv");

        CliRun export = CliRun.run("export", "projects", projects.toString(), "--raw", "--db", db.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        CSVRecord p = record(projects, "id", "VN-LSEE-01-MET");
        assertThat(List.of(p.get("notes"), p.get("region"), p.get("offtake"), p.get("company"))).containsExactly(
                "=HYPERLINK(\"http://evil.example\",\"see\")", "-2+3", "@SUM(A1)", "'=quoted already");
    }
}
