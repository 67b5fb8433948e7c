package io.chokepoint.distribution;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chokepoint.delivery.DeferredRetry;
import io.chokepoint.delivery.MailSettings;
import io.chokepoint.delivery.MessageSender;
import io.chokepoint.delivery.OutboxWriter;
import io.chokepoint.delivery.SmtpSender;

/**
 * Where a period's mail goes: the SMTP server of the mail settings, or, when the outbox is chosen
 * ({@code delivery.mode=outbox}) or nothing about mail is configured, the period's outbox directory
 * ({@code reports/YYYY-MM/outbox/}), one complete {@code .eml} file per recipient.
 * The settings are read where the mail is sent, in that process; they never travel as a job parameter.
 */
public final class MailChannel {

    /** The From address of outbox files when none is configured. */
    public static final String DEFAULT_OUTBOX_FROM = "Chokepoint <chokepoint@localhost>";

    /** The log line when the outbox is used only because nothing about mail is set; {@code {}} is the folder. */
    public static final String OUTBOX_BY_DEFAULT = "no SMTP server is configured (smtp.host), so the mail is written"
            + " to the outbox {}, not sent; set delivery.mode=outbox to choose this without this line";

    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    private final MessageSender sender;
    private final String description;
    private final boolean outbox;
    private final DeferredRetry deferredRetry;
    private final long maxAttachmentBytes;

    private MailChannel(MessageSender sender, String description, boolean outbox, DeferredRetry deferredRetry,
                        long maxAttachmentBytes) {
        this.sender = sender;
        this.description = description;
        this.outbox = outbox;
        this.deferredRetry = deferredRetry;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /**
     * Reads the mail settings and opens the channel they name.
     *
     * @param settingsFile the properties file ({@code chokepoint.properties}); may be null or absent
     * @param env          environment variables ({@code CHOKEPOINT_SMTP_*}), usually {@code System.getenv()}
     * @param outboxDir    where outbox files go when the outbox is used
     * @param filePrefix   starts each outbox file name, e.g. the period {@code 2025-12}
     * @throws io.chokepoint.delivery.DeliveryException for invalid or unreadable settings; the message names the
     *                                                   setting and never shows the password
     */
    public static MailChannel open(Path settingsFile, Map<String, String> env, Path outboxDir, String filePrefix,
                                   Clock clock) {
        Objects.requireNonNull(outboxDir, "outboxDir");
        Optional<MailSettings> settings = MailSettings.load(settingsFile, env);
        long maxAttachmentBytes = MailSettings.maxAttachmentBytes(settingsFile, env);
        if (settings.isPresent()) {
            MailSettings smtp = settings.get();
            return new MailChannel(new SmtpSender(smtp, clock),
                    "SMTP server " + smtp.host() + ":" + smtp.port() + " (TLS: " + smtp.tls().code() + ")", false,
                    smtp.deferredRetry(), maxAttachmentBytes);
        }
        String from = MailSettings.configuredFrom(settingsFile, env).orElse(DEFAULT_OUTBOX_FROM);
        if (MailSettings.outboxByDefault(settingsFile, env)) {
            // Files instead of mail may be an oversight: say so where the operator looks (the terminal, the run log).
            LOG.info(OUTBOX_BY_DEFAULT, outboxDir);
        }
        return new MailChannel(new OutboxWriter(outboxDir, filePrefix, from, clock), "outbox " + outboxDir, true,
                new DeferredRetry(0, Duration.ZERO), maxAttachmentBytes);
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

    /** The largest workbook attached to the mail ({@code mail.max-attachment-mb}); a larger one is named instead. */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** No SMTP server is configured: mail is written to files. */
    public boolean outbox() {
        return outbox;
    }
}
