package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.JobRepositoryProbe.Execution;
import io.chokepoint.TestTrackers;
import io.chokepoint.tracking.store.TrackerDatabase;

class RestartCommandTest {

    @TempDir
    Path dir;

    private TrackerDatabase tracker;
    private JobRepositoryProbe repository;

    @BeforeEach
    void tracker() {
        tracker = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");
        repository = new JobRepositoryProbe(tracker.jobRepositoryFile());
    }

    private CliRun run() {
        return CliRun.run("run", "--period", "2026-01", "--db", tracker.file().toString(),
                "--reports", dir.resolve("reports").toString(), "--chunk-size", "2");
    }

    private CliRun restart(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "restart";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = tracker.file().toString();
        return CliRun.run(all);
    }

    private void breakLastProject() {
        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET stage = 'metallurgy' WHERE id = 'VN-LSEE-01-MET'"));
    }

    private void fixLastProject() {
        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET stage = 'metal' WHERE id = 'VN-LSEE-01-MET'"));
    }

    @Test
    void failedExecutionById_restartsFromItsCheckpoint_intoItsOwnReportsDirectory() {
        breakLastProject();
        assertThat(run().exitCode()).isEqualTo(1);
        fixLastProject();

        CliRun restart = restart("1");

        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("restarting execution 1 (FAILED) from its last checkpoint")
                .contains("Execution id: 2").contains("Status: COMPLETED")
                .contains("Wrote: " + dir.resolve("reports/2026-01/chokepoint-2026-01.pdf"));
        assertThat(repository.executions()).extracting(Execution::instanceId).containsExactly(1L, 1L);
        assertThat(repository.step(2, "snapshot").orElseThrow().readCount()).isEqualTo(2);
    }

    @Test
    void restart_keepsJBeretsWarningsOffTheTerminal_andInTheRunsLog() throws Exception {
        breakLastProject();
        assertThat(run().exitCode()).isEqualTo(1);
        fixLastProject();

        CliRun[] restart = new CliRun[1];
        String console = CliRun.processStderrOf(() -> restart[0] = restart("1"));

        assertThat(restart[0].exitCode()).as(restart[0].err()).isZero();
        // JBeret says this of every step that had not started before the failure: bookkeeping, not news.
        assertThat(console).doesNotContain("JBERET").doesNotContain("org.jberet");
        assertThat(Files.readString(dir.resolve("reports/2026-01/run-2.log")))
                .contains("WARN  [").contains("org.jberet - JBERET000018: Could not find the original step execution");
    }

    @Test
    void notTheLatestOfItsInstance_exits2_namingTheLatest_whichRestarts() {
        breakLastProject();
        assertThat(run().exitCode()).isEqualTo(1);
        assertThat(restart("1").exitCode()).isEqualTo(1); // still broken: execution 2 fails as well

        CliRun old = restart("1");

        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.err()).contains("Execution 1 (period 2026-01) is not the latest of its job instance")
                .contains("execution 2 (FAILED)").contains("chokepoint restart 2");
        assertThat(repository.executions()).hasSize(2);

        fixLastProject();
        CliRun latest = restart("--period", "2026-01");
        assertThat(latest.exitCode()).as(latest.err()).isZero();
        assertThat(latest.out()).contains("restarting execution 2 (FAILED)");
    }

    @Test
    void completedExecution_exits2_sayingHowToRedoThePeriod() {
        assertThat(run().exitCode()).isZero();

        CliRun restart = restart("1");

        assertThat(restart.exitCode()).isEqualTo(2);
        assertThat(restart.err()).contains("Execution 1 (period 2026-01) completed")
                .contains("chokepoint run --period 2026-01 --rerun");
        assertThat(repository.executions()).hasSize(1);
    }

    @Test
    void unknownExecutionId_exits3() {
        assertThat(run().exitCode()).isZero();

        CliRun restart = restart("42");

        assertThat(restart.exitCode()).isEqualTo(3);
        assertThat(restart.err()).contains("No execution 42").contains("chokepoint status");
    }

    @Test
    void periodWithNoExecution_exits3_sayingHowToStartIt() {
        CliRun restart = restart("--period", "2026-02");

        assertThat(restart.exitCode()).isEqualTo(3);
        assertThat(restart.err()).contains("No execution for period 2026-02").contains("chokepoint run --period 2026-02");
    }

    @Test
    void missingTracker_exits3_andCreatesNothing() {
        Path missing = dir.resolve("missing.db");

        CliRun restart = CliRun.run("restart", "1", "--db", missing.toString());

        assertThat(restart.exitCode()).isEqualTo(3);
        assertThat(restart.err()).contains("no such tracker file " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void idAndPeriodTogether_isAUsageError() {
        CliRun restart = restart("1", "--period", "2026-01");

        assertThat(restart.exitCode()).isEqualTo(2);
        assertThat(restart.err()).contains("either EXECUTION_ID or --period");
    }
}
