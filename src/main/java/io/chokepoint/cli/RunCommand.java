package io.chokepoint.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import io.chokepoint.batch.EmailOptions;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.TrackerDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code run}: produce a month's report, or finish a month that failed, was stopped or was interrupted. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
                "Runs the monthly report job for a period and writes reports/YYYY-MM/chokepoint-YYYY-MM.{xlsx,pdf}"
                        + " and manifest.json.",
                "A period whose last run failed, was stopped or was interrupted is restarted from its checkpoint; "
                        + "a completed period is refused unless --rerun is given.",
                "One run at a time per tracker: a second one exits with code 3."})
final class RunCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "Reporting month (default: the last complete calendar month).")
    ReportPeriod period;

    @Option(names = "--reports", paramLabel = "DIR", description = "Output directory (default: ./reports).")
    Path reports = Path.of("reports");

    @Option(names = "--rerun", description = "Run a completed period again as a new execution; the previous files"
            + " are kept under reports/YYYY-MM/archive/<execution id>/.")
    boolean rerun;

    @Option(names = "--target-year", paramLabel = "YYYY",
            description = "Year of the projected share (default: 2030, from the analysis settings).")
    Integer targetYear;

    @Option(names = "--analysis", paramLabel = "FILE",
            description = "Analysis settings overriding the documented defaults (canonical units, risk weights,"
                    + " target year); same keys as analysis.properties.")
    Path analysis;

    @Option(names = "--no-email", description = "Do not mail the PDF to stakeholders (send later with deliver).")
    boolean noEmail;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Mail settings file (default: ./chokepoint.properties); CHOKEPOINT_SMTP_* override it.")
    Path config = EmailOptions.DEFAULT_SETTINGS_FILE;

    /** Advanced: projects per snapshot chunk, i.e. per checkpoint. Hidden from help; documented in the README. */
    @Option(names = "--chunk-size", paramLabel = "N", hidden = true)
    Integer chunkSize;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    RunCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (chunkSize != null && chunkSize < 1) {
            throw new ParameterException(spec.commandLine(), "--chunk-size must be at least 1, was " + chunkSize);
        }
        ReportPeriod month = period != null ? period : ReportPeriod.lastComplete(environment.clock());
        ReportJob job = new ReportJob(TrackerDatabase.open(tracker.resolve(environment.env())));
        if (targetYear != null && (targetYear < 2000 || targetYear > 2100)) {
            throw new ParameterException(spec.commandLine(),
                    "--target-year must be a year from 2000 to 2100 (YYYY), was " + targetYear);
        }
        RunOptions options = new RunOptions(chunkSize == null ? OptionalInt.empty() : OptionalInt.of(chunkSize),
                targetYear == null ? OptionalInt.empty() : OptionalInt.of(targetYear), Optional.ofNullable(analysis),
                new EmailOptions(!noEmail, config));
        return new ForegroundJob(environment).run(job, runs -> runs.planRun(month, reports, rerun), options);
    }
}
