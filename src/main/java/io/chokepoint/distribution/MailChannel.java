package io.chokepoint.distribution;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.delivery.DeferredRetry;
import io.chokepoint.delivery.MailSettings;
import io.chokepoint.delivery.MessageSender;
import io.chokepoint.delivery.OutboxWriter;
import io.chokepoint.delivery.SmtpSender;

/**
 * Where a period's mail goes: the SMTP server of the mail settings, or, when no SMTP host is configured, the
 * period's outbox directory ({@code reports/YYYY-MM/outbox/}), one complete {@code .eml} file per recipient.
 * The settings are read where the mail is sent, in that process; they never travel as a job parameter.
 */
public final class MailChannel {

    /** The From address of outbox files when none is configured. */
    public static final String DEFAULT_OUTBOX_FROM = "Chokepoint <chokepoint@localhost>";

    private final MessageSender sender;
    private final String description;
    private final boolean outbox;
    private final DeferredRetry deferredRetry;

    private MailChannel(MessageSender sender, String description, boolean outbox, DeferredRetry deferredRetry) {
        this.sender = sender;
        this.description = description;
        this.outbox = outbox;
        this.deferredRetry = deferredRetry;
    }

    /**
     * Reads the mail settings and opens the channel they name.
     *
     * @param settingsFile the properties file ({@code chokepoint.properties}); may be null or absent
     * @param env          environment variables ({@code CHOKEPOINT_SMTP_*}), usually {@code System.getenv()}
     * @param outboxDir    where outbox files go when no SMTP host is configured
     * @param filePrefix   starts each outbox file name, e.g. the period {@code 2025-12}
     * @throws io.chokepoint.delivery.DeliveryException for invalid or unreadable settings; the message names the
     *                                                   setting and never shows the password
     */
    public static MailChannel open(Path settingsFile, Map<String, String> env, Path outboxDir, String filePrefix,
                                   Clock clock) {
        Objects.requireNonNull(outboxDir, "outboxDir");
        Optional<MailSettings> settings = MailSettings.load(settingsFile, env);
        if (settings.isPresent()) {
            MailSettings smtp = settings.get();
            return new MailChannel(new SmtpSender(smtp, clock),
                    "SMTP server " + smtp.host() + ":" + smtp.port() + " (TLS: " + smtp.tls().code() + ")", false,
                    smtp.deferredRetry());
        }
        String from = MailSettings.configuredFrom(settingsFile, env).orElse(DEFAULT_OUTBOX_FROM);
        return new MailChannel(new OutboxWriter(outboxDir, filePrefix, from, clock), "outbox " + outboxDir, true,
                new DeferredRetry(0, Duration.ZERO));
    }

    public MessageSender sender() {
        return sender;
    }

    /** E.g. {@code SMTP server mail.example.org:587 (TLS: starttls)} or {@code outbox reports/2025-12/outbox}. */
    public String description() {
        return description;
    }

    /** How messages the server deferred are tried again at the end of a run (an outbox never defers). */
    public DeferredRetry deferredRetry() {
        return deferredRetry;
    }

    /** No SMTP server is configured: mail is written to files. */
    public boolean outbox() {
        return outbox;
    }
}
