package io.chokepoint.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import io.chokepoint.batch.EmailOptions;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.batch.RunPlan;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

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
                "A period whose last run failed, was stopped or was interrupted is restarted from its checkpoint, with"
                        + " the options it started with; a completed period is refused unless --rerun is given.",
                "Every setting is checked before the job starts. One run at a time per tracker: a second one exits"
                        + " with code 3."})
final class RunCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "Reporting month (default: the last complete calendar month).")
    ReportPeriod period;

    @Option(names = "--allow-incomplete", description = "Report a month that has not ended yet, as known so far.")
    boolean allowIncomplete;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Output directory, relative to the home (default: reports in the home).")
    Path reports;

    @Option(names = "--rerun", description = "Run a completed period again as a new execution; the previous files"
            + " are kept under reports/YYYY-MM/archive/<execution id>/.")
    boolean rerun;

    @Option(names = "--target-year", paramLabel = "YYYY",
            description = "Year of the projected share (default: 2030, from the analysis settings).")
    Integer targetYear;

    @Option(names = "--analysis", paramLabel = "FILE",
            description = "Analysis settings overriding the documented defaults (canonical units, risk weights,"
                    + " target year); same keys as analysis.properties. Relative to the home.")
    Path analysis;

    @Option(names = "--no-email", description = "Do not mail the PDF to stakeholders (send later with deliver).")
    boolean noEmail;

    @Option(names = "--config", paramLabel = "FILE", description = "Mail settings file, which must exist (default:"
            + " chokepoint.properties in the home, if present); CHOKEPOINT_SMTP_* override it.")
    Path config;

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
        if (targetYear != null && (targetYear < 2000 || targetYear > 2100)) {
            throw new ParameterException(spec.commandLine(),
                    "--target-year must be a year from 2000 to 2100 (YYYY), was " + targetYear);
        }
        TrackerHome home = tracker.home(environment.env());
        RunChecks checks = new RunChecks(environment);
        Path settingsFile = home.settingsFile(config);
        RunOptions options = new RunOptions(chunkSize == null ? OptionalInt.empty() : OptionalInt.of(chunkSize),
                targetYear == null ? OptionalInt.empty() : OptionalInt.of(targetYear),
                Optional.ofNullable(analysis).map(home::resolve), new EmailOptions(!noEmail, settingsFile));
        // Settings first: a bad one is reported before a tracker is made or opened.
        checks.settings(settingsFile, config != null, options);
        ReportPeriod month = period != null ? period : ReportPeriod.lastComplete(environment.clock());
        checks.periodEnded(month, allowIncomplete);
        TrackerDatabase db = tracker.open(environment);
        RunChecks.periodHasFacts(month, db);
        Path reportsDir = home.reports(reports);
        return new ForegroundJob(environment).run(new ReportJob(db), month,
                runs -> runs.planRun(month, reportsDir, rerun, options),
                plan -> {
                    RunChecks.reports(plan instanceof RunPlan.Restart restart ? restart.reportsDir() : reportsDir, month,
                            db, "--reports");
                    return options;
                });
    }
}
