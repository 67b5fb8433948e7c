package io.chokepoint.stakeholders;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

import io.chokepoint.tracking.ReportPeriod;

/**
 * One row of the {@code deliveries} table: one message for one recipient and period, handed to the mail system
 * or written to the outbox.
 *
 * @param attempts         SMTP transactions tried (0 for OUTBOX and while SENDING)
 * @param messageId        the message's Message-ID header; null while SENDING or if the message was never built
 * @param attachmentSha256 SHA-256 of the attached PDF, lower-case hex; null as for messageId
 * @param serverReply      the server's last reply, what failed, or where the outbox file went
 * @param outboxFile       the {@code .eml} file for OUTBOX, otherwise null
 * @param resend           sent again on purpose ({@code deliver --resend})
 * @param startedAt        when the message was claimed for sending
 * @param finishedAt       when its outcome was recorded; null while SENDING
 */
public record DeliveryRecord(long id, ReportPeriod period, String recipient, Outcome outcome, int attempts,
                             String messageId, String attachmentSha256, String serverReply, Path outboxFile,
                             boolean resend, Instant startedAt, Instant finishedAt) {

    /** What became of the message. */
    public enum Outcome {
        /** Claimed and in flight; if it stays so, the process ended before it could record an outcome. */
        SENDING,
        /** The SMTP server accepted it. */
        SENT,
        /** The SMTP server refused it for good (5xx). Not retried unless resent on purpose. */
        REJECTED,
        /** Not sent, not the recipient's fault (server unreachable, refusing us). Retried later. */
        FAILED,
        /** Not sent: the server answered 4xx for this recipient or message. Retried at the end of the run, and later. */
        DEFERRED,
        /**
         * The whole message went out without a definite reply to its end: it may have arrived. Never sent again
         * automatically, like a row left SENDING.
         */
        UNCERTAIN,
        /** No SMTP server configured: written as a complete {@code .eml} to the outbox. */
        OUTBOX;

        /** The recipient has this period's report (or, for OUTBOX, it is ready for them). */
        public boolean delivered() {
            return this == SENT || this == OUTBOX;
        }

        /** Whether the message may or may not have arrived: UNCERTAIN, or SENDING with nobody to finish it. */
        public boolean inDoubt() {
            return this == SENDING || this == UNCERTAIN;
        }
    }

    public DeliveryRecord {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
