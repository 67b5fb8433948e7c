package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.tracking.ExportControl;
import io.chokepoint.tracking.store.TrackerDatabase;

/** `import controls` and `export controls`: the sample's eight measures round-trip, and a bad cell refuses the file. */
class ExportControlsCommandTest {

    private static final String HEADER = "id,country,authority,measure,elements,forms,scope,announced_on,effective_on,"
            + "suspended_on,suspended_until,lifted_on,source,notes\n";

    @TempDir
    Path dir;

    private static List<List<String>> records(Reader in) throws Exception {
        try (in) {
            return CSVFormat.RFC4180.parse(in).getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    @Test
    void sampleTracker_exportsTheSampleFilesEightControls_cellForCell() throws Exception {
        Path db = dir.resolve("chokepoint.db");
        TrackerDatabase.open(db);
        Path out = dir.resolve("controls.csv");

        CliRun run = CliRun.run("export", "controls", out.toString(), "--db", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> sample = records(new InputStreamReader(
                ExportControlsCommandTest.class.getResourceAsStream("/sample/export_controls.csv"),
                StandardCharsets.UTF_8));
        List<List<String>> exported = records(Files.newBufferedReader(out));
        assertThat(sample).hasSize(9); // header and the README's 8 rows
        // Exported by id; the sample file is in id order too.
        assertThat(exported).isEqualTo(sample);
    }

    @Test
    void exportThenImportIntoAnEmptyTracker_givesTheSameControls_andASecondImportChangesNothing() throws Exception {
        Path sample = dir.resolve("sample.db");
        TrackerDatabase.open(sample);
        Path file = dir.resolve("controls.csv");
        assertThat(CliRun.run("export", "controls", file.toString(), "--db", sample.toString()).exitCode()).isZero();
        Path empty = dir.resolve("empty.db");
        assertThat(CliRun.run("init", "--db", empty.toString()).exitCode()).isZero();

        CliRun first = CliRun.run("import", "controls", file.toString(), "--db", empty.toString());
        CliRun second = CliRun.run("import", "controls", file.toString(), "--db", empty.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("8 rows, 8 new");
        assertThat(second.out()).contains("0 new, 0 updated, 8 unchanged");
        List<ExportControl> original = TrackerDatabase.open(sample).trackedProjects().controls();
        assertThat(TrackerDatabase.open(empty).trackedProjects().controls()).isEqualTo(original);
    }

    @Test
    void badCells_eachNamedAtItsLine_exit3_wholeFileRefused() throws Exception {
        Path db = dir.resolve("chokepoint.db");
        TrackerDatabase.open(db);
        List<ExportControl> before = TrackerDatabase.open(db).trackedProjects().controls();
        Path csv = Files.writeString(dir.resolve("controls.csv"), HEADER
                // line 2: valid, kept out by the refusal
                + "XY-2026-001,CN,MOFCOM,Good,Dy;Tb,oxide,export,2026-01-02,2026-01-02,,,,src,\n"
                // line 3: an element that is no rare earth, a form and a scope outside the vocabulary
                + "XY-2026-002,CN,MOFCOM,Bad,Dy;Co,oxide;powder,import,2026-01-02,2026-01-02,,,,src,\n"
                // line 4: a country that is none; effective before announced
                + "XY-2026-003,QQ,MOFCOM,Bad,Dy,metal,export,2026-01-10,2026-01-02,,,,src,\n"
                // line 5: a suspension that ends before it starts; lifted before effective
                + "XY-2026-004,CN,MOFCOM,Bad,Dy,metal,export,2026-01-02,2026-01-05,2026-02-01,2026-02-01,2026-01-04,src,\n"
                // line 6: rest of world imposes nothing
                + "XY-2026-005,XX,MOFCOM,Bad,Dy,metal,export,2026-01-02,,,,,src,\n",
                StandardCharsets.UTF_8);

        CliRun run = CliRun.run("import", "controls", csv.toString(), "--db", db.toString());

        String name = csv.toString();
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                name + ":3: elements: unknown element 'Co', expected rare-earth symbols such as Dy, one of "
                        + String.join(", ", ExportControl.RARE_EARTHS),
                name + ":3: forms: unknown form 'powder', expected one of ore, concentrate, oxide, metal, alloy, "
                        + "magnet, compound, technology, equipment",
                name + ":3: scope: unknown scope 'import', expected one of export, extraterritorial, procurement",
                name + ":4: country: country 'QQ' is not an ISO 3166 country code",
                name + ":4: effective_on: 2026-01-02 is before announced_on 2026-01-10",
                name + ":5: suspended_until: 2026-02-01 is not after suspended_on 2026-02-01",
                name + ":5: lifted_on: 2026-01-04 is before effective_on 2026-01-05",
                name + ":6: country: unknown country 'XX': a control is imposed by a country",
                name + ": 8 problems, nothing was imported");
        assertThat(TrackerDatabase.open(db).trackedProjects().controls()).isEqualTo(before).hasSize(8);
    }
}
