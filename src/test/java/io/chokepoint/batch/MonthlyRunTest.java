package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** The decision table of {@code run}, row by row, on the real job and repository. */
class MonthlyRunTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    private TrackerDatabase tracker;
    private ReportJob job;
    private Path reports;

    @BeforeEach
    void tracker() {
        tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        job = new ReportJob(tracker);
        reports = dir.resolve("reports");
    }

    private RunPlan plan(boolean rerun) {
        try (RunLock lock = RunLock.acquire(tracker.file(), Clock.systemUTC())) {
            return new MonthlyRun(job, lock).planRun(JANUARY, reports, rerun);
        }
    }

    @Test
    void noExecutionForThePeriod_startsANewOne() {
        assertThat(plan(false)).isEqualTo(new RunPlan.StartNew(JANUARY, reports));
    }

    @Test
    void completed_isRefusedSayingHowToRedoIt_orRerunWhenAsked() {
        long first = job.start(JANUARY, reports).executionId();

        assertThat(plan(false)).isInstanceOfSatisfying(RunPlan.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RunPlan.Reason.COMPLETED);
            assertThat(refused.message()).contains("execution " + first).contains("--rerun");
        });
        assertThat(plan(true)).isEqualTo(new RunPlan.Rerun(JANUARY, first, reports));
    }

    @Test
    void failed_restartsTheLatestExecution_withItsOwnReportsDirectory() {
        breakLastProject();
        RunOutcome failed = job.start(JANUARY, reports);

        assertThat(plan(false)).isEqualTo(new RunPlan.Restart(JANUARY, failed.executionId(), "FAILED", reports));
        assertThat(new RunPlan.Restart(JANUARY, 1, "FAILED", reports).interrupted()).isFalse();
        assertThat(new RunPlan.Restart(JANUARY, 1, "STARTED", reports).interrupted()).isTrue();
    }

    @Test
    void abandoned_startsANewOne() {
        breakLastProject();
        long failed = job.start(JANUARY, reports).executionId();
        job.operator().abandon(failed);

        assertThat(plan(false)).isEqualTo(new RunPlan.StartNew(JANUARY, reports));
    }

    @Test
    void lockOfAnotherTracker_isNotAccepted() {
        try (RunLock other = RunLock.acquire(dir.resolve("other.db"), Clock.systemUTC())) {
            assertThatThrownBy(() -> new MonthlyRun(job, other)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** An invalid stage in the project that sorts last: reading it fails the snapshot step. */
    private void breakLastProject() {
        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET stage = 'metallurgy' WHERE id = 'VN-LSEE-01-MET'"));
    }
}
