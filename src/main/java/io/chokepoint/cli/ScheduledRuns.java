package io.chokepoint.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.chokepoint.batch.MonthlyRun;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunLock;
import io.chokepoint.batch.RunLockedException;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.batch.RunOutcome;
import io.chokepoint.batch.RunPlan;
import io.chokepoint.batch.RunningExecution;
import io.chokepoint.schedule.PeriodRunner;
import io.chokepoint.schedule.RunHistory;
import io.chokepoint.schedule.RunResult;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The schedule's view of the monthly job: each fire runs a month exactly as {@code run --period} would (same lock,
 * same decision table: a failed month is restarted from its checkpoint, a completed one is left alone).
 */
final class ScheduledRuns implements PeriodRunner, RunHistory {

    private final ReportJob job;
    private final Path reports;
    private final RunOptions options;
    private final Clock clock;
    private final AtomicReference<RunningExecution> current = new AtomicReference<>();

    ScheduledRuns(ReportJob job, Path reports, RunOptions options, Clock clock) {
        this.job = job;
        this.reports = reports;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public Optional<ReportPeriod> lastCompleted() {
        return job.lastCompletedPeriod();
    }

    @Override
    public RunResult run(ReportPeriod period) {
        try (RunLock lock = RunLock.acquire(job.tracker(), period, clock)) {
            MonthlyRun runs = new MonthlyRun(job, lock);
            RunPlan plan = runs.planRun(period, reports, false);
            if (plan instanceof RunPlan.Refused refused) {
                return refused.reason() == RunPlan.Reason.COMPLETED
                        ? RunResult.completed("already completed")
                        : RunResult.failed(refused.message());
            }
            RunningExecution execution = runs.launch(plan, options);
            current.set(execution);
            RunOutcome outcome = execution.await();
            String what = "execution " + outcome.executionId() + " " + outcome.status()
                    + (outcome.exitStatus() == null ? "" : " (" + outcome.exitStatus() + ")");
            return outcome.completed() ? RunResult.completed(what) : RunResult.failed(what);
        } catch (RunLockedException e) {
            return RunResult.failed(e.getMessage());
        } finally {
            current.set(null);
        }
    }

    /** Stops the execution in progress, if any, at its next checkpoint (it ends STOPPED and restartable). */
    void stopCurrent() {
        RunningExecution execution = current.get();
        if (execution != null && !execution.hasEnded()) {
            execution.stop();
            execution.awaitEnd(StopOnSignal.STOP_TIMEOUT);
        }
    }
}
