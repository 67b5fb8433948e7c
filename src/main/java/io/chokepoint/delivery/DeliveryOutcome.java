package io.chokepoint.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What became of one report mail for one recipient.
 *
 * @param status           see {@link Status}
 * @param messageId        the Message-ID header, set before the first attempt and the same on every attempt
 * @param attempts         SMTP transactions tried; 0 for {@link Status#OUTBOX}
 * @param reply            the server's last reply (e.g. {@code 550 5.1.1 mailbox unavailable}), or a description
 *                         of the failure naming the server's host:port, or where the outbox file was written
 * @param attachmentSha256 SHA-256 of the attached bytes, lower-case hex
 * @param at               when the outcome was decided
 * @param outboxFile       the {@code .eml} file for {@link Status#OUTBOX}, otherwise null
 */
public record DeliveryOutcome(Status status, String messageId, int attempts, String reply, String attachmentSha256,
                              Instant at, Path outboxFile) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The kinds of outcome. */
    public enum Status {
        /** The server accepted the message for delivery. */
        SENT,
        /** The server refused this message or recipient for good (an SMTP 5xx reply); resending will not help. */
        REJECTED,
        /**
         * The server deferred this message or recipient (an SMTP 4xx reply to RCPT TO, DATA or the message's end):
         * not sent, to be tried again later.
         */
        DEFERRED,
        /**
         * The whole message went out but no definite reply to its end came back (a timeout, a closed connection):
         * the server may have accepted it. Never sent again automatically; resending is a person's decision.
         */
        UNCERTAIN,
        /**
         * Not sent, and not the recipient's fault: the server could not be reached or kept refusing the connection
         * (until the attempts ran out), or it refused the connection settings (credentials, TLS). A later run may
         * try again.
         */
        FAILED,
        /** No SMTP server is configured: the complete message was written to an outbox directory instead. */
        OUTBOX
    }

    public DeliveryOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(at, "at");
        if (attachmentSha256 == null || !SHA256.matcher(attachmentSha256).matches()) {
            throw new IllegalArgumentException("attachmentSha256 must be 64 lower-case hex digits");
        }
        if ((status == Status.OUTBOX) != (outboxFile != null)) {
            throw new IllegalArgumentException("an outbox file goes with status OUTBOX and only with it");
        }
        if (status == Status.OUTBOX ? attempts != 0 : attempts < 1) {
            throw new IllegalArgumentException("attempts " + attempts + " does not fit status " + status);
        }
    }
}
