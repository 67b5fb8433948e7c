package io.chokepoint.batch;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.batch.api.BatchProperty;
import jakarta.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chokepoint.distribution.DistributionException;
import io.chokepoint.distribution.DistributionOutcome;
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

/**
 * Mails the period's PDF to every active stakeholder who does not have it yet, through
 * {@link ReportDistribution#deliver}, and turns what it did into the step's exit status and log lines.
 *
 * <p>Exit statuses (of the step, and of the job, which this is the last step of): {@code COMPLETED} (all sent,
 * or nothing to send), {@code COMPLETED_WITH_UNCERTAIN} (a message went out without a definite reply, now or in
 * an earlier run, and nobody has resent it: it may have arrived, it is never sent again automatically, and a
 * person decides; this wins over the next), {@code COMPLETED_WITH_REJECTIONS} (a recipient's server refused the
 * message for good: recorded and logged, not retried, and not a reason to fail the month), {@code EMAIL_SKIPPED}
 * ({@code run --no-email}). If a message could not go out for a reason that is not the recipient's (server
 * unreachable, messages still deferred after the retries), the job's exit status becomes
 * {@code EMAIL_FAILED: <why, naming the server>} and the step fails; if the fault is on this side (invalid mail
 * settings, a user for a server that offers no AUTH, an unreadable PDF, no period summary), it is {@code EMAIL_SETUP_FAILED: <why>}.
 * Either way the reports stay, and a restart runs only this step, for the messages still missing.
 */
public class EmailPdfBatchlet extends PeriodBatchlet {
    private static final Logger LOG = LoggerFactory.getLogger(EmailPdfBatchlet.class);

    static final String SKIPPED = "EMAIL_SKIPPED";
    static final String WITH_REJECTIONS = "COMPLETED_WITH_REJECTIONS";
    static final String WITH_UNCERTAIN = "COMPLETED_WITH_UNCERTAIN";
    static final String FAILED = "EMAIL_FAILED";
    static final String SETUP_FAILED = "EMAIL_SETUP_FAILED";

    /** Directory under which {@code YYYY-MM/} output folders are written; the outbox is {@code YYYY-MM/outbox}. */
    @Inject
    @BatchProperty
    String reports;

    /** {@code false} to skip the step; anything else (or nothing) sends. */
    @Inject
    @BatchProperty
    String email;

    /**
     * Path of the mail settings file ({@code chokepoint.properties}); it need not exist. Only the path is a
     * parameter: the settings, password included, are read here and never stored in the job repository.
     */
    @Inject
    @BatchProperty
    String mailSettings;

    @Override
    public String process() {
        ReportPeriod reportPeriod = reportPeriod();
        if ("false".equalsIgnoreCase(email == null ? "" : email.strip())) {
            LOG.info("email-pdf {}: skipped (--no-email); send later with: chokepoint deliver --period {}",
                    reportPeriod, reportPeriod);
            return exit(SKIPPED);
        }
        TrackerDatabase tracker = tracker();
        ReportDistribution distribution = new ReportDistribution(new StakeholderDirectory(tracker),
                new DeliveryLog(tracker), Clock.systemUTC());
        DistributionOutcome outcome = distribution.deliver(DistributionRequest.of(
                new ReportFiles(Path.of(reports), reportPeriod), Selection.PENDING, Path.of(mailSettings),
                System.getenv()));
        return switch (outcome.status()) {
            case NOTHING_TO_SEND -> nothingToSend(reportPeriod, outcome.planned());
            case INVALID_SETTINGS -> {
                explain(reportPeriod, outcome.planned());
                throw fail(SETUP_FAILED, "invalid mail settings: " + outcome.problem().orElseThrow());
            }
            case NO_SUMMARY, INVALID_SUMMARY -> {
                explain(reportPeriod, outcome.planned());
                throw fail(SETUP_FAILED, outcome.problem().orElseThrow());
            }
            case DONE -> {
                explain(reportPeriod, outcome.planned());
                yield sent(reportPeriod, outcome.planned(), outcome.sent());
            }
            // A pending delivery names no address, sends a real message and is never a dry run.
            case INVALID_RECIPIENT, DRY_RUN, TEST_NOT_SENT -> throw new IllegalStateException(
                    "email-pdf " + reportPeriod + ": unexpected " + outcome.status());
        };
    }

    private String nothingToSend(ReportPeriod reportPeriod, DistributionPlan plan) {
        if (plan.activeStakeholders() == 0) {
            LOG.info("email-pdf {}: no active stakeholders, nothing to send (add some with: chokepoint"
                    + " stakeholders add EMAIL --name NAME)", reportPeriod);
            return exit("COMPLETED");
        }
        explain(reportPeriod, plan);
        LOG.info("email-pdf {}: nothing to send; {} of {} active stakeholders already have the report",
                reportPeriod, plan.delivered().size(), plan.activeStakeholders());
        return exit(plan.inDoubt().isEmpty() ? "COMPLETED" : WITH_UNCERTAIN);
    }

    /** Why some active stakeholders were not sent the mail. */
    private static void explain(ReportPeriod reportPeriod, DistributionPlan plan) {
        plan.inDoubt().forEach(email -> LOG.warn("email-pdf {}: not sending again to {}: an earlier delivery has"
                + " no definite outcome (it may have arrived); to send it on purpose: chokepoint deliver --resend --to {}"
                + " --period {}", reportPeriod, email, email, reportPeriod));
        if (!plan.rejected().isEmpty()) {
            LOG.info("email-pdf {}: not retrying {}, rejected earlier (deliver --resend sends on purpose)",
                    reportPeriod, plan.rejected());
        }
    }

    private String sent(ReportPeriod reportPeriod, DistributionPlan plan, DistributionResult result) {
        result.uncertain().forEach(u -> LOG.warn("email-pdf {}: {}: {}; to send it again on purpose: chokepoint"
                + " deliver --resend --to {} --period {}", reportPeriod, u.recipient(), u.reply(), u.recipient(),
                reportPeriod));
        if (result.failed()) {
            throw fail(result.failedOnThisSide() ? SETUP_FAILED : FAILED, result.failureMessage().orElseThrow());
        }
        result.rejections().forEach(r -> LOG.warn("email-pdf {}: {} rejected: {}", reportPeriod, r.recipient(),
                r.reply()));
        if (!plan.inDoubt().isEmpty() || !result.uncertain().isEmpty()) {
            return exit(WITH_UNCERTAIN);
        }
        return exit(result.rejections().isEmpty() ? "COMPLETED" : WITH_REJECTIONS);
    }

    private String exit(String status) {
        jobContext.setExitStatus(status);
        return status;
    }

    private DistributionException fail(String kind, String message) {
        String status = kind + ": " + message;
        jobContext.setExitStatus(status);
        return new DistributionException("email-pdf " + period + ": " + message);
    }
}
