package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.GeneratedTracker;
import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.JobRepositoryProbe.Execution;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * A month stuck after a failure caused by its reports folder (issue 14): the corrected run is refused rather than
 * quietly restarted with the old folder, {@code abandon} gives the failed execution up, and the next run starts the
 * month afresh with the new options. The failure itself is one line on the terminal, the trace in the run's log.
 */
class StuckMonthTest {

    @TempDir
    Path home;

    @Test
    void failureInBadReports_correctedRunIsRefused_abandonLetsTheMonthStartAfresh() throws Exception {
        assertThat(CliRun.run("init", "--sample", "--home", home.toString()).exitCode()).isZero();
        Path bad = home.resolve("bad");
        // the workbook's name is taken by a folder: write-reports cannot put the workbook in place
        Files.createDirectories(bad.resolve("2026-01/chokepoint-2026-01.xlsx/in-the-way"));

        // given a run that failed because of its reports folder
        CliRun failed = CliRun.run("run", "--period", "2026-01", "--home", home.toString(), "--reports", "bad");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(3); // an environment problem (ENVIRONMENT: …)
        assertThat(failed.out()).contains("Status: FAILED (write-reports: ")
                .contains("Log: " + bad.resolve("2026-01/run-1.log"));
        assertThat(failed.out() + failed.err()).doesNotContain("\tat ").doesNotContain("Exception:");
        String log = Files.readString(bad.resolve("2026-01/run-1.log"));
        assertThat(log).contains("\tat ").containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                .contains("Status: FAILED (write-reports: ");

        // when the operator corrects --reports: the restart would keep the old folder, so it is refused
        CliRun corrected = CliRun.run("run", "--period", "2026-01", "--home", home.toString(), "--reports", "reports");

        assertThat(corrected.exitCode()).isEqualTo(3);
        assertThat(corrected.err().strip()).doesNotContain("\n")
                .contains("execution 1 (FAILED) would be restarted with the options it started with")
                .contains("--reports " + home.resolve("reports") + " (was " + bad + ")")
                .contains("chokepoint abandon --period 2026-01");
        assertThat(home.resolve("reports")).doesNotExist();

        // then abandon, and the month starts afresh with the new folder
        CliRun abandon = CliRun.run("abandon", "--period", "2026-01", "--home", home.toString());
        assertThat(abandon.exitCode()).as(abandon.err()).isZero();
        assertThat(abandon.out()).contains("execution 1 (FAILED) is abandoned");
        CliRun again = CliRun.run("run", "--period", "2026-01", "--home", home.toString(), "--reports", "reports");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Execution id: 2").contains("Status: COMPLETED");
        assertThat(home.resolve("reports/2026-01/chokepoint-2026-01.pdf")).isRegularFile();
        assertThat(new JobRepositoryProbe(home.resolve("chokepoint-jobs.db")).executions())
                .extracting(Execution::status).containsExactly("ABANDONED", "COMPLETED");

        // abandon refuses what it cannot do
        CliRun completed = CliRun.run("abandon", "--period", "2026-01", "--home", home.toString());
        assertThat(completed.exitCode()).isEqualTo(2);
        assertThat(completed.err()).contains("only a failed or stopped execution can be abandoned").contains("--rerun");
        CliRun none = CliRun.run("abandon", "--period", "2026-02", "--home", home.toString());
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).contains("No execution for period 2026-02");
    }

    @Test
    void consoleLogLines_areDated_andShowTracesOnlyWithVerbose() throws Exception {
        assertThat(CliRun.run("init", "--sample", "--home", home.toString()).exitCode()).isZero();
        Files.createDirectories(home.resolve("reports/2026-01/chokepoint-2026-01.xlsx/in-the-way"));

        // JBeret logs the failure through logback's console appender, which writes to the process's stderr
        String plain = CliRun.processStderrOf(() -> CliRun.run("run", "--period", "2026-01", "--home", home.toString()));
        String verbose = CliRun.processStderrOf(() -> CliRun.run("run", "--period", "2026-01", "--home", home.toString(),
                "--verbose"));

        // JBeret's own warning about the failed step is for the run's log (the command says what failed); the
        // terminal gets it, dated and with its trace, only with --verbose.
        assertThat(plain).doesNotContain("JBERET").doesNotContain("\tat ");
        assertThat(Files.readString(home.resolve("reports/2026-01/run-1.log"))).contains("JBERET000001: Failed to run batchlet");
        assertThat(verbose).containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} WARN  org.jberet - JBERET000001: Failed to run batchlet")
                .contains("\tat ");
    }

    @Test
    void init_makesEmptyOrSampleTrackers_neverOverAnExistingOne_andTheDefaultPathIsMadeOnFirstUse() {
        CliRun empty = CliRun.run("init", "--home", home.resolve("new-home").toString());
        CliRun again = CliRun.run("init", "--sample", "--home", home.resolve("new-home").toString());
        CliRun firstUse = CliRun.run("stakeholders", "list", "--home", home.toString());

        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("Made a new tracker " + home.resolve("new-home/chokepoint.db") + ", empty");
        assertThat(TrackerDatabase.connect(home.resolve("new-home/chokepoint.db")).trackedProjects().projectCount())
                .isZero();
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("the file exists");
        assertThat(firstUse.exitCode()).isZero();
        assertThat(firstUse.err()).contains("Note: made a new tracker " + home.resolve("chokepoint.db")
                + " with the sample data");
        assertThat(TrackerDatabase.connect(home.resolve("chokepoint.db")).trackedProjects().projectCount())
                .isGreaterThan(50);
    }

    @Test
    void progress_isShownOnATerminalOnly() {
        // Large enough that the snapshot lasts several of the line's 250 ms refreshes even on a fast machine.
        GeneratedTracker.create(home.resolve("chokepoint.db"), 20_000);
        List<String> args = List.of("run", "--period", "2026-01", "--home", home.toString(), "--no-email",
                "--chunk-size", "50");

        CliRun watched = CliRun.atTerminal(args.toArray(String[]::new));
        CliRun again = CliRun.run(List.of("run", "--period", "2026-02", "--home", home.toString(), "--no-email",
                "--chunk-size", "50").toArray(String[]::new));

        assertThat(watched.exitCode()).as(watched.err()).isZero();
        assertThat(watched.err()).containsPattern("\rsnapshot: [0-9,]+ of [0-9,]+ rows, [0-9,]+ rows/s, ETA \\d+ s");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).doesNotContain("\r").doesNotContain("rows/s");
    }
}
