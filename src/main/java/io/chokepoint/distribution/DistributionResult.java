package io.chokepoint.distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.stakeholders.DeliveryRecord.Outcome;
import io.chokepoint.tracking.ReportPeriod;

/**
 * What a delivery run did.
 *
 * @param channel          where the mail went, e.g. {@code SMTP server mail.example.org:587 (TLS: starttls)}
 * @param lines            one per message handed to the channel, in order: a deferred recipient has one per try
 * @param notAttempted     recipients left for a later run after a failure stopped the run
 * @param skipped          recipients another process delivered to in the meantime
 * @param failure          why the run stopped or what it left undelivered, naming the server; empty if neither
 * @param failedOnThisSide the failure is on this side, not the server's: mail settings that do not fit the server
 *                         (a user for a server without AUTH), an unreadable PDF, an unwritable outbox
 */
public record DistributionResult(ReportPeriod period, String channel, List<Line> lines, List<String> notAttempted,
                                 List<String> skipped, Optional<String> failure, boolean failedOnThisSide) {

    /** One message's outcome. */
    public record Line(String recipient, Outcome outcome, int attempts, String messageId, String reply) {
        public Line {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public DistributionResult {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(channel, "channel");
        lines = List.copyOf(lines);
        notAttempted = List.copyOf(notAttempted);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(failure, "failure");
    }

    /** The last line of each recipient (what became of their message), in the order they were first tried. */
    public List<Line> outcomes() {
        Map<String, Line> last = new LinkedHashMap<>();
        lines.forEach(line -> last.put(line.recipient(), line));
        return List.copyOf(last.values());
    }

    /** How many recipients' messages ended so. */
    public long count(Outcome outcome) {
        return outcomes().stream().filter(l -> l.outcome() == outcome).count();
    }

    /** The recipients whose server refused the message for good. */
    public List<Line> rejections() {
        return outcomes().stream().filter(l -> l.outcome() == Outcome.REJECTED).toList();
    }

    /** The recipients whose message went out without a definite reply: it may have arrived. */
    public List<Line> uncertain() {
        return outcomes().stream().filter(l -> l.outcome() == Outcome.UNCERTAIN).toList();
    }

    /** Some messages did not go out and will be tried again by a later run. */
    public boolean failed() {
        return failure.isPresent();
    }

    /** E.g. {@code 3 sent, 0 written to the outbox, 1 rejected, 0 failed, 0 deferred, 0 uncertain, 0 not attempted}. */
    public String summary() {
        long deferredThenDone = lines.stream().filter(l -> l.outcome() == Outcome.DEFERRED).map(Line::recipient)
                .distinct().count() - count(Outcome.DEFERRED);
        return count(Outcome.SENT) + " sent" + (deferredThenDone > 0 ? " (" + deferredThenDone + " after a deferral)" : "")
                + ", " + count(Outcome.OUTBOX) + " written to the outbox, " + count(Outcome.REJECTED) + " rejected, "
                + count(Outcome.FAILED) + " failed, " + count(Outcome.DEFERRED) + " deferred, "
                + count(Outcome.UNCERTAIN) + " uncertain, " + notAttempted.size() + " not attempted";
    }

    /** The failure with what it left undone, for a log line, an exit status or an error message. */
    public Optional<String> failureMessage() {
        long unsent = count(Outcome.FAILED) + count(Outcome.DEFERRED) + notAttempted.size();
        return failure.map(f -> f + "; " + unsent + " of " + (outcomes().size() + notAttempted.size())
                + " messages for " + period + " not sent, to be sent when the delivery runs again");
    }
}
