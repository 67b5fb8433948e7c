package io.chokepoint.distribution;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chokepoint.delivery.DeferredRetry;
import io.chokepoint.delivery.DeliveryException;
import io.chokepoint.delivery.DeliveryOutcome;
import io.chokepoint.delivery.Recipient;
import io.chokepoint.delivery.RetryPause;
import io.chokepoint.distribution.DistributionOutcome.Status;
import io.chokepoint.report.PeriodSummary;
import io.chokepoint.report.PeriodSummaryFile;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;
import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.stakeholders.StakeholderDirectory;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Sends a period's PDF to the stakeholders, once per period and recipient whatever reruns happen. The job's
 * {@code email-pdf} step and {@code deliver} both call {@link #deliver} and only format what it returns.
 *
 * <ul>
 *   <li>A regular delivery goes to each active stakeholder who has no SENT or OUTBOX delivery for the period.
 *       One whose server rejected the message (5xx, REJECTED) is not tried again, nor one whose delivery is in
 *       doubt (UNCERTAIN: sent without a definite reply; or SENDING, left by a process that ended mid-send): both
 *       need a {@linkplain Selection#resendTo resend on purpose}. FAILED and DEFERRED deliveries are tried
 *       again.</li>
 *   <li>Each message is claimed in the delivery log before it is built and its outcome recorded after, so two
 *       processes cannot send one recipient the same period twice.</li>
 *   <li>A DEFERRED message (4xx for that recipient or message) does not hold up the others: it is retried
 *       after them, with back-off.</li>
 *   <li>An UNCERTAIN message is never sent again here.</li>
 *   <li>The first FAILED outcome (the server unreachable or refusing our settings: not the recipient's fault,
 *       so most likely the next recipient's fate too) stops the run; the remaining recipients stay pending for
 *       the next run.</li>
 * </ul>
 * Thread-safe.
 */
public final class ReportDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(ReportDistribution.class);

    private final StakeholderDirectory directory;
    private final DeliveryLog log;
    private final Clock clock;
    private final RetryPause pause;

    public ReportDistribution(StakeholderDirectory directory, DeliveryLog log, Clock clock) {
        this(directory, log, clock, RetryPause.THREAD);
    }

    /** @param pause waits before each retry of deferred messages; tests pass one that records the wait */
    public ReportDistribution(StakeholderDirectory directory, DeliveryLog log, Clock clock, RetryPause pause) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * The one delivery path: plans who gets the period's mail, opens the channel the mail settings name, renders
     * the mail from the period summary, sends it and records each outcome, stopping at the first step that
     * cannot go on. For a {@linkplain DistributionRequest#testTo test message}, the plan and the log are left
     * out. Never throws for a problem a person can fix: the outcome says what it is.
     */
    public DistributionOutcome deliver(DistributionRequest request) {
        ReportPeriod period = request.period();
        if (request.test()) {
            return deliverTest(request);
        }
        DistributionPlan plan;
        try {
            plan = plan(period, request.selection());
        } catch (IllegalArgumentException e) {
            return stopped(Status.INVALID_RECIPIENT, Optional.empty(), Optional.empty(), e.getMessage());
        }
        Optional<DistributionPlan> planned = Optional.of(plan);
        if (plan.nothingToSend()) {
            return new DistributionOutcome(Status.NOTHING_TO_SEND, planned, Optional.empty(), Optional.empty(),
                    Optional.empty(), log.inDoubt(period));
        }
        MailChannel channel;
        try {
            channel = open(request);
        } catch (DeliveryException e) {
            return stopped(Status.INVALID_SETTINGS, planned, Optional.empty(), e.getMessage());
        }
        Optional<String> through = Optional.of(channel.description());
        if (request.dryRun()) {
            return new DistributionOutcome(Status.DRY_RUN, planned, through, Optional.empty(), Optional.empty(),
                    log.inDoubt(period));
        }
        LOG.info("{}: sending to {} of {} active stakeholders through {}", period, plan.recipients().size(),
                plan.activeStakeholders(), channel.description());
        Optional<PeriodSummary> summary;
        try {
            summary = PeriodSummaryFile.read(request.files().summary());
        } catch (IllegalArgumentException e) {
            return stopped(Status.INVALID_SUMMARY, planned, through, e.getMessage());
        }
        if (summary.isEmpty()) {
            return stopped(Status.NO_SUMMARY, planned, through, noSummary(request.files()));
        }
        ReportMail mail = ReportMail.of(summary.get(), request.files(), channel.maxAttachmentBytes());
        DistributionResult result = send(plan, mail, channel);
        return new DistributionOutcome(Status.DONE, planned, through, Optional.empty(), Optional.of(result),
                log.inDoubt(period));
    }

    /** {@code deliver --to} without {@code --resend}: one message to any address, not recorded. */
    private DistributionOutcome deliverTest(DistributionRequest request) {
        Recipient recipient;
        try {
            recipient = request.testRecipient();
        } catch (IllegalArgumentException e) {
            return stopped(Status.INVALID_RECIPIENT, Optional.empty(), Optional.empty(), e.getMessage());
        }
        MailChannel channel;
        try {
            channel = open(request);
        } catch (DeliveryException e) {
            return stopped(Status.INVALID_SETTINGS, Optional.empty(), Optional.empty(), e.getMessage());
        }
        Optional<String> through = Optional.of(channel.description());
        if (request.dryRun()) {
            return new DistributionOutcome(Status.DRY_RUN, Optional.empty(), through, Optional.empty(),
                    Optional.empty(), List.of());
        }
        Optional<PeriodSummary> summary;
        try {
            summary = PeriodSummaryFile.read(request.files().summary());
        } catch (IllegalArgumentException e) {
            return stopped(Status.INVALID_SUMMARY, Optional.empty(), through, e.getMessage());
        }
        if (summary.isEmpty()) {
            return stopped(Status.NO_SUMMARY, Optional.empty(), through, noSummary(request.files()));
        }
        DistributionResult.Line line;
        try {
            ReportMail mail = ReportMail.of(summary.get(), request.files(), channel.maxAttachmentBytes());
            line = sendTest(mail, channel, recipient);
        } catch (DeliveryException e) {
            return stopped(Status.TEST_NOT_SENT, Optional.empty(), through, e.getMessage());
        }
        DistributionResult result = new DistributionResult(request.period(), channel.description(), List.of(line),
                List.of(), List.of(), Optional.empty(), false);
        return new DistributionOutcome(Status.DONE, Optional.empty(), through, Optional.empty(), Optional.of(result),
                List.of());
    }

    private MailChannel open(DistributionRequest request) {
        return MailChannel.open(request.settingsFile(), request.env(), request.outbox(), request.filePrefix(), clock);
    }

    private static DistributionOutcome stopped(Status status, Optional<DistributionPlan> plan, Optional<String> channel,
                                               String problem) {
        return new DistributionOutcome(status, plan, channel, Optional.of(problem), Optional.empty(), List.of());
    }

    /** The mail is rendered from the period summary the job wrote beside the PDF; nothing is recomputed. */
    private static String noSummary(ReportFiles files) {
        return "no " + files.summary().getFileName() + " in " + files.directory() + ": run the month first";
    }

    /**
     * Who would be sent the period's mail now.
     *
     * @throws IllegalArgumentException if the selection names an address that is not an active stakeholder
     */
    public DistributionPlan plan(ReportPeriod period, Selection selection) {
        List<Stakeholder> active = directory.active();
        Map<String, List<Outcome>> history = new HashMap<>();
        for (DeliveryRecord row : log.forPeriod(period)) {
            history.computeIfAbsent(key(row.recipient()), k -> new ArrayList<>()).add(row.outcome());
        }
        List<Stakeholder> recipients = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> inDoubt = new ArrayList<>();
        for (Stakeholder s : active) {
            List<Outcome> outcomes = history.getOrDefault(s.key(), List.of());
            if (outcomes.stream().anyMatch(Outcome::delivered)) {
                delivered.add(s.email());
            } else if (outcomes.contains(Outcome.REJECTED)) {
                rejected.add(s.email());
            } else if (outcomes.stream().anyMatch(Outcome::inDoubt)) {
                inDoubt.add(s.email());
            } else if (!selection.resend()) {
                recipients.add(s);
            }
        }
        if (selection.resend()) {
            recipients = active.stream()
                    .filter(s -> selection.only().map(only -> key(only).equals(s.key())).orElse(true))
                    .toList();
            if (selection.only().isPresent() && recipients.isEmpty()) {
                throw new IllegalArgumentException(selection.only().get() + " is not an active stakeholder;"
                        + " to send a test message to any address, use --to without --resend");
            }
        }
        return new DistributionPlan(period, selection, active.size(), recipients, delivered, rejected, inDoubt);
    }

    /**
     * Sends the planned messages through the channel and records each in the delivery log. Messages the server
     * deferred (4xx) are tried again after every other recipient has had its turn, with the channel's
     * {@link MailChannel#deferredRetry() back-off}; those still deferred then are the run's failure, by name.
     */
    public DistributionResult send(DistributionPlan plan, ReportMail mail, MailChannel channel) {
        Run run = new Run(plan, mail, channel);
        for (Stakeholder stakeholder : plan.recipients()) {
            run.attempt(stakeholder);
        }
        DeferredRetry retry = channel.deferredRetry();
        for (int round = 1; round <= retry.retries() && run.failure.isEmpty() && !run.deferred.isEmpty(); round++) {
            Duration wait = retry.waitBefore(round);
            LOG.info("{}: retrying {} deferred message(s) in {} (round {} of {}): {}", plan.period(),
                    run.deferred.size(), wait, round, retry.retries(), run.deferredAddresses());
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.failure = Optional.of("interrupted while waiting to retry the messages deferred by "
                        + channel.description() + ": " + run.deferredAddresses());
                break;
            }
            List<Stakeholder> due = List.copyOf(run.deferred.values());
            run.deferred.clear();
            due.forEach(run::attempt);
        }
        if (run.failure.isEmpty() && !run.deferred.isEmpty()) {
            run.failure = Optional.of(run.deferred.size() + " message(s) deferred by " + channel.description()
                    + " (4xx) and not delivered after " + retry.retries() + " retries: " + String.join("; ",
                    run.deferred.keySet().stream().map(email -> email + " (" + run.lastReply.get(email) + ")").toList()));
        }
        DistributionResult result = new DistributionResult(plan.period(), channel.description(), run.lines,
                run.notAttempted, run.skipped, run.failure, run.failedOnThisSide);
        LOG.info("{} mail through {}: {}", plan.period(), channel.description(), result.summary());
        return result;
    }

    /** The state of one {@link #send}: what was done so far, and why it stopped. */
    private final class Run {
        private final DistributionPlan plan;
        private final ReportMail mail;
        private final MailChannel channel;
        private final List<DistributionResult.Line> lines = new ArrayList<>();
        private final List<String> notAttempted = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private final Map<String, Stakeholder> deferred = new LinkedHashMap<>();
        private final Map<String, String> lastReply = new HashMap<>();
        private Optional<String> failure = Optional.empty();
        private boolean failedOnThisSide;

        Run(DistributionPlan plan, ReportMail mail, MailChannel channel) {
            this.plan = plan;
            this.mail = mail;
            this.channel = channel;
        }

        /** Claims and sends one message; after a failure, only notes the recipient as not attempted. */
        void attempt(Stakeholder stakeholder) {
            ReportPeriod period = plan.period();
            if (failure.isPresent()) {
                notAttempted.add(stakeholder.email());
                return;
            }
            OptionalLong claim = plan.selection().resend()
                    ? OptionalLong.of(log.claimResend(period, stakeholder.email(), clock.instant()))
                    : log.claim(period, stakeholder.email(), clock.instant());
            if (claim.isEmpty()) {
                LOG.info("{} {}: already being sent or sent by another run, skipped", period, stakeholder.email());
                skipped.add(stakeholder.email());
                return;
            }
            Sent sent = sendOne(claim.getAsLong(), stakeholder, mail, channel);
            DistributionResult.Line line = sent.line();
            lines.add(line);
            lastReply.put(stakeholder.email(), line.reply());
            if (line.outcome() == Outcome.DEFERRED) {
                deferred.put(stakeholder.email(), stakeholder);
            } else if (line.outcome() == Outcome.FAILED) {
                failedOnThisSide = sent.onThisSide();
                failure = Optional.of("delivery to " + stakeholder.email() + " through " + channel.description()
                        + " failed" + (line.attempts() > 1 ? " after " + line.attempts() + " attempts" : "") + ": "
                        + line.reply());
            }
        }

        String deferredAddresses() {
            return String.join(", ", deferred.keySet());
        }
    }

    /** One message's line, and whether it failed on this side (settings, PDF, outbox) rather than the server's. */
    private record Sent(DistributionResult.Line line, boolean onThisSide) {
    }

    private Sent sendOne(long claim, Stakeholder stakeholder, ReportMail mail, MailChannel channel) {
        DeliveryOutcome outcome;
        try {
            outcome = channel.sender().send(mail.forStakeholder(stakeholder),
                    new Recipient(stakeholder.email(), stakeholder.name()));
        } catch (RuntimeException e) {
            // Our side could not build or write the message (unreadable PDF, unwritable outbox), or the settings
            // do not fit the server (a user for a server without AUTH): record it as failed, so that the next run
            // tries again once it is fixed, and stop.
            String reply = "not sent: " + e.getMessage();
            log.finish(claim, Outcome.FAILED, 0, null, null, reply, null, clock.instant());
            LOG.warn("{}: {}", stakeholder.email(), reply);
            return new Sent(new DistributionResult.Line(stakeholder.email(), Outcome.FAILED, 0, null, reply), true);
        }
        Outcome recorded = Outcome.valueOf(outcome.status().name());
        log.finish(claim, recorded, outcome.attempts(), outcome.messageId(), outcome.attachmentSha256(),
                outcome.reply(), outcome.outboxFile(), outcome.at());
        if (recorded == Outcome.OUTBOX) {
            LOG.info("wrote {} for {} to {}", outcome.messageId(), stakeholder.email(), outcome.outboxFile());
        }
        return new Sent(new DistributionResult.Line(stakeholder.email(), recorded, outcome.attempts(),
                outcome.messageId(), outcome.reply()), false);
    }

    /** Sends one test message to any address, through the same channel; it is not recorded in the delivery log. */
    private static DistributionResult.Line sendTest(ReportMail mail, MailChannel channel, Recipient recipient) {
        DeliveryOutcome outcome = channel.sender().send(mail.test(), recipient);
        LOG.info("test message {} to {} through {}: {} (not recorded as a delivery)", outcome.messageId(),
                recipient.email(), channel.description(), outcome.status());
        return new DistributionResult.Line(recipient.email(), Outcome.valueOf(outcome.status().name()),
                outcome.attempts(), outcome.messageId(), outcome.reply());
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
