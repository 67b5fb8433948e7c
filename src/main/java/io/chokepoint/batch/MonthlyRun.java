package io.chokepoint.batch;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

import io.chokepoint.report.ReportArchive;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The decisions of {@code run} and {@code restart}, and carrying them out.
 *
 * <p>{@code run --period P}: no execution for P, or the last one ABANDONED → start a new one; the last one
 * FAILED or STOPPED → restart it from its checkpoint; the last one STARTING, STARTED or STOPPING → its process
 * is gone (this process holds the tracker's lock), so restart it likewise; COMPLETED → refuse, unless a rerun
 * is asked for, which keeps the current files under {@code archive/<id>/} and starts a new execution.
 *
 * <p>A {@link RunLock} on the tracker is required: JBeret lets a second process restart an execution that is
 * still running in the first, and an execution left STARTED is known to be dead only while the lock is held.
 */
public final class MonthlyRun {

    private final ReportJob job;
    private final RunLock lock;

    public MonthlyRun(ReportJob job, RunLock lock) {
        this.job = Objects.requireNonNull(job, "job");
        this.lock = Objects.requireNonNull(lock, "lock");
        if (!lock.guards(job.tracker())) {
            throw new IllegalArgumentException("the lock " + lock.name() + " is not the lock of " + job.tracker().location());
        }
    }

    /**
     * What {@code run --period P [--rerun]} does with the period's job history.
     *
     * @param reportsDir where a new execution writes its files (a restart keeps the directory it started with)
     */
    public RunPlan planRun(ReportPeriod period, Path reportsDir, boolean rerun) {
        Path reports = reportsDir.toAbsolutePath().normalize();
        Optional<JobExecution> latest = job.latestExecution(period);
        if (latest.isEmpty() || latest.get().getBatchStatus() == BatchStatus.ABANDONED) {
            return new RunPlan.StartNew(period, reports);
        }
        JobExecution last = latest.get();
        if (last.getBatchStatus() == BatchStatus.COMPLETED) {
            if (rerun) {
                return new RunPlan.Rerun(period, last.getExecutionId(), reports);
            }
            return new RunPlan.Refused(RunPlan.Reason.COMPLETED, "Period " + period + " already completed in execution "
                    + last.getExecutionId() + ". To produce it again, run: chokepoint run --period " + period + " --rerun");
        }
        return restartPlan(period, last);
    }

    /**
     * As {@link #planRun(ReportPeriod, Path, boolean)}, refusing to restart a failed execution with other options
     * than it started with: a restart keeps its execution's options (the reports directory among them), so a run that
     * asks for others would quietly get the old ones.
     */
    public RunPlan planRun(ReportPeriod period, Path reportsDir, boolean rerun, RunOptions requested) {
        RunPlan plan = planRun(period, reportsDir, rerun);
        if (!(plan instanceof RunPlan.Restart restart)) {
            return plan;
        }
        List<String> changes = new ArrayList<>();
        Path wanted = reportsDir.toAbsolutePath().normalize();
        Path was = restart.reportsDir().toAbsolutePath().normalize();
        if (!wanted.equals(was)) {
            changes.add("--reports " + wanted + " (was " + was + ")");
        }
        job.parameters(restart.executionId())
                .ifPresent(parameters -> changes.addAll(RunOptions.fromParameters(parameters).changesIn(requested)));
        if (changes.isEmpty()) {
            return plan;
        }
        return new RunPlan.Refused(RunPlan.Reason.OPTIONS_CHANGED, "Period " + period + ": execution "
                + restart.executionId() + " (" + restart.status() + ") would be restarted with the options it started"
                + " with, but this run asks for " + String.join(", ", changes) + ". Run again with its options to"
                + " restart it, or start the month afresh with the new ones: chokepoint abandon --period " + period
                + ", then run again");
    }

    /**
     * What {@code abandon --period P} does: marks the period's latest execution ABANDONED if it failed, was stopped
     * or was left running by a process that is gone, so that the next {@code run} starts the month afresh.
     *
     * @return the abandoned execution, or the refusal
     */
    public Abandonment abandon(ReportPeriod period) {
        Optional<JobExecution> latest = job.latestExecution(period);
        if (latest.isEmpty()) {
            return Abandonment.refused(RunPlan.Reason.NOT_FOUND, "No execution for period " + period + " in "
                    + job.tracker().jobRepository() + "; nothing to abandon. To start it, run: chokepoint run --period "
                    + period);
        }
        JobExecution last = latest.get();
        BatchStatus status = last.getBatchStatus();
        if (status == BatchStatus.COMPLETED) {
            return Abandonment.refused(RunPlan.Reason.COMPLETED, "Execution " + last.getExecutionId() + " completed"
                    + " period " + period + "; only a failed or stopped execution can be abandoned. To produce the period"
                    + " again, run: chokepoint run --period " + period + " --rerun");
        }
        if (status == BatchStatus.ABANDONED) {
            return Abandonment.refused(RunPlan.Reason.ABANDONED, "Execution " + last.getExecutionId() + " of period "
                    + period + " is already abandoned; the next run starts the month afresh: chokepoint run --period "
                    + period);
        }
        // Holding the lock, an execution that still looks running belongs to a process that is gone.
        job.abandon(last, true);
        return Abandonment.done(last.getExecutionId(), status.name());
    }

    /** What {@code restart EXECUTION_ID} does. */
    public RunPlan planRestart(long executionId) {
        Optional<JobExecution> found = job.execution(executionId);
        if (found.isEmpty()) {
            return new RunPlan.Refused(RunPlan.Reason.NOT_FOUND, "No execution " + executionId + " in "
                    + job.tracker().jobRepository() + ". List executions with: chokepoint status");
        }
        JobExecution execution = found.get();
        String period = ReportJob.periodOf(execution);
        BatchStatus status = execution.getBatchStatus();
        JobExecution latest = job.latestOfInstance(execution);
        if (latest.getExecutionId() != executionId) {
            String instead = latest.getBatchStatus() == BatchStatus.COMPLETED
                    ? "it completed the period; to produce it again, run: chokepoint run --period " + period + " --rerun"
                    : "restart that one: chokepoint restart " + latest.getExecutionId();
            return new RunPlan.Refused(RunPlan.Reason.NOT_LATEST, "Execution " + executionId + " (period " + period
                    + ") is not the latest of its job instance: execution " + latest.getExecutionId() + " ("
                    + latest.getBatchStatus() + ") is; " + instead);
        }
        if (status == BatchStatus.COMPLETED) {
            return new RunPlan.Refused(RunPlan.Reason.COMPLETED, "Execution " + executionId + " (period " + period
                    + ") completed; only a failed or stopped execution can be restarted. To produce the period again, run: "
                    + "chokepoint run --period " + period + " --rerun");
        }
        if (status == BatchStatus.ABANDONED) {
            return new RunPlan.Refused(RunPlan.Reason.ABANDONED, "Execution " + executionId + " (period " + period
                    + ") was abandoned and cannot be restarted. To start the period anew, run: chokepoint run --period "
                    + period);
        }
        return restartPlan(ReportPeriod.parse(period), execution);
    }

    /** What {@code restart --period P} does: restart the period's latest execution. */
    public RunPlan planRestart(ReportPeriod period) {
        return job.latestExecution(period)
                .map(latest -> planRestart(latest.getExecutionId()))
                .orElseGet(() -> new RunPlan.Refused(RunPlan.Reason.NOT_FOUND, "No execution for period " + period
                        + " in " + job.tracker().jobRepository() + ". To start it, run: chokepoint run --period "
                        + period));
    }

    private static RunPlan restartPlan(ReportPeriod period, JobExecution execution) {
        return new RunPlan.Restart(period, execution.getExecutionId(), execution.getBatchStatus().name(),
                ReportJob.reportsDirOf(execution));
    }

    /**
     * Carries out a plan and returns the running execution, which the caller awaits.
     *
     * @throws IllegalArgumentException for a refused plan
     * @throws ReportsFolderException   if the period's reports folder cannot be written (nothing was started)
     */
    public RunningExecution launch(RunPlan plan, RunOptions options) {
        if (plan instanceof RunPlan.StartNew start) {
            ReportsFolder.prepare(start.reportsDir(), start.period());
            return job.startNew(start.period(), start.reportsDir(), options, List.of());
        }
        if (plan instanceof RunPlan.Restart restart) {
            ReportsFolder.prepare(restart.reportsDir(), restart.period());
            // Holding the lock, an execution that still looks running belongs to a process that is gone.
            return job.restart(restart, options, restart.interrupted());
        }
        if (plan instanceof RunPlan.Rerun rerun) {
            ReportsFolder.prepare(rerun.reportsDir(), rerun.period());
            ReportFiles files = new ReportFiles(rerun.reportsDir(), rerun.period());
            long producer = ReportArchive.producer(files).orElse(rerun.completedExecutionId());
            List<Path> archived;
            try {
                archived = ReportArchive.keep(files, producer);
            } catch (UncheckedIOException e) {
                throw new ReportsFolderException("cannot keep the previous files of " + rerun.period() + " under "
                        + files.archive(producer) + ": " + ReportsFolder.reason(e) + "; nothing was started: free some"
                        + " space or fix the folder's permissions, then run again", e);
            }
            return job.startNew(rerun.period(), rerun.reportsDir(), options, archived);
        }
        throw new IllegalArgumentException("nothing to launch: " + plan);
    }

    /** The lock this run holds (for messages). */
    public RunLock lock() {
        return lock;
    }
}
