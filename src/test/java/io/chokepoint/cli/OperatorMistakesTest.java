package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.report.ReportManifest;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The mistakes an operator makes (issue 14), against a tracker home whose January 2026 is already reported: each one
 * exits 3 with one line naming the setting and the fix, before any file is written, and nothing under reports/
 * changes.
 */
class OperatorMistakesTest {

    @TempDir
    static Path home;

    private static Path reports;
    private Map<String, String> reportsBefore;

    @BeforeAll
    static void januaryIsReported() {
        reports = home.resolve("reports");
        assertThat(CliRun.run("init", "--sample", "--home", home.toString()).exitCode()).isZero();
        CliRun january = CliRun.run("run", "--period", "2026-01", "--home", home.toString());
        assertThat(january.exitCode()).as(january.err()).isZero();
    }

    @BeforeEach
    void rememberReports() {
        reportsBefore = tree(reports);
    }

    private static CliRun cli(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        return CliRun.run(env, all.toArray(String[]::new));
    }

    private void assertRefusedInOneLine(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\tat ").contains(parts);
        assertThat(run.out()).isEmpty();
        assertThat(tree(reports)).isEqualTo(reportsBefore);
    }

    @Test
    void missingConfig_isAnError_notTheOutbox() {
        Path nope = home.resolve("nope.properties");

        CliRun run = cli(Map.of(), "run", "--period", "2026-01", "--rerun", "--config", nope.toString());

        assertRefusedInOneLine(run, "--config " + nope + ": no such settings file");
        assertThat(cli(Map.of(), "deliver", "--period", "2026-01", "--config", nope.toString()).exitCode()).isEqualTo(3);
        assertThat(cli(Map.of(), "schedule", "--config", nope.toString()).exitCode()).isEqualTo(3);
    }

    @Test
    void mistypedDb_isAnError_andMakesNoTrackerOrFolder() {
        Path typo = home.resolve("nonexistent/x.db");

        CliRun run = cli(Map.of(), "run", "--period", "2026-01", "--rerun", "--db", typo.toString());

        assertRefusedInOneLine(run, "--db " + typo + ": no such tracker file", "chokepoint init --db " + typo);
        assertThat(typo.getParent()).doesNotExist();
    }

    @Test
    void missingHome_isAnError() {
        Path typo = home.resolve("hoem");

        CliRun run = CliRun.run("run", "--period", "2026-01", "--home", typo.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--home " + typo + ": no such directory");
        assertThat(typo).doesNotExist();
    }

    @Test
    void passwordWithoutUser_isRefusedBeforeTheReportsAreWritten() {
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "localhost", "CHOKEPOINT_SMTP_FROM",
                "reports@example.org", "CHOKEPOINT_SMTP_PASSWORD", "s3cret-pw");

        CliRun run = cli(env, "run", "--period", "2026-01", "--rerun");

        assertRefusedInOneLine(run, "Invalid mail settings: environment variable CHOKEPOINT_SMTP_PASSWORD sets a"
                + " password, but no user is configured");
        assertThat(run.err()).doesNotContain("s3cret-pw");
    }

    @Test
    void misspeltPasswordVariable_namesTheRightOne() {
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "localhost", "CHOKEPOINT_SMTP_PASWORD", "x");

        CliRun run = cli(env, "run", "--period", "2026-01", "--rerun");

        assertRefusedInOneLine(run, "unknown environment variable CHOKEPOINT_SMTP_PASWORD: did you mean"
                + " CHOKEPOINT_SMTP_PASSWORD?");
    }

    @Test
    void tlsModeTls_isRefusedNamingTheKeyAndTheModes() throws IOException {
        Path config = Files.writeString(home.resolve("tls.properties"),
                "smtp.host=localhost\nsmtp.from=reports@example.org\nsmtp.tls=tls\n");

        CliRun run = cli(Map.of(), "run", "--period", "2026-01", "--rerun", "--config", config.toString());

        assertRefusedInOneLine(run, "smtp.tls in " + config + ": unknown TLS mode 'tls', expected one of none,"
                + " starttls, ssl");
        // schedule checks the same at start-up, not at the first fire
        assertThat(cli(Map.of(), "schedule", "--config", config.toString()).exitCode()).isEqualTo(3);
    }

    @Test
    void misspeltOrBadAnalysisKey_isAnError_notIgnored() throws IOException {
        Path misspelt = Files.writeString(home.resolve("misspelt.properties"), "target.year=abc\n");
        Path bad = Files.writeString(home.resolve("bad.properties"), "target-year=abc\n");

        CliRun first = cli(Map.of(), "run", "--period", "2026-01", "--rerun", "--analysis", misspelt.toString());
        CliRun second = cli(Map.of(), "run", "--period", "2026-01", "--rerun", "--analysis", "bad.properties");

        assertRefusedInOneLine(first, "unknown setting 'target.year' in " + misspelt + ": did you mean target-year?");
        // a relative --analysis is found in the home
        assertRefusedInOneLine(second, "target-year must be a year such as 2030, was 'abc'");
    }

    @Test
    void unwritableReports_isRefusedBeforeTheJob() throws IOException {
        Path plainFile = Files.writeString(home.resolve("not-a-folder"), "x");

        CliRun run = cli(Map.of(), "run", "--period", "2026-02", "--reports", plainFile.resolve("reports").toString());

        assertRefusedInOneLine(run, "--reports " + plainFile.resolve("reports") + ": " + plainFile
                + " is not a directory");
        assertThat(CliRun.run("status", "--home", home.toString(), "--period", "2026-02").out())
                .contains("No executions");
    }

    @Test
    void monthThatHasNotEnded_isRefused_unlessAllowed() {
        CliRun future = cli(Map.of(), "run", "--period", "2027-05");
        CliRun current = cli(Map.of(), "run", "--period", "2026-11");

        assertRefusedInOneLine(future, "--period 2027-05 has not ended (today is 2026-11-27)",
                "The last complete month is 2026-10", "--allow-incomplete");
        assertRefusedInOneLine(current, "--period 2026-11 has not ended");
    }

    @Test
    void monthThatHasNotEnded_inAFreshHome_makesNoTracker(@TempDir Path fresh) {
        CliRun run = CliRun.run("run", "--period", "2027-05", "--home", fresh.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("--period 2027-05 has not ended");
        assertThat(fresh).isEmptyDirectory();
    }

    @Test
    void monthBeforeTheEarliestFact_isRefusedWithTheEarliestValidMonth() {
        YearMonth earliest = TrackerDatabase.connect(home.resolve("chokepoint.db")).trackedProjects().earliestFact()
                .map(YearMonth::from).orElseThrow();

        CliRun run = cli(Map.of(), "run", "--period", "1999-01");

        assertRefusedInOneLine(run, "--period 1999-01 is before the tracker's earliest fact",
                "the earliest month it can report is " + earliest);
        assertThat(earliest).isAfter(YearMonth.of(1999, 1));
    }

    @Test
    void anotherTrackersReports_areNeverOverwritten() {
        Path other = home.resolve("other/other.db");
        assertThat(CliRun.run("init", "--sample", "--db", other.toString()).exitCode()).isZero();
        reportsBefore = tree(reports);

        CliRun run = cli(Map.of(), "run", "--period", "2026-01", "--db", other.toString(), "--reports",
                reports.toString());

        assertRefusedInOneLine(run, reports.resolve("2026-01") + " holds the reports of another tracker ("
                + home.resolve("chokepoint.db") + ")", "--reports DIR");
        assertThat(ReportManifest.read(reports.resolve("2026-01/manifest.json")).orElseThrow().tracker())
                .isEqualTo(home.resolve("chokepoint.db").toString());
    }

    @Test
    void unknownVariableOrKey_isAWarningNamingTheNearestKnownOne() throws IOException {
        Path config = Files.writeString(home.resolve("extra.properties"), "smpt.host=localhost\n");

        CliRun run = cli(Map.of("CHOKEPOINT_DBB", "x.db"), "run", "--period", "2026-01", "--config", config.toString());

        // the run goes on (here to its refusal of a completed month) after the warnings
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Warning: unknown environment variable CHOKEPOINT_DBB: did you mean CHOKEPOINT_DB?")
                .contains("Warning: unknown setting 'smpt.host' in " + config + ": did you mean smtp.host?");
        assertThat(tree(reports)).isEqualTo(reportsBefore);
    }

    @Test
    void quiet_printsOnlyErrors() {
        CliRun quiet = cli(Map.of("CHOKEPOINT_DBB", "x.db"), "run", "--period", "2026-01", "--quiet");

        assertThat(quiet.exitCode()).isEqualTo(2);
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err().strip()).doesNotContain("Warning").startsWith("Period 2026-01 already completed");
    }

    /** Every file and folder under {@code root}, with its size and modification time. */
    static Map<String, String> tree(Path root) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root)) {
            return entries;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(p -> {
                try {
                    entries.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                            : Files.size(p) + " bytes, modified " + Files.getLastModifiedTime(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
