package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.GeneratedTracker;
import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.JobRepositoryProbe.Execution;
import io.chokepoint.ReportFileReader;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The real command line in a child JVM, interrupted mid-snapshot by SIGKILL or SIGTERM; then {@code run} again.
 * The tracker is large (10,000 generated projects) and checkpoints every 50, so the snapshot step takes some 200
 * chunks: long enough to be caught under way by polling the job repository, short enough for the build.
 */
class InterruptedRunTest {

    private static final int GENERATED = 10_000;
    private static final int PROJECTS = GENERATED + 8;
    private static final String PERIOD = "2026-01";

    @TempDir
    Path dir;

    private String[] runArgs(Path db, Path reports) {
        return new String[] {"run", "--period", PERIOD, "--db", db.toString(), "--reports", reports.toString(),
                "--chunk-size", "50"};
    }

    @Test
    void killedDuringSnapshot_nextRunRestartsTheSameInstance_andMatchesAnUninterruptedRun() throws Exception {
        TrackerDatabase tracker = GeneratedTracker.create(dir.resolve("chokepoint.db"), GENERATED);
        Path copy = GeneratedTracker.copy(tracker, dir.resolve("reference.db"));
        JobRepositoryProbe repository = new JobRepositoryProbe(tracker.jobRepositoryFile());

        // given a run killed with SIGKILL while the snapshot step is under way
        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, runArgs(tracker.file(), dir.resolve("reports")))) {
            child.awaitWhileAlive("the snapshot step to commit a chunk", repository::snapshotUnderWay);
            child.kill();
            assertThat(child.exitCode()).isNotZero();
        }
        Execution killed = repository.executions().get(0);
        assertThat(killed.status()).isEqualTo("STARTED");

        // when the same period is run again
        CliRun again = CliRun.run(runArgs(tracker.file(), dir.resolve("reports")));

        // then it restarts that execution: same job instance, new execution, completed
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarting execution " + killed.id());
        assertThat(again.err()).contains("took over").contains("which ended without releasing it");
        List<Execution> executions = repository.executions();
        assertThat(executions).hasSize(2);
        assertThat(executions.get(1).instanceId()).isEqualTo(killed.instanceId());
        assertThat(executions.get(1).status()).isEqualTo("COMPLETED");
        assertThat(executions.get(0).status()).isEqualTo("FAILED");
        // The restarted snapshot step read only what the killed one had not checkpointed.
        long before = repository.step(killed.id(), "snapshot").orElseThrow().writeCount();
        long after = repository.step(executions.get(1).id(), "snapshot").orElseThrow().readCount();
        assertThat(before).isPositive();
        assertThat(after).isLessThan(PROJECTS);

        // One row per project, none twice, whatever chunk was written twice around the kill.
        assertThat(periodRowCounts(tracker)).containsExactly(PROJECTS, PROJECTS);

        // The same numbers as an uninterrupted run of a copy of the tracker.
        CliRun reference = CliRun.run(runArgs(copy, dir.resolve("reference")));
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(cells(dir.resolve("reports/2026-01/chokepoint-2026-01.xlsx")))
                .isEqualTo(cells(dir.resolve("reference/2026-01/chokepoint-2026-01.xlsx")));
    }

    @Test
    void sigtermDuringSnapshot_stopsTheExecution_exits1_andRunRestartsIt() throws Exception {
        TrackerDatabase tracker = GeneratedTracker.create(dir.resolve("chokepoint.db"), GENERATED);
        JobRepositoryProbe repository = new JobRepositoryProbe(tracker.jobRepositoryFile());

        // given a run sent SIGTERM while the snapshot step is under way
        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, runArgs(tracker.file(), dir.resolve("reports")))) {
            child.awaitWhileAlive("the snapshot step to commit a chunk", repository::snapshotUnderWay);
            child.terminate();

            // then it stops cleanly: exit code 1, execution STOPPED, lock released
            assertThat(child.exitCode()).as(child.err()).isEqualTo(1);
            assertThat(child.err()).contains("stopping execution 1");
            assertThat(child.out()).contains("Status: STOPPED (stopped by signal)");
        }
        assertThat(repository.execution(1).orElseThrow().status()).isEqualTo("STOPPED");
        assertThat(repository.step(1, "snapshot").orElseThrow().status()).isEqualTo("STOPPED");

        // when the period is run again, it restarts the stopped execution and completes
        CliRun again = CliRun.run(runArgs(tracker.file(), dir.resolve("reports")));

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarting execution 1 (STOPPED)");
        assertThat(again.err()).doesNotContain("took over"); // the stopped process released its lock
        assertThat(repository.executions()).extracting(Execution::status).containsExactly("STOPPED", "COMPLETED");
        assertThat(periodRowCounts(tracker)).containsExactly(PROJECTS, PROJECTS);
        assertThat(dir.resolve("reports/2026-01/manifest.json")).exists();
    }

    private static List<Integer> periodRowCounts(TrackerDatabase tracker) {
        return tracker.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) AS n, count(DISTINCT id) AS d FROM period_project WHERE period = :p")
                .bind("p", PERIOD)
                .map((rs, ctx) -> List.of(rs.getInt("n"), rs.getInt("d")))
                .one());
    }

    /** Every sheet's cells as displayed, row by row. */
    private static List<List<String>> cells(Path xlsx) throws Exception {
        return ReportFileReader.displayedRows(xlsx, java.util.function.UnaryOperator.identity());
    }
}
