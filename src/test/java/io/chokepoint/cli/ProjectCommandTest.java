package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.TestTrackers.Contents;

class ProjectCommandTest {

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void sampleTracker() {
        db = CliRun.sampleTracker(dir);
    }

    private CliRun cli(String... args) {
        return CliRun.onTracker(db, args);
    }

    /** The project as {@code export} writes it: one CSV line. */
    private String exported(String id) throws Exception {
        Path csv = dir.resolve("projects-" + System.nanoTime() + ".csv");
        assertThat(cli("export", "projects", csv.toString()).exitCode()).isZero();
        return Files.readAllLines(csv).stream().filter(l -> l.startsWith(id + ",")).findFirst().orElse(null);
    }

    @Test
    void add_withTheRequiredAndSomeOptionalColumns_storesTheProject() throws Exception {
        CliRun run = cli("project", "add", "--id", "VN-TEST-01-ALY", "--facility-id", "VN-TEST-01",
                "--company", "Société Générale Terres Rares", "--owner-country", "FR;VN", "--facility", "Test alloy line",
                "--country", "VN", "--region", "Hải Phòng", "--stage", "alloy", "--status", "announced",
                "--status-as-of", "2026-01-12", "--capacity-tpa", "800", "--capacity-unit", "t alloy",
                "--capacity-basis", "target", "--announced-on", "2026-01-12", "--target-year", "2028",
                "--sources", "Test Gazette 2026-01-12");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("Added project VN-TEST-01-ALY (alloy stage of facility VN-TEST-01)");
        assertThat(exported("VN-TEST-01-ALY")).isEqualTo("VN-TEST-01-ALY,VN-TEST-01,Société Générale Terres Rares,"
                + "FR;VN,Test alloy line,VN,Hải Phòng,alloy,announced,2026-01-12,800,t alloy,target,,,,2026-01-12,2028,,"
                + "unknown,,Test Gazette 2026-01-12,,,");
    }

    @Test
    void add_withBadValues_namesEveryBadOption_exit3_andChangesNothing() {
        Contents before = TestTrackers.contents(db);

        CliRun run = cli("project", "add", "--id", "VN-TEST-01-MET", "--facility-id", "VN-TEST-01", "--company", "Co",
                "--owner-country", "KR", "--facility", "F", "--country", "QQ", "--stage", "metl", "--status", "approved",
                "--capacity-tpa", "500", "--announced-on", "17/12/2025");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                "--country: country 'QQ' is not an ISO 3166 country code",
                "--stage: unknown stage 'metl', expected one of mining, concentration, separation, metal, alloy, "
                        + "magnet, recycling",
                "--capacity-unit: is required when --capacity-tpa is given",
                "--capacity-basis: is required when --capacity-tpa is given",
                "--announced-on: '17/12/2025' is not a date of the form YYYY-MM-DD");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void add_ofAnExistingId_isRefusedWithTheUpdateCommand() {
        CliRun run = cli("project", "add", "--id", "VN-LSEE-01-MET", "--facility-id", "VN-LSEE-01", "--company", "Co",
                "--owner-country", "KR", "--facility", "F", "--country", "VN", "--stage", "metal", "--status", "approved");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("--id: project 'VN-LSEE-01-MET' already exists; change it with: "
                + "chokepoint project update VN-LSEE-01-MET");
    }

    @Test
    void add_withoutARequiredOption_isAUsageError() {
        CliRun run = cli("project", "add", "--id", "VN-TEST-01-MET", "--company", "Co");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options").contains("--facility-id").contains("--stage");
    }

    @Test
    void update_changesOnlyTheGivenColumns() throws Exception {
        String before = exported("VN-LSEE-01-MET");

        CliRun run = cli("project", "update", "VN-LSEE-01-MET", "--status", "financing", "--status-as-of", "2026-01-20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("Updated project VN-LSEE-01-MET:",
                "  status: approved -> financing", "  status_as_of: 2025-12-22 -> 2026-01-20");
        assertThat(exported("VN-LSEE-01-MET"))
                .isEqualTo(before.replace(",metal,approved,2025-12-22,", ",metal,financing,2026-01-20,"));
    }

    @Test
    void update_withAnEmptyValue_clearsAnOptionalColumn() throws Exception {
        CliRun run = cli("project", "update", "VN-LSEE-01-MET", "--region", "");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("Updated project VN-LSEE-01-MET:",
                "  region: Ho Chi Minh City -> (empty)");
        assertThat(exported("VN-LSEE-01-MET")).contains(",VN,,metal,");
    }

    @Test
    void update_withTheSameValues_changesNothing() {
        Contents before = TestTrackers.contents(db);

        CliRun run = cli("project", "update", "VN-LSEE-01-MET", "--status", "approved");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("Project VN-LSEE-01-MET: nothing changed");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void update_withBadValues_namesTheOptions_exit3_andChangesNothing() {
        Contents before = TestTrackers.contents(db);

        CliRun run = cli("project", "update", "VN-LSEE-01-MET", "--target-year", "20x7", "--capacity-tpa", "1,200");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                "--capacity-tpa: '1,200' is not a number (plain digits, no thousands separators)",
                "--capacity-unit: is required when --capacity-tpa is given",
                "--capacity-basis: is required when --capacity-tpa is given",
                "--target-year: '20x7' is not a four-digit year from 1900 to 2100");
        assertThat(TestTrackers.contents(db)).isEqualTo(before);
    }

    @Test
    void update_ofAnUnknownProject_isAnInputError() {
        CliRun run = cli("project", "update", "VN-NOPE-01-MET", "--status", "approved");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("no project 'VN-NOPE-01-MET' in the tracker");
    }

    @Test
    void show_printsTheFactsTheStateTodayAndTheFacilitysEvents() {
        CliRun run = cli("project", "show", "VN-LSEE-01-MET");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Project VN-LSEE-01-MET: metal stage of facility VN-LSEE-01");
        assertThat(lines).contains(
                "  company              LS Eco Energy (majority-owned by LS Cable & System)",
                "  country              VN",
                "  region               Ho Chi Minh City",
                "  status               approved",
                "  investment_amount    28500000000",
                "  investment_usd_m     19.3",
                "State on 2026-11-27: approved, no target year, capacity undisclosed",
                "Events of facility VN-LSEE-01 (1):",
                "  2025-12-17  approval -> approved  [KRW 28500000000]");
        // Empty columns are left out.
        assertThat(lines).noneMatch(l -> l.startsWith("  capacity_tpa"));
    }

    @Test
    void show_ofAnUnknownProject_isAnInputError() {
        CliRun run = cli("project", "show", "VN-NOPE-01-MET");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("no project 'VN-NOPE-01-MET' in the tracker");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void help_worksOnEverySubcommand() {
        for (String sub : List.of("add", "update", "show")) {
            CliRun run = CliRun.run("project", sub, "--help");

            assertThat(run.exitCode()).as(sub).isZero();
            assertThat(run.out()).as(sub).contains("Usage: chokepoint project " + sub).contains("--db");
        }
        assertThat(CliRun.run("project", "--help").out()).contains("add").contains("update").contains("show");
    }
}
