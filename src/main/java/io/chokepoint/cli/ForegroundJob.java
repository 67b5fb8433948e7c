package io.chokepoint.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.batch.MonthlyRun;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.ReportsFolderException;
import io.chokepoint.batch.RunLock;
import io.chokepoint.batch.RunLockedException;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.batch.RunOutcome;
import io.chokepoint.batch.RunPlan;
import io.chokepoint.batch.RunningExecution;
import io.chokepoint.report.ReportFiles;
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

    /**
     * @param period  the month the command runs: on PostgreSQL the lock is the month's
     * @param decide  the command's decision, taken while the lock is held
     * @param prepare checks everything the decided plan will need (settings, paths), throwing a one-line error before
     *                anything is written, and returns the options to launch it with
     */
    int run(ReportJob job, ReportPeriod period, Function<MonthlyRun, RunPlan> decide,
            Function<RunPlan, RunOptions> prepare) {
        StopOnSignal signal = StopOnSignal.install(environment.err());
        int code = ExitCode.JOB_FAILED;
        try {
            code = runLocked(job, period, decide, prepare, signal);
            return code;
        } finally {
            signal.finish(code);
        }
    }

    private int runLocked(ReportJob job, ReportPeriod period, Function<MonthlyRun, RunPlan> decide,
                          Function<RunPlan, RunOptions> prepare,
                          StopOnSignal signal) {
        PrintWriter err = environment.err();
        RunLock lock;
        try {
            lock = RunLock.acquire(job.tracker(), period, environment.clock());
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
                return refused.reason() == RunPlan.Reason.NOT_FOUND
                        || refused.reason() == RunPlan.Reason.OPTIONS_CHANGED ? ExitCode.INPUT : ExitCode.USAGE;
            }
            RunOptions options = prepare.apply(plan);
            announce(plan);
            long projects = job.tracker().trackedProjects().projectCount();
            RunLog log = RunLog.collect();
            try {
                RunningExecution execution;
                try {
                    execution = runs.launch(plan, options);
                } catch (ReportsFolderException e) {
                    err.println(e.getMessage());
                    return ExitCode.INPUT;
                }
                signal.watch(execution);
                Path logFile = new ReportFiles(execution.reportsDir(), execution.period()).directory()
                        .resolve("run-" + execution.executionId() + ".log");
                if (log != null) {
                    log.writeTo(logFile, "Execution " + execution.executionId() + " of period " + execution.period()
                            + " (" + execution.action() + ") against " + job.tracker().location() + "\n");
                }
                if (!execution.archived().isEmpty()) {
                    environment.out().println("Kept the previous files in " + execution.archived().get(0).getParent());
                }
                RunOutcome outcome;
                if (environment.terminal() && !environment.quiet()) {
                    try (Progress progress = Progress.show(environment.err(), execution, projects)) {
                        outcome = execution.await();
                    }
                } else {
                    outcome = execution.await();
                }
                return report(outcome, signal, log, job);
            } finally {
                if (log != null) {
                    log.close();
                }
            }
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

    private int report(RunOutcome outcome, StopOnSignal signal, RunLog log, ReportJob job) {
        PrintWriter out = environment.out();
        String status = "Status: " + outcome.status() + detail(outcome, signal);
        if (log != null) {
            log.line(status);
        }
        // --quiet prints only errors: a run that did not complete is one, so its status goes to stderr then.
        PrintWriter statusOut = environment.quiet() && !outcome.completed() ? environment.err() : out;
        out.println("Period: " + outcome.period());
        out.println("Execution id: " + outcome.executionId());
        statusOut.println(status);
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
        if (log != null && log.path() != null) {
            out.println("Log: " + log.path());
        }
        statusOut.println("To restart it from its last checkpoint, run: chokepoint run --period " + outcome.period());
        statusOut.flush();
        out.flush();
        if (outcome.environmentProblem().isPresent()) {
            environment.err().println(outcome.environmentProblem().get() + "; fix that (free space, permissions),"
                    + " then finish the month with: chokepoint run --period " + outcome.period());
            return ExitCode.INPUT;
        }
        return ExitCode.JOB_FAILED;
    }

    /**
     * What follows the status: "stopped by signal" when a signal ended the run (whatever the steps made of it), else
     * the failed step and its cause in one line, else the exit status when it says more than the status.
     */
    private static String detail(RunOutcome outcome, StopOnSignal signal) {
        if (signal.received() && !outcome.completed()) {
            return " (stopped by signal)";
        }
        if (outcome.environmentProblem().isPresent()) {
            return " (" + outcome.environmentProblem().get() + ")";
        }
        if (outcome.failure().isPresent() && !outcome.exitStatusSaysMore()) {
            return " (" + outcome.failure().get() + ")";
        }
        return outcome.exitStatusSaysMore() ? " (" + outcome.exitStatus() + ")" : "";
    }
}
