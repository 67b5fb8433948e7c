package io.chokepoint.delivery;

import java.io.IOException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/** The result of one SMTP transaction, and the rules that sort a failure into retry, defer, reject or give up. */
record SmtpAttempt(Result result, String reply) {

    enum Result {
        /** The server accepted the message. */
        ACCEPTED,
        /**
         * Worth another try at once, before the server has the message: no connection, a broken connection, a 4xx
         * greeting or reply to MAIL FROM (the server's state, not this recipient's).
         */
        RETRY,
        /** A 4xx reply to this recipient (RCPT TO) or to this message (DATA, its end): try it again later. */
        DEFER,
        /** A 5xx reply to this message or recipient: final. */
        REJECT,
        /** Another try would fail the same way (credentials, TLS): final, but not the recipient's fault. */
        GIVE_UP,
        /**
         * The whole message went out, but no definite reply to its end came back (a timeout, a closed
         * connection): the server may have accepted it, so it must not be sent again automatically.
         */
        UNCERTAIN
    }

    static SmtpAttempt accepted(String reply) {
        return new SmtpAttempt(Result.ACCEPTED, oneLine(reply));
    }

    /**
     * Sorts a failure. {@code lastReturnCode} is the transport's last SMTP reply code (-1 if none), used when
     * the exception itself carries none, e.g. a 421 greeting.
     */
    static SmtpAttempt failed(MessagingException failure, int lastReturnCode, String endpoint) {
        if (find(failure, AuthenticationFailedException.class) != null) {
            return new SmtpAttempt(Result.GIVE_UP, "authentication failed at " + endpoint + ": "
                    + oneLine(failure.getMessage()));
        }
        Throwable replied = withReturnCode(failure);
        if (replied != null) {
            int code = returnCode(replied);
            Result result = code >= 500 ? Result.REJECT
                    : replied instanceof SMTPSenderFailedException ? Result.RETRY : Result.DEFER;
            return new SmtpAttempt(result, oneLine(replied.getMessage()));
        }
        MailConnectException connect = find(failure, MailConnectException.class);
        if (connect != null) {
            return new SmtpAttempt(Result.RETRY, "cannot connect to " + endpoint + " (" + rootCause(connect) + ")");
        }
        if (find(failure, IOException.class) != null) {
            // The connection broke before the message was complete (after it, see uncertain()): the server
            // cannot have accepted it, so it is tried again.
            return new SmtpAttempt(Result.RETRY, "connection to " + endpoint + " failed (" + rootCause(failure) + ")");
        }
        if (lastReturnCode >= 400 && lastReturnCode < 500) {
            return new SmtpAttempt(Result.RETRY, endpoint + ": " + oneLine(failure.getMessage()));
        }
        return new SmtpAttempt(Result.GIVE_UP, endpoint + ": " + oneLine(failure.getMessage()));
    }

    /**
     * The message's final "." went out and no definite reply came back. {@code endOfDataReply} is the code read
     * for it, -1 if none.
     */
    static SmtpAttempt uncertain(MessagingException failure, int endOfDataReply, String endpoint,
                                 SmtpTimeouts timeouts) {
        String what = endOfDataReply == -1 && find(failure, java.net.SocketTimeoutException.class) != null
                ? "no reply within " + timeouts.dataReply().toString().substring(2).toLowerCase()
                : "no definite reply (" + rootCause(failure) + ")";
        return new SmtpAttempt(Result.UNCERTAIN, "the whole message was sent to " + endpoint + " but " + what
                + " to its end: it may have been accepted, so it is not sent again automatically");
    }

    /** A reply code that says what became of the message: 2xx, 4xx or 5xx. */
    static boolean definite(int code) {
        return code >= 200 && code < 600 && code / 100 != 3;
    }

    private static Throwable withReturnCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (returnCode(t) > 0) {
                return t;
            }
        }
        return null;
    }

    private static int returnCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Jakarta Mail chains per-address failures with getNextException(); other causes use getCause(). */
    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return root.getClass().getSimpleName() + ": " + oneLine(root.getMessage());
    }

    /** A multi-line SMTP reply as one line, fit for a log or a database column. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\r\n]+\\s*", " ");
    }
}
