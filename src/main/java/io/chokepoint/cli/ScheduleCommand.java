package io.chokepoint.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.chokepoint.batch.EmailOptions;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.schedule.MonthlySchedule;
import io.chokepoint.schedule.ScheduleSettings;
import io.chokepoint.schedule.Sleeper;
import io.chokepoint.tracking.ReportPeriod;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code schedule}: run the monthly report in the foreground at each cron fire, catching up missed months. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {
                "Runs in the foreground (for containers and services). At each fire of the cron expression it runs the "
                        + "last complete month; at start-up it first catches up the months missed since the last "
                        + "completed one (at most --catch-up of them, oldest first). A failed month is retried at the "
                        + "next fire. SIGTERM or Ctrl-C stops it cleanly (a run in progress ends STOPPED, restartable) and it "
                        + "exits 0."})
final class ScheduleCommand implements Callable<Integer> {

    /** How long a shutdown waits for the schedule loop to wind down after the run in progress has stopped. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(5);

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--cron", paramLabel = "EXPR", description = "5-field UNIX cron expression (default: \""
            + ScheduleSettings.DEFAULT_CRON + "\", 06:00 on the 2nd of each month).")
    String cron = ScheduleSettings.DEFAULT_CRON;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the cron expression, e.g. Europe/Berlin"
            + " (default: the system's).")
    String zone;

    @Option(names = "--catch-up", paramLabel = "N", description = "Most months run at start-up or at one fire"
            + " (default: " + ScheduleSettings.DEFAULT_CATCH_UP + ").")
    int catchUp = ScheduleSettings.DEFAULT_CATCH_UP;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Output directory, relative to the home (default: reports in the home).")
    Path reports;

    @Option(names = "--no-email", description = "Do not mail the PDF to stakeholders.")
    boolean noEmail;

    @Option(names = "--config", paramLabel = "FILE", description = "Mail settings file, which must exist (default:"
            + " chokepoint.properties in the home, if present); CHOKEPOINT_SMTP_* override it.")
    Path config;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    ScheduleCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        ScheduleSettings settings;
        try {
            settings = ScheduleSettings.parse(cron, zone, catchUp);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TrackerHome home = tracker.home(environment.env());
        Path settingsFile = home.settingsFile(config);
        RunOptions options = new RunOptions(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                new EmailOptions(!noEmail, settingsFile));
        // Every setting is checked at start-up, not at the first fire weeks later.
        new RunChecks(environment).settings(settingsFile, config != null, options);
        ReportJob job = new ReportJob(tracker.open(environment));
        Path reportsDir = home.reports(reports);
        RunChecks.reports(reportsDir, ReportPeriod.lastComplete(environment.clock()), job.tracker(), "--reports");
        ScheduledRuns runs = new ScheduledRuns(job, reportsDir, options, environment.clock());
        MonthlySchedule schedule = new MonthlySchedule(settings, runs, runs, environment.clock(),
                Sleeper.onClock(environment.clock()));
        CountDownLatch commandDone = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            schedule.stop();
            runs.stopCurrent();
            try {
                if (schedule.awaitStopped(WIND_DOWN) && commandDone.await(WIND_DOWN.toMillis(), TimeUnit.MILLISECONDS)) {
                    environment.out().flush();
                    environment.err().flush();
                    // Stopping is what a service manager asks of a schedule, and it stopped cleanly (a run in progress
                    // ended STOPPED, restartable): exit 0. Left alone, the JVM would exit 143 (128 + SIGTERM), which
                    // systemd counts as a failure. System.exit blocks inside a shutdown hook, so halt: the loop has
                    // ended and every run has released its lock.
                    Runtime.getRuntime().halt(ExitCode.OK);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Not stopped in time: the JVM's own exit (143) tells the service manager that something was cut short.
        }, "chokepoint-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        environment.out().println("Schedule: \"" + settings.cron() + "\" in " + settings.zone() + ", catching up at most "
                + settings.catchUp() + " months; next fire at " + schedule.nextFire(environment.clock().instant()));
        environment.out().flush();
        try {
            schedule.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and stops the loop
            }
            commandDone.countDown();
        }
        return ExitCode.OK;
    }
}
