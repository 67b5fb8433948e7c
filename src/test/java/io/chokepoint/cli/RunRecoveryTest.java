package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.JobRepositoryProbe.Execution;
import io.chokepoint.JobRepositoryProbe.Step;
import io.chokepoint.TestTrackers;
import io.chokepoint.batch.HoldRunLock;
import io.chokepoint.report.ReportManifest;
import io.chokepoint.tracking.store.TrackerDatabase;

/** {@code run} on a period with history: failed, completed, rerun, and while another run holds the tracker. */
class RunRecoveryTest {

    private static final int PROJECTS = 8;

    @TempDir
    Path dir;

    private TrackerDatabase tracker;
    private JobRepositoryProbe repository;

    @BeforeEach
    void tracker() {
        tracker = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");
        repository = new JobRepositoryProbe(tracker.jobRepositoryFile());
    }

    private CliRun run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--period", "2026-01", "--db", tracker.file().toString(),
                "--reports", dir.resolve("reports").toString(), "--chunk-size", "2"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    private Path file(String name) {
        return dir.resolve("reports/2026-01").resolve(name);
    }

    @Test
    void failedMidSnapshot_nextRunRestartsFromTheCheckpoint_readingOnlyTheRest() {
        // given a snapshot that fails on the project that sorts last, after three chunks of two were committed
        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET stage = 'metallurgy' WHERE id = 'VN-LSEE-01-MET'"));
        CliRun failed = run();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("Status: FAILED").contains("run --period 2026-01");
        Step failedSnapshot = repository.step(1, "snapshot").orElseThrow();
        assertThat(failedSnapshot.status()).isEqualTo("FAILED");
        assertThat(failedSnapshot.writeCount()).isEqualTo(6);

        // when the row is fixed and the period run again
        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET stage = 'metal' WHERE id = 'VN-LSEE-01-MET'"));
        CliRun again = run();

        // then the failed execution is restarted, and its snapshot step reads only the projects not yet checkpointed
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Period 2026-01: restarting execution 1 (FAILED) from its last checkpoint")
                .contains("Execution id: 2").contains("Status: COMPLETED");
        assertThat(repository.executions()).extracting(Execution::instanceId).containsExactly(1L, 1L);
        Step restarted = repository.step(2, "snapshot").orElseThrow();
        assertThat(restarted.readCount()).isEqualTo(PROJECTS - failedSnapshot.writeCount()).isEqualTo(2);
        // clear-period completed the first time and was not run again (it would have deleted the committed rows)
        assertThat(repository.step(2, "clear-period")).isEmpty();
        assertThat(tracker.periodProjects().count(io.chokepoint.tracking.ReportPeriod.parse("2026-01"))).isEqualTo(PROJECTS);
        assertThat(file("chokepoint-2026-01.xlsx")).exists();
    }

    @Test
    void completedPeriod_isRefusedWithExit2_andStartsNothing() {
        assertThat(run().exitCode()).isZero();

        CliRun second = run();

        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("already completed in execution 1")
                .contains("chokepoint run --period 2026-01 --rerun");
        assertThat(repository.executions()).hasSize(1);
    }

    @Test
    void rerun_startsANewExecution_andKeepsThePreviousFilesByteForByteUnderArchive() throws Exception {
        assertThat(run().exitCode()).isZero();
        byte[] workbook = Files.readAllBytes(file("chokepoint-2026-01.xlsx"));
        byte[] pdf = Files.readAllBytes(file("chokepoint-2026-01.pdf"));
        byte[] manifest = Files.readAllBytes(file("manifest.json"));

        CliRun rerun = run("--rerun");

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        Path archive = dir.resolve("reports/2026-01/archive/1");
        assertThat(rerun.out()).contains("completed in execution 1; rerunning it as a new execution")
                .contains("Kept the previous files in " + archive).contains("Execution id: 2");
        assertThat(repository.executions()).extracting(Execution::instanceId).containsExactly(1L, 2L);
        assertThat(archive.resolve("chokepoint-2026-01.xlsx")).hasBinaryContent(workbook);
        assertThat(archive.resolve("chokepoint-2026-01.pdf")).hasBinaryContent(pdf);
        assertThat(archive.resolve("manifest.json")).hasBinaryContent(manifest);
        // the files in place are the new execution's
        ReportManifest fresh = ReportManifest.read(file("manifest.json")).orElseThrow();
        assertThat(fresh.jobExecutionId()).isEqualTo(2);
        assertThat(fresh.files().get(0).sha256()).isEqualTo(
                ReportManifest.FileEntry.of(file("chokepoint-2026-01.xlsx")).sha256());
        assertThat(tracker.periodProjects().count(io.chokepoint.tracking.ReportPeriod.parse("2026-01"))).isEqualTo(PROJECTS);

        // a second rerun keeps the first rerun's files under its own id
        assertThat(run("--rerun").exitCode()).isZero();
        assertThat(dir.resolve("reports/2026-01/archive/2/manifest.json")).exists();
        assertThat(ReportManifest.read(dir.resolve("reports/2026-01/archive/2/manifest.json")).orElseThrow()
                .jobExecutionId()).isEqualTo(2);
    }

    @Test
    void anotherProcessHoldsTheTracker_exits3AtOnceNamingItsPid_andStartsNothing() throws Exception {
        try (ChildJvm holder = ChildJvm.start(dir.resolve("child"), HoldRunLock.class, tracker.file().toString())) {
            holder.awaitWhileAlive("the child to take the lock", () -> holder.out().contains("locked"));

            CliRun second = run();

            assertThat(second.exitCode()).isEqualTo(3);
            assertThat(second.err()).contains("another run holds the lock").contains("pid " + holder.pid());
        }
        assertThat(repository.executions()).isEmpty();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void lockFileLeftByADeadProcess_isTakenOverWithANote_andTheRunCompletes() throws Exception {
        long dead = ChildJvm.deadPid();
        Files.writeString(dir.resolve("chokepoint.db.lock"), "pid=" + dead + "\nsince=2026-11-26T03:00:00Z\n");

        CliRun run = run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("took over " + dir.resolve("chokepoint.db.lock") + " from pid " + dead)
                .contains("ended without releasing it");
        assertThat(dir.resolve("chokepoint.db.lock")).isEmptyFile();
    }
}
