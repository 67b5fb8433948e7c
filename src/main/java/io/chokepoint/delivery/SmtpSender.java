package io.chokepoint.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends report mails over SMTP with Jakarta Mail. Each send is one SMTP transaction for one recipient.
 * <ul>
 *   <li>Failures before the server can have the message (no connection, a broken connection, a 4xx greeting or
 *       reply to MAIL FROM) are retried up to {@link MailSettings#maxAttempts()} times with doubling back-off, then
 *       {@code FAILED}.</li>
 *   <li>A 4xx reply to the recipient or the message is {@code DEFERRED} at once: the caller retries it later,
 *       after the other recipients. A 5xx reply is final ({@code REJECTED}).</li>
 *   <li>Once the whole message is sent, a missing reply to its end (after {@link SmtpTimeouts#dataReply()}, or a
 *       closed connection) is {@code UNCERTAIN}: never sent again here.</li>
 *   <li>With a user, the server must offer AUTH: if it does not, nothing is sent and {@link DeliveryException}
 *       says so (Angus would otherwise send without authenticating, silently).</li>
 * </ul>
 * Thread-safe.
 */
public final class SmtpSender implements MessageSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);

    private final MailSettings settings;
    private final Clock clock;
    private final RetryPause pause;
    private final Session session;
    private final Properties transportProperties;
    private final InternetAddress from;

    /** A sender that stamps outcomes and the Date header with {@code clock}. */
    public SmtpSender(MailSettings settings, Clock clock) {
        this(settings, clock, RetryPause.THREAD);
    }

    SmtpSender(MailSettings settings, Clock clock, RetryPause pause) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.transportProperties = sessionProperties(settings);
        this.session = Session.getInstance(transportProperties);
        this.from = Addresses.parse(settings.from(), "from address", true);
    }

    @Override
    public DeliveryOutcome send(ReportMessage message, Recipient recipient) {
        ReportMime.Prepared prepared = ReportMime.prepare(session, from, recipient, message, clock.instant());
        for (int attempt = 1; ; attempt++) {
            SmtpAttempt result = attempt(prepared.message());
            String reply = redact(result.reply());
            switch (result.result()) {
                case ACCEPTED -> {
                    LOG.info("sent {} to {} via {}: {}", prepared.messageId(), recipient.email(), settings.endpoint(), reply);
                    return outcome(DeliveryOutcome.Status.SENT, prepared, attempt, reply);
                }
                case DEFER -> {
                    LOG.warn("{} deferred {} for {}: {}", settings.endpoint(), prepared.messageId(), recipient.email(), reply);
                    return outcome(DeliveryOutcome.Status.DEFERRED, prepared, attempt, reply);
                }
                case UNCERTAIN -> {
                    LOG.warn("{} to {}: {}", prepared.messageId(), recipient.email(), reply);
                    return outcome(DeliveryOutcome.Status.UNCERTAIN, prepared, attempt, reply);
                }
                case REJECT -> {
                    LOG.warn("{} rejected {} for {}: {}", settings.endpoint(), prepared.messageId(), recipient.email(), reply);
                    return outcome(DeliveryOutcome.Status.REJECTED, prepared, attempt, reply);
                }
                case GIVE_UP -> {
                    LOG.warn("not sending {} to {}: {}", prepared.messageId(), recipient.email(), reply);
                    return outcome(DeliveryOutcome.Status.FAILED, prepared, attempt, reply);
                }
                case RETRY -> {
                    if (attempt >= settings.maxAttempts()) {
                        LOG.warn("giving up on {} to {} after {} attempts: {}", prepared.messageId(), recipient.email(),
                                attempt, reply);
                        return outcome(DeliveryOutcome.Status.FAILED, prepared, attempt, reply);
                    }
                    Duration wait = backoff(attempt);
                    LOG.warn("attempt {} of {} to send {} to {} failed, retrying in {}: {}", attempt,
                            settings.maxAttempts(), prepared.messageId(), recipient.email(), wait, reply);
                    try {
                        pause.pause(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return outcome(DeliveryOutcome.Status.FAILED, prepared, attempt,
                                reply + " (interrupted while waiting to retry)");
                    }
                }
            }
        }
    }

    private SmtpAttempt attempt(MimeMessage message) {
        TimedSmtpTransport transport = TimedSmtpTransport.open(transportProperties, protocol(settings),
                settings.timeouts());
        try {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            requireAuthentication(transport);
            transport.sendMessage(message, message.getAllRecipients());
            return SmtpAttempt.accepted(transport.getLastServerResponse());
        } catch (MessagingException e) {
            if (transport.bodySent() && !SmtpAttempt.definite(transport.endOfDataReply())) {
                return SmtpAttempt.uncertain(e, transport.endOfDataReply(), settings.endpoint(), settings.timeouts());
            }
            return SmtpAttempt.failed(e, transport.getLastReturnCode(), settings.endpoint());
        } finally {
            close(transport);
        }
    }

    /**
     * With a user and password, Angus authenticates only if the server offers AUTH, and otherwise sends without
     * it, silently ({@code mail.smtp.auth=true} does not change that). Mail meant to go out authenticated must not
     * go out anonymously through a server that may relay it under other rules.
     */
    private void requireAuthentication(SMTPTransport transport) {
        if (settings.user() != null && !transport.supportsExtension("AUTH")
                && !transport.supportsExtension("AUTH=LOGIN")) {
            throw new DeliveryException("SMTP server " + settings.endpoint() + " offers no AUTH, but user '"
                    + settings.user() + "' is set (smtp.user): refusing to send unauthenticated; check smtp.host and"
                    + " smtp.port, or remove smtp.user and the password if this server takes mail without login");
        }
    }

    /** The message is already accepted or already failed: a failing QUIT changes neither. */
    private static void close(SMTPTransport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("closing the SMTP connection failed: {}", e.toString());
        }
    }

    Duration backoff(int attemptsMade) {
        return settings.initialBackoff().multipliedBy(1L << Math.min(attemptsMade - 1, 20));
    }

    private DeliveryOutcome outcome(DeliveryOutcome.Status status, ReportMime.Prepared prepared, int attempts,
                                    String reply) {
        return new DeliveryOutcome(status, prepared.messageId(), attempts, reply, prepared.attachmentSha256(),
                clock.instant(), null);
    }

    /** Jakarta Mail does not put the password in its messages; this guards against one that someday does. */
    private String redact(String text) {
        return Redaction.text(text, settings.password());
    }

    static String protocol(MailSettings settings) {
        return settings.tls() == TlsMode.SSL ? "smtps" : "smtp";
    }

    /** Session properties for both protocols, so that no timeout is ever left at its infinite default. */
    static Properties sessionProperties(MailSettings settings) {
        Properties properties = new Properties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String prefix = "mail." + protocol + ".";
            properties.setProperty(prefix + "host", settings.host());
            properties.setProperty(prefix + "port", Integer.toString(settings.port()));
            properties.setProperty(prefix + "connectiontimeout", Integer.toString(settings.timeouts().connectMillis()));
            // Every reply and every write; the reply to the message's end gets its own (TimedSmtpTransport).
            properties.setProperty(prefix + "timeout", Integer.toString(settings.timeouts().commandMillis()));
            properties.setProperty(prefix + "writetimeout", Integer.toString(settings.timeouts().commandMillis()));
            properties.setProperty(prefix + "auth", Boolean.toString(settings.user() != null));
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (settings.tls() == TlsMode.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
