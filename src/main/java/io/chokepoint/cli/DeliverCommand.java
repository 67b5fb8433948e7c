package io.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.chokepoint.batch.EmailOptions;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.distribution.DistributionOutcome;
import io.chokepoint.distribution.DistributionOutcome.Status;
import io.chokepoint.distribution.DistributionPlan;
import io.chokepoint.distribution.DistributionRequest;
import io.chokepoint.distribution.DistributionResult;
import io.chokepoint.distribution.ReportDistribution;
import io.chokepoint.distribution.Selection;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.StakeholderDirectory;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deliver}: mail a period's PDF outside the job: what is pending, again on purpose, or a test. */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = {
                "Mails the period's PDF (reports/YYYY-MM/chokepoint-YYYY-MM.pdf, which must exist, with page 1 in the"
                        + " body from summary-YYYY-MM.json beside it) to every active"
                        + " stakeholder who does not have it yet, as the job's email-pdf step does. Stakeholders whose"
                        + " server rejected it are not retried without --resend.",
                "Exit codes: 0 ok, 1 some delivery failed or was rejected, 2 usage, 3 no PDF or summary, invalid"
                        + " settings or settings that do not fit the server, 5 the outcome of some mail is unknown"
                        + " (each is printed with the command that resends it)."})
final class DeliverCommand implements Callable<Integer> {

    private final Environment environment;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "The reporting month whose PDF is sent.")
    ReportPeriod period;

    @Option(names = "--resend", description = {"Send again on purpose to every active stakeholder, whatever was sent"
            + " before (recorded as resends).", "With --to: to that one active stakeholder only."})
    boolean resend;

    @Option(names = "--to", paramLabel = "EMAIL", description = {"Without --resend: send one test message to any"
            + " address; it is not recorded as a delivery.", "With --resend: the one stakeholder to send to."})
    String to;

    @Option(names = "--dry-run", description = "Print who would be sent what, through which server; send nothing.")
    boolean dryRun;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Output directory, relative to the home (default: reports in the home).")
    Path reports;

    @Option(names = "--config", paramLabel = "FILE", description = "Mail settings file, which must exist (default:"
            + " chokepoint.properties in the home, if present); CHOKEPOINT_SMTP_* override it.")
    Path config;

    /** The settings file and reports folder, resolved against the tracker's home. */
    private Path settingsFile;
    private Path reportsDir;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    DeliverCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = environment.out();
        PrintWriter err = environment.err();
        TrackerHome home = tracker.home(environment.env());
        settingsFile = home.settingsFile(config);
        reportsDir = home.reports(reports);
        // Every setting is checked before anything is looked up or sent.
        new RunChecks(environment).settings(settingsFile, config != null,
                RunOptions.defaults().withEmail(new EmailOptions(true, settingsFile)));
        TrackerDatabase db = tracker.open(environment);
        ReportFiles files = new ReportFiles(reportsDir, period);
        if (!Files.isRegularFile(files.pdf())) {
            err.println("No report for " + period + ": " + files.pdf() + " does not exist; produce it with: chokepoint"
                    + " run --period " + period);
            return ExitCode.INPUT;
        }
        ReportDistribution distribution = new ReportDistribution(new StakeholderDirectory(db), new DeliveryLog(db),
                environment.clock());
        boolean test = to != null && !resend;
        Selection selection = !resend ? Selection.PENDING : to == null ? Selection.resendToAll() : Selection.resendTo(to);
        DistributionRequest request = DistributionRequest.of(files, selection, settingsFile, environment.env());
        if (test) {
            request = request.testTo(to);
        }
        DistributionOutcome outcome = distribution.deliver(dryRun ? request.asDryRun() : request);
        return test ? test(outcome) : delivery(outcome);
    }

    /** A delivery to the stakeholders: pending, or again on purpose. */
    private int delivery(DistributionOutcome outcome) {
        PrintWriter out = environment.out();
        PrintWriter err = environment.err();
        if (outcome.status() == Status.INVALID_RECIPIENT) {
            err.println(outcome.problem().orElseThrow());
            return ExitCode.USAGE;
        }
        DistributionPlan plan = outcome.planned();
        if (!resend) {
            describe(plan);
        }
        switch (outcome.status()) {
            case NOTHING_TO_SEND -> {
                out.println("Nothing to send for " + period + ": " + (plan.activeStakeholders() == 0
                        ? "there are no active stakeholders (add some with: chokepoint stakeholders add EMAIL --name NAME)"
                        : plan.delivered().size() + " of " + plan.activeStakeholders()
                        + " active stakeholders already have it"));
                return inDoubt(outcome) ? ExitCode.DELIVERY_UNCERTAIN : ExitCode.OK;
            }
            case DRY_RUN -> {
                out.println("Would send " + period + (resend ? " again" : "") + " to " + plan.recipients().size()
                        + " of " + plan.activeStakeholders() + " active stakeholders through "
                        + outcome.channel().orElseThrow() + ":");
                plan.recipients().forEach(s -> out.println("  " + StakeholdersCommand.describe(s)));
                return ExitCode.OK;
            }
            case DONE -> {
                return sent(outcome);
            }
            default -> {
                return setupProblem(outcome);
            }
        }
    }

    private int sent(DistributionOutcome outcome) {
        PrintWriter out = environment.out();
        DistributionResult result = outcome.sent();
        result.lines().forEach(line -> out.println(format(line)));
        result.skipped().forEach(email -> out.println("SKIPPED " + email + ": sent by another run meanwhile"));
        out.println(period + " through " + result.channel() + ": " + result.summary());
        result.failureMessage().ifPresent(message -> environment.err().println("Delivery stopped: " + message));
        boolean inDoubt = inDoubt(outcome);
        if (result.failed()) {
            return result.failedOnThisSide() ? ExitCode.INPUT : ExitCode.JOB_FAILED;
        }
        if (inDoubt) {
            return ExitCode.DELIVERY_UNCERTAIN;
        }
        // Exit 1: some delivery was REJECTED for good.
        return result.rejections().isEmpty() ? ExitCode.OK : ExitCode.JOB_FAILED;
    }

    /** Lists the period's mail of unknown outcome, with the command that resends each; whether there is any. */
    private boolean inDoubt(DistributionOutcome outcome) {
        UncertainDeliveries.print(environment.out(), outcome.inDoubt());
        return !outcome.inDoubt().isEmpty();
    }

    /** {@code --to EMAIL} without {@code --resend}: one test message, not recorded as a delivery. */
    private int test(DistributionOutcome outcome) {
        PrintWriter out = environment.out();
        switch (outcome.status()) {
            case INVALID_RECIPIENT -> {
                environment.err().println("--to: " + outcome.problem().orElseThrow());
                return ExitCode.USAGE;
            }
            case DRY_RUN -> {
                out.println("Would send a test message for " + period + " to " + to.strip() + " through "
                        + outcome.channel().orElseThrow() + " (not recorded as a delivery)");
                return ExitCode.OK;
            }
            case TEST_NOT_SENT -> {
                environment.err().println("Test message not sent: " + outcome.problem().orElseThrow());
                return ExitCode.INPUT;
            }
            case DONE -> {
                DistributionResult.Line line = outcome.sent().lines().get(0);
                out.println(format(line) + " (test message, not recorded as a delivery)");
                return switch (line.outcome()) {
                    case SENT, OUTBOX -> ExitCode.OK;
                    case UNCERTAIN -> ExitCode.DELIVERY_UNCERTAIN;
                    default -> ExitCode.JOB_FAILED;
                };
            }
            default -> {
                return setupProblem(outcome);
            }
        }
    }

    /** Settings or a period summary that stop the mail before anything is sent: exit 3. */
    private int setupProblem(DistributionOutcome outcome) {
        String problem = outcome.problem().orElseThrow();
        environment.err().println(switch (outcome.status()) {
            case INVALID_SETTINGS -> "Invalid mail settings: " + problem;
            case NO_SUMMARY -> problem + " (chokepoint run --period " + period + ")";
            default -> problem;
        });
        return ExitCode.INPUT;
    }

    private void describe(DistributionPlan plan) {
        if (!plan.rejected().isEmpty()) {
            environment.out().println("Not retried (rejected earlier; --resend --to EMAIL sends on purpose): "
                    + String.join(", ", plan.rejected()));
        }
    }

    private static String format(DistributionResult.Line line) {
        return line.outcome() + " " + line.recipient() + (line.messageId() == null ? "" : " " + line.messageId())
                + (line.reply() == null ? "" : ": " + line.reply());
    }
}
