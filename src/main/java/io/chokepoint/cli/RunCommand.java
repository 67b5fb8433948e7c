package io.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;

import io.chokepoint.batch.EmailOptions;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunOutcome;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.TrackerDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: produce a month's report, or finish a month that failed. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
                "Runs the monthly report job for a period and writes reports/YYYY-MM/chokepoint-YYYY-MM.{xlsx,pdf}.",
                "A period whose last run failed or was stopped is restarted from its checkpoint; "
                        + "a completed period is refused unless --rerun is given."})
final class RunCommand implements Callable<Integer> {

    private final Environment environment;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "Reporting month (default: the last complete calendar month).")
    ReportPeriod period;

    @Option(names = "--reports", paramLabel = "DIR", description = "Output directory (default: ./reports).")
    Path reports = Path.of("reports");

    @Option(names = "--rerun", description = "Run a completed period again as a new execution.")
    boolean rerun;

    @Option(names = "--no-email", description = "Do not mail the PDF to stakeholders (send later with deliver).")
    boolean noEmail;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Mail settings file (default: ./chokepoint.properties); CHOKEPOINT_SMTP_* override it.")
    Path config = EmailOptions.DEFAULT_SETTINGS_FILE;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    RunCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = environment.out();
        ReportPeriod month = period != null ? period : ReportPeriod.lastComplete(environment.clock());
        TrackerDatabase db = TrackerDatabase.open(tracker.resolve(environment.env()));
        ReportJob job = new ReportJob(db);

        EmailOptions email = new EmailOptions(!noEmail, config);
        Optional<JobExecution> latest = job.latestExecution(month);
        RunOutcome outcome;
        if (latest.isEmpty() || latest.get().getBatchStatus() == BatchStatus.ABANDONED) {
            outcome = job.start(month, reports, email);
        } else if (latest.get().getBatchStatus() == BatchStatus.COMPLETED) {
            if (!rerun) {
                environment.err().println("Period " + month + " already completed in execution "
                        + latest.get().getExecutionId() + ". To produce it again, run: chokepoint run --period "
                        + month + " --rerun");
                return ExitCode.USAGE;
            }
            outcome = job.start(month, reports, email);
        } else {
            out.println("Period " + month + ": restarting execution " + latest.get().getExecutionId() + " ("
                    + latest.get().getBatchStatus() + ") from its last checkpoint");
            outcome = job.restart(latest.get(), email);
        }

        out.println("Period: " + outcome.period());
        out.println("Execution id: " + outcome.executionId());
        out.println("Status: " + outcome.status() + (outcome.exitStatus() == null
                || outcome.exitStatus().equals(outcome.status().name()) ? "" : " (" + outcome.exitStatus() + ")"));
        outcome.files().forEach(f -> out.println("Wrote: " + f));
        out.flush();
        return outcome.completed() ? ExitCode.OK : ExitCode.JOB_FAILED;
    }
}
