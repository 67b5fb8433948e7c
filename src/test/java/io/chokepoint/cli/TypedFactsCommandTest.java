package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.TestTrackers.Contents;

/** Typed event facts through `import events` and `event add`: every bad cell named, the whole file refused. */
class TypedFactsCommandTest {

    private static final String HEADER = "facility_id,date,event,status_after,value,notes,source,stage,target_year,"
            + "capacity_tpa,capacity_unit,capacity_basis\n";

    @TempDir
    Path dir;

    private Path sampleTracker() {
        return CliRun.sampleTracker(dir);
    }

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("events.csv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void badTypedCells_eachNamedAtItsLine_exit3_nothingImported() throws Exception {
        Path db = sampleTracker();
        Contents before = TestTrackers.contents(db);
        Path csv = file(HEADER
                // line 2: valid, typed (a slip for the metal row), kept out by the rollback
                + "VN-LSEE-01,2026-01-20,target_change,,,,News 2026-01-20,metal,2029,,,\n"
                // line 3: a year out of range, and a word that is not 'none'
                + "VN-LSEE-01,2026-01-21,target_change,,,,News 2026-01-21,,1989,,,\n"
                + "VN-LSEE-01,2026-01-22,target_change,,,,News 2026-01-22,,never,,,\n"
                // line 5: capacity without unit and basis; line 6: zero capacity, unknown unit and basis
                + "VN-LSEE-01,2026-01-23,capacity_revision,,,,News 2026-01-23,metal,,500,,\n"
                + "VN-LSEE-01,2026-01-24,capacity_revision,,,,News 2026-01-24,metal,,0,t metals,planned\n"
                // line 7: a stage the facility does not have; line 8: a unit without a capacity
                + "VN-LSEE-01,2026-01-25,capacity_revision,,,,News 2026-01-25,magnet,,500,t magnet,nameplate\n"
                + "VN-LSEE-01,2026-01-26,capacity_revision,,,,News 2026-01-26,,,,t metal,\n");

        CliRun run = CliRun.run("import", "events", csv.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        String name = csv.toString();
        assertThat(run.err().lines()).containsExactly(
                name + ":3: target_year: '1989' is not a year from 1990 to 2100 or 'none' (timeline withdrawn)",
                name + ":4: target_year: 'never' is not a year from 1990 to 2100 or 'none' (timeline withdrawn)",
                name + ":5: capacity_unit: is required when capacity_tpa is given",
                name + ":5: capacity_basis: is required when capacity_tpa is given",
                name + ":6: capacity_unit: unknown unit 't metals', expected one of t REO, t NdPr oxide, "
                        + "t NdPr oxide eq, t concentrate, t ore, t feed, t metal, t alloy, t magnet, t unspecified, t Dy-Tb oxide",
                name + ":6: capacity_basis: unknown capacity basis 'planned', expected one of nameplate, target, "
                        + "actual_output, contract, quota",
                name + ":6: capacity_tpa: must be positive, was 0",
                name + ":7: stage: facility 'VN-LSEE-01' has no magnet row (an event's stage must be one of its "
                        + "facility's stages)",
                name + ":8: capacity_unit: must be empty when capacity_tpa is empty",
                name + ": 9 problems, nothing was imported");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void typedFactsOfAReimportedEvent_areFilledIn_andExportedBack() throws Exception {
        Path db = sampleTracker();
        // Arafura's Oct 2025 capital-raise event, recorded untyped in the sample: the same event with a typed
        // capacity for its separation row updates it in place.
        String arafura = "AU-ARAFURA-01,2025-10-01,target_change,financing,FID Q1 2026,October 2025 capital-raise "
                + "documents target FID in Q1 2026 (FID previously targeted early 2025); month only.,"
                + "ad-hoc-news 2026-01-02 https://www.ad-hoc-news.de/boerse/news/ueberblick/"
                + "arafura-resources-nears-critical-project-decision/68450882";
        // Its date is month-precise: a file that re-records it says so, or the event becomes day-precise.
        Path csv = file(HEADER.strip() + ",date_precision\n"
                + arafura + ",separation,,4440,t NdPr oxide,nameplate,month\n");

        CliRun run = CliRun.run("import", "events", csv.toString(), "--db", db.toString());
        CliRun exported = CliRun.run("export", "events", dir.resolve("out.csv").toString(), "--db", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 row, 0 new, 1 updated, 0 unchanged");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.csv")))
                .contains(arafura + ",separation,,4440,t NdPr oxide,nameplate,,,,,,month\n");
    }

    @Test
    void eventAdd_typedOptions_recordTheFacts_andProjectShowDerivesTheState() {
        Path db = sampleTracker();

        CliRun added = CliRun.run("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind",
                "capacity_revision", "--stage", "metal", "--capacity-tpa", "500", "--capacity-unit", "t metal",
                "--capacity-basis", "nameplate", "--target-year", "2027", "--value", "500 t/yr from 2027 (not 2031)",
                "--source", "News 2026-01-20", "--db", db.toString());
        CliRun shown = CliRun.run("project", "show", "VN-LSEE-01-MET", "--db", db.toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out().strip()).isEqualTo("Recorded for facility VN-LSEE-01: 2026-01-20 capacity_revision "
                + "[metal], target year 2027, capacity 500 t metal (nameplate)");
        assertThat(shown.out()).contains("State on 2026-11-27: approved, target year 2027, capacity 500 t metal "
                + "(nameplate)").contains("      typed: stage metal; target year 2027; capacity 500 t metal (nameplate)");
    }

    @Test
    void eventAdd_badTypedOptions_nameTheOptions_exit3() {
        Path db = sampleTracker();
        Contents before = TestTrackers.contents(db);

        CliRun run = CliRun.run("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind", "target_change",
                "--stage", "magnet", "--target-year", "20", "--capacity-tpa", "-3", "--source", "News",
                "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).contains(
                "--target-year: '20' is not a year from 1990 to 2100 or 'none' (timeline withdrawn)",
                "--capacity-tpa: must not be negative, was -3");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void eventAdd_aStageTheFacilityDoesNotHave_isRefused() {
        Path db = sampleTracker();

        CliRun run = CliRun.run("event", "add", "VN-LSEE-01-MET", "--date", "2026-01-20", "--kind", "target_change",
                "--stage", "magnet", "--target-year", "none", "--source", "News", "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("--stage: facility VN-LSEE-01 has no magnet row; its stages are metal");
    }
}
