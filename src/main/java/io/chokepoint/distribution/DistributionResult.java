package io.chokepoint.distribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.stakeholders.DeliveryRecord.Outcome;
import io.chokepoint.tracking.ReportPeriod;

/**
 * What a delivery run did.
 *
 * @param channel      where the mail went, e.g. {@code SMTP server mail.example.org:587 (TLS: starttls)}
 * @param lines        one per message handed to the channel, in order
 * @param notAttempted recipients left for a later run after a failure stopped the run
 * @param skipped      recipients another process delivered to in the meantime
 * @param failure      why the run stopped, naming the server; empty if it did not
 */
public record DistributionResult(ReportPeriod period, String channel, List<Line> lines, List<String> notAttempted,
                                 List<String> skipped, Optional<String> failure) {

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

    public long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /** The recipients whose server refused the message for good. */
    public List<Line> rejections() {
        return lines.stream().filter(l -> l.outcome() == Outcome.REJECTED).toList();
    }

    /** Some messages did not go out and will be tried again by a later run. */
    public boolean failed() {
        return failure.isPresent();
    }

    /** E.g. {@code 3 sent, 0 written to the outbox, 1 rejected, 0 failed, 0 not attempted}. */
    public String summary() {
        return count(Outcome.SENT) + " sent, " + count(Outcome.OUTBOX) + " written to the outbox, "
                + count(Outcome.REJECTED) + " rejected, " + count(Outcome.FAILED) + " failed, "
                + notAttempted.size() + " not attempted";
    }

    /** The failure with what it left undone, for a log line, an exit status or an error message. */
    public Optional<String> failureMessage() {
        long unsent = count(Outcome.FAILED) + notAttempted.size();
        return failure.map(f -> f + "; " + unsent + " of " + (lines.size() + notAttempted.size())
                + " messages for " + period + " not sent, to be sent when the delivery runs again");
    }
}
