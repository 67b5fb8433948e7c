package io.chokepoint.distribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.stakeholders.DeliveryRecord;

/**
 * What one {@link ReportDistribution#deliver} did, for the job's step and {@code deliver} to format: each maps it
 * to its own exit status, and neither decides anything about the mail.
 *
 * @param status  how far the delivery got
 * @param plan    who was to be sent the mail; empty for a test message and for {@link Status#INVALID_RECIPIENT}
 * @param channel where the mail went or would go, e.g. {@code SMTP server mail.example.org:587 (TLS: starttls)};
 *                empty until the channel is open
 * @param problem why it stopped, in one line: for {@link Status#INVALID_RECIPIENT}, {@link Status#INVALID_SETTINGS},
 *                {@link Status#NO_SUMMARY}, {@link Status#INVALID_SUMMARY} and {@link Status#TEST_NOT_SENT}
 * @param result  what was sent, for {@link Status#DONE}: a delivery's lines, or a test message's one line
 * @param inDoubt the period's deliveries whose outcome is unknown (they may have arrived), read at the end of a
 *                delivery that got as far as a plan; empty for a test message
 */
public record DistributionOutcome(Status status, Optional<DistributionPlan> plan, Optional<String> channel,
                                  Optional<String> problem, Optional<DistributionResult> result,
                                  List<DeliveryRecord> inDoubt) {

    /** How far a delivery got. */
    public enum Status {
        /** The address is not an active stakeholder ({@code --resend --to}) or not a valid address (a test). */
        INVALID_RECIPIENT,
        /** Every selected stakeholder has the report, was rejected or is in doubt, or there are none. */
        NOTHING_TO_SEND,
        /** The mail settings are invalid or unreadable: nothing was sent. */
        INVALID_SETTINGS,
        /** The period summary the mail is made from is missing: nothing was sent. */
        NO_SUMMARY,
        /** The period summary cannot be read: nothing was sent. */
        INVALID_SUMMARY,
        /** A dry run: planned, the channel opened, nothing sent. */
        DRY_RUN,
        /** A test message could not be handed to the channel. */
        TEST_NOT_SENT,
        /** The messages were handed to the channel; {@link #result} says how each went. */
        DONE
    }

    public DistributionOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(result, "result");
        inDoubt = List.copyOf(inDoubt);
        if (problem.isPresent() != (status == Status.INVALID_RECIPIENT || status == Status.INVALID_SETTINGS
                || status == Status.NO_SUMMARY || status == Status.INVALID_SUMMARY || status == Status.TEST_NOT_SENT)) {
            throw new IllegalArgumentException(status + " with problem " + problem);
        }
        if (result.isPresent() != (status == Status.DONE)) {
            throw new IllegalArgumentException(status + " with result " + result);
        }
    }

    /** The plan, for a caller that knows the delivery got that far. */
    public DistributionPlan planned() {
        return plan.orElseThrow(() -> new IllegalStateException(status + " has no plan"));
    }

    /** The result, for {@link Status#DONE}. */
    public DistributionResult sent() {
        return result.orElseThrow(() -> new IllegalStateException(status + " has no result"));
    }
}
