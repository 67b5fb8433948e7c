package io.chokepoint.cli;

import java.util.concurrent.Callable;

import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.batch.RunPlan;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code restart}: restart a failed or stopped execution from its last checkpoint. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {
                "Restarts a failed or stopped execution from its last checkpoint, with its original parameters.",
                "Give an execution id (see: chokepoint status) or --period for the period's latest execution "
                        + "(default: the last complete calendar month).",
                "Exit 2 if the execution completed, was abandoned or is not the latest of its job instance; "
                        + "exit 3 if it does not exist, a setting it needs is invalid, or another run holds the tracker."})
final class RestartCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "EXECUTION_ID", description = "The execution to restart.")
    Long executionId;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "Restart the period's latest execution instead.")
    ReportPeriod period;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    RestartCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (executionId != null && period != null) {
            throw new ParameterException(spec.commandLine(), "give either EXECUTION_ID or --period, not both");
        }
        if (executionId != null && executionId < 1) {
            throw new ParameterException(spec.commandLine(), "EXECUTION_ID must be a positive number, was " + executionId);
        }
        // connect, not open: a restart needs a tracker with history, and must not create one with the sample data.
        TrackerDatabase db = tracker.connect(environment);
        ReportJob job = new ReportJob(db);
        // The month whose lock the restart takes: the execution's own when one is named.
        ReportPeriod month = period != null ? period
                : executionId != null ? job.parameters(executionId).map(p -> p.getProperty("period")).map(ReportPeriod::parse)
                        .orElseGet(() -> ReportPeriod.lastComplete(environment.clock()))
                : ReportPeriod.lastComplete(environment.clock());
        RunChecks checks = new RunChecks(environment);
        // A restart keeps its execution's parameters, the reports directory and the settings files among them; they
        // are checked again now, since a file may have changed or gone since.
        return new ForegroundJob(environment).run(job, month,
                runs -> executionId != null ? runs.planRestart(executionId) : runs.planRestart(month),
                plan -> {
                    RunPlan.Restart restart = (RunPlan.Restart) plan;
                    RunOptions options = RunOptions.fromParameters(job.parameters(restart.executionId()).orElseThrow());
                    checks.settings(options.email().settingsFile(), false, options);
                    RunChecks.reports(restart.reportsDir(), restart.period(), db, "the execution's reports directory");
                    return options;
                });
    }
}
