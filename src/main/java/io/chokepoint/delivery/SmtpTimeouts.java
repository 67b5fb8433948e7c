package io.chokepoint.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait on the SMTP server, after RFC 5321 section 4.5.3.2, which asks a client to wait 5 minutes for
 * the greeting and each command's reply and 10 minutes for the reply to the final "." of DATA: the server may
 * be delivering or scanning the message before it answers, and giving up earlier is what makes a message go out
 * twice.
 *
 * @param connect   to open the TCP connection (and the TLS handshake of {@code ssl})
 * @param command   for the greeting, each command's reply and each write, the message body included
 * @param dataReply for the reply to the final "." that ends the message: once the body is sent, giving up means
 *                  the outcome is unknown ({@code UNCERTAIN}), never that it may be sent again
 */
public record SmtpTimeouts(Duration connect, Duration command, Duration dataReply) {

    /** 2 minutes to connect, 5 minutes per command, 10 minutes for the reply to the end of the message. */
    public static final SmtpTimeouts DEFAULT = new SmtpTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10));

    public SmtpTimeouts {
        check(connect, "connect timeout");
        check(command, "command timeout");
        check(dataReply, "DATA reply timeout");
    }

    private static void check(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be positive and at most 24 days, was " + timeout);
        }
    }

    int connectMillis() {
        return (int) connect.toMillis();
    }

    int commandMillis() {
        return (int) command.toMillis();
    }

    int dataReplyMillis() {
        return (int) dataReply.toMillis();
    }
}
