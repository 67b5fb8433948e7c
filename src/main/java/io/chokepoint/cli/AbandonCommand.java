package io.chokepoint.cli;

import java.util.concurrent.Callable;

import io.chokepoint.batch.Abandonment;
import io.chokepoint.batch.MonthlyRun;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunLock;
import io.chokepoint.batch.RunLockedException;
import io.chokepoint.batch.RunPlan;
import io.chokepoint.tracking.ReportPeriod;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code abandon}: give up a month's failed execution, so that the next run starts the month afresh. */
@Command(name = "abandon", mixinStandardHelpOptions = true,
        description = {"Marks the period's failed or stopped execution ABANDONED: it is never restarted, and the next"
                + " run of the period starts afresh, with the options it is given (a restart keeps its own).",
                "Exit 2 if the period completed or is already abandoned; exit 3 if it has no execution or another run"
                        + " holds the tracker."})
final class AbandonCommand implements Callable<Integer> {

    private final Environment environment;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "The month whose latest execution is abandoned.")
    ReportPeriod period;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    AbandonCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ReportJob job = new ReportJob(tracker.connect(environment));
        RunLock lock;
        try {
            lock = RunLock.acquire(job.tracker(), period, environment.clock());
        } catch (RunLockedException e) {
            environment.err().println(e.getMessage());
            return ExitCode.INPUT;
        }
        try (lock) {
            Abandonment result = new MonthlyRun(job, lock).abandon(period);
            if (result.refusal().isPresent()) {
                RunPlan.Refused refused = result.refusal().get();
                environment.err().println(refused.message());
                return refused.reason() == RunPlan.Reason.NOT_FOUND ? ExitCode.INPUT : ExitCode.USAGE;
            }
            environment.out().println("Period " + period + ": execution " + result.executionId() + " ("
                    + result.previousStatus() + ") is abandoned; the next run starts the month afresh: chokepoint run"
                    + " --period " + period);
            return ExitCode.OK;
        }
    }
}
