package io.chokepoint.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import io.chokepoint.batch.MonthlyRun;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.ReportsFolderException;
import io.chokepoint.batch.RunLock;
import io.chokepoint.batch.RunLockedException;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.batch.RunOutcome;
import io.chokepoint.batch.RunPlan;
import io.chokepoint.batch.RunningExecution;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;

/**
 * What {@code run} and {@code restart} share: take the tracker's lock, let the command decide, carry the decision
 * out in the foreground (stopping cleanly on SIGTERM or Ctrl-C), print how it ended and return the exit code.
 */
final class ForegroundJob {

    private final Environment environment;

    ForegroundJob(Environment environment) {
        this.environment = environment;
    }

    /** @param decide the command's decision, taken while the lock is held */
    int run(ReportJob job, Function<MonthlyRun, RunPlan> decide, RunOptions options) {
        StopOnSignal signal = StopOnSignal.install(environment.err());
        int code = ExitCode.JOB_FAILED;
        try {
            code = runLocked(job, decide, options, signal);
            return code;
        } finally {
            signal.finish(code);
        }
    }

    private int runLocked(ReportJob job, Function<MonthlyRun, RunPlan> decide, RunOptions options, StopOnSignal signal) {
        PrintWriter err = environment.err();
        RunLock lock;
        try {
            lock = RunLock.acquire(job.tracker().file(), environment.clock());
        } catch (RunLockedException | UncheckedIOException e) {
            err.println(e.getMessage()); // held by another run, or the lock file cannot be created
            return ExitCode.INPUT;
        }
        try (lock) {
            lock.takenOverFrom().ifPresent(previous -> err.println("Note: took over " + lock.file() + " from "
                    + previous + (previous.alive() ? ", a process that no longer holds it"
                    : ", which ended without releasing it (killed or crashed)")));
            MonthlyRun runs = new MonthlyRun(job, lock);
            RunPlan plan = decide.apply(runs);
            if (plan instanceof RunPlan.Refused refused) {
                err.println(refused.message());
                return refused.reason() == RunPlan.Reason.NOT_FOUND ? ExitCode.INPUT : ExitCode.USAGE;
            }
            announce(plan);
            RunningExecution execution;
            try {
                execution = runs.launch(plan, options);
            } catch (ReportsFolderException e) {
                err.println(e.getMessage());
                return ExitCode.INPUT;
            }
            signal.watch(execution);
            if (!execution.archived().isEmpty()) {
                environment.out().println("Kept the previous files in " + execution.archived().get(0).getParent());
            }
            return report(execution.await(), job);
        }
    }

    private void announce(RunPlan plan) {
        PrintWriter out = environment.out();
        if (plan instanceof RunPlan.Restart restart) {
            String why = restart.interrupted()
                    ? restart.status() + ", left by a process that is gone"
                    : restart.status();
            out.println("Period " + restart.period() + ": restarting execution " + restart.executionId() + " (" + why
                    + ") from its last checkpoint");
        } else if (plan instanceof RunPlan.Rerun rerun) {
            out.println("Period " + rerun.period() + ": completed in execution " + rerun.completedExecutionId()
                    + "; rerunning it as a new execution (--rerun)");
        }
        out.flush();
    }

    private int report(RunOutcome outcome, ReportJob job) {
        PrintWriter out = environment.out();
        out.println("Period: " + outcome.period());
        out.println("Execution id: " + outcome.executionId());
        out.println("Status: " + outcome.status() + (outcome.exitStatus() == null
                || outcome.exitStatus().equals(outcome.status().name()) ? "" : " (" + outcome.exitStatus() + ")"));
        // Files are renamed into place only when complete, so what exists is whole, even after a failed step.
        outcome.files().forEach(f -> out.println("Wrote: " + f));
        List<DeliveryRecord> inDoubt = new DeliveryLog(job.tracker()).inDoubt(outcome.period());
        UncertainDeliveries.print(out, inDoubt);
        if (outcome.completed()) {
            out.flush();
            return inDoubt.isEmpty() ? ExitCode.OK : ExitCode.DELIVERY_UNCERTAIN;
        }
        if (outcome.emailSetupFailed()) {
            out.println("Fix the mail settings (or what the status names), then run: chokepoint run --period "
                    + outcome.period());
            out.flush();
            return ExitCode.INPUT;
        }
        out.println("To restart it from its last checkpoint, run: chokepoint run --period " + outcome.period());
        out.flush();
        if (outcome.environmentProblem().isPresent()) {
            environment.err().println(outcome.environmentProblem().get() + "; fix that (free space, permissions),"
                    + " then finish the month with: chokepoint run --period " + outcome.period());
            return ExitCode.INPUT;
        }
        return ExitCode.JOB_FAILED;
    }
}
