package io.chokepoint.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.settings.SettingsCatalog;

/**
 * How to reach the SMTP server. {@code user} and {@code password} are both null (no authentication) or both
 * set; a password over a connection without TLS ({@link TlsMode#NONE}) needs {@code allowPlaintextAuth}, since it
 * would cross the network in clear. {@code from} is a single address, optionally with a name
 * ({@code Chokepoint <reports@example.org>}). {@link SmtpTimeouts} bound every wait on the server. A transaction
 * that fails before the server has the message (no connection, a broken connection, a 4xx greeting) is tried
 * {@code maxAttempts} times in all, waiting {@code initialBackoff} after the first attempt and twice as long after
 * each further one; a message deferred with a 4xx is retried at the end of the run as {@code deferredRetry} says.
 * {@link #toString()} does not show the password.
 */
public record MailSettings(
        String host,
        int port,
        String user,
        String password,
        String from,
        TlsMode tls,
        boolean allowPlaintextAuth,
        SmtpTimeouts timeouts,
        int maxAttempts,
        Duration initialBackoff,
        DeferredRetry deferredRetry) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

    public MailSettings {
        try {
            checkHost(host);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
            }
            if (user != null) {
                checkUser(user);
            }
            if ((user == null) != (password == null)) {
                throw new IllegalArgumentException(user == null
                        ? "a password is set but no user: set both or neither"
                        : "user '" + user + "' has no password: set both or neither");
            }
            if (password != null && password.isEmpty()) {
                throw new IllegalArgumentException("the password for user '" + user + "' is empty");
            }
            from = checkFrom(from);
            Objects.requireNonNull(tls, "tls");
            if (password != null && tls == TlsMode.NONE && !allowPlaintextAuth) {
                throw new IllegalArgumentException(PLAINTEXT_AUTH_REFUSED);
            }
            Objects.requireNonNull(timeouts, "timeouts");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            if (initialBackoff.isNegative()) {
                throw new IllegalArgumentException("initial back-off must not be negative, was " + initialBackoff);
            }
            Objects.requireNonNull(deferredRetry, "deferredRetry");
        } catch (IllegalArgumentException e) {
            throw Redaction.of(e, password);
        }
    }

    /** Why a password without TLS is refused, and the two ways out. */
    static final String PLAINTEXT_AUTH_REFUSED = "a user and password are set with smtp.tls=none: the password would"
            + " cross the network in clear; use smtp.tls=starttls or ssl, or, for a relay on a trusted network, set"
            + " CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH=true (smtp.allow-plaintext-auth=true)";

    /** Settings with the default timeouts and retries; a password needs TLS. */
    public static MailSettings of(String host, int port, String user, String password, String from, TlsMode tls) {
        return of(host, port, user, password, from, tls, false);
    }

    /** Settings with the default timeouts and retries. */
    public static MailSettings of(String host, int port, String user, String password, String from, TlsMode tls,
                                  boolean allowPlaintextAuth) {
        return new MailSettings(host, port, user, password, from, tls, allowPlaintextAuth, SmtpTimeouts.DEFAULT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DeferredRetry.DEFAULT);
    }

    /** A copy with other connect, command and final-reply timeouts. */
    public MailSettings withTimeouts(Duration connect, Duration command, Duration dataReply) {
        return withTimeouts(new SmtpTimeouts(connect, command, dataReply));
    }

    /** A copy with other timeouts. */
    public MailSettings withTimeouts(SmtpTimeouts other) {
        return new MailSettings(host, port, user, password, from, tls, allowPlaintextAuth, other, maxAttempts,
                initialBackoff, deferredRetry);
    }

    /** A copy with another number of attempts and first back-off. */
    public MailSettings withRetry(int attempts, Duration backoff) {
        return new MailSettings(host, port, user, password, from, tls, allowPlaintextAuth, timeouts, attempts,
                backoff, deferredRetry);
    }

    /**
     * Reads the SMTP settings from an optional properties file ({@code smtp.host}, {@code smtp.port},
     * {@code smtp.user}, {@code smtp.password} or {@code smtp.password-file}, {@code smtp.from}, {@code smtp.tls}),
     * then lets environment variables override them ({@code CHOKEPOINT_SMTP_HOST}, {@code _PORT}, {@code _USER},
     * {@code _PASSWORD} or {@code _PASSWORD_FILE}, {@code _FROM}, {@code _TLS}). An empty value counts as unset.
     * A password file holds the password alone; trailing line breaks are ignored, and a relative path in the
     * properties file is taken relative to that file. TLS defaults to {@code starttls}, the port to the mode's
     * usual one.
     *
     * <p>The outbox is used instead when chosen ({@code delivery.mode=outbox}, {@code CHOKEPOINT_DELIVERY_MODE}),
     * or when no SMTP setting at all is made (a from address alone is one for the outbox's files). A host is
     * required with {@code delivery.mode=smtp} and with any other SMTP setting: half a configuration is an error,
     * not a quiet fall-back to files recorded as delivered.
     *
     * @param propertiesFile may be null or name a file that does not exist
     * @param env            usually {@code System.getenv()}
     * @return empty when the outbox is to be used: there is no SMTP server to use
     * @throws DeliveryException for an invalid or unreadable setting, or a missing host, naming the setting and
     *                           where it came from
     */
    public static Optional<MailSettings> load(Path propertiesFile, Map<String, String> env) {
        return new MailSettingsLoader(propertiesFile, env).load();
    }

    /**
     * The from address configured in the same places as {@link #load} reads ({@code smtp.from},
     * {@code CHOKEPOINT_SMTP_FROM}), even when no host is: the outbox writes it into its files.
     *
     * @return empty when no from address is configured
     * @throws DeliveryException for an invalid from address or an unreadable or misspelt setting
     */
    public static Optional<String> configuredFrom(Path propertiesFile, Map<String, String> env) {
        return new MailSettingsLoader(propertiesFile, env).from();
    }

    /**
     * Whether the mail goes to the outbox only because nothing about delivery is configured (no
     * {@code delivery.mode}, no SMTP setting but perhaps a from address): worth a line to the operator, since it
     * may be an oversight.
     *
     * @throws DeliveryException for an invalid {@code delivery.mode} or an unreadable or misspelt setting
     */
    public static boolean outboxByDefault(Path propertiesFile, Map<String, String> env) {
        return new MailSettingsLoader(propertiesFile, env).outboxByDefault();
    }

    /**
     * The largest workbook the mail attaches, from {@code mail.max-attachment-mb} (default 10, in MB of 1,048,576
     * bytes; decimals allowed, 0 never attaches it); a larger one is named in the body instead. It applies to
     * the outbox's files too, so that they are the mail that would have been sent.
     *
     * @throws DeliveryException for a value that is not such a number, naming where it came from
     */
    public static long maxAttachmentBytes(Path propertiesFile, Map<String, String> env) {
        return new MailSettingsLoader(propertiesFile, env).maxAttachmentBytes();
    }

    /** The mail settings' keys and variables, for the one settings loader (see {@code io.chokepoint.settings}). */
    public static SettingsCatalog catalog() {
        return MailSettingsLoader.CATALOG;
    }

    /** {@code host:port}, for messages. */
    String endpoint() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", user=" + user
                + ", password=" + (password == null ? "none" : "(redacted)") + ", from=" + from + ", tls=" + tls
                + ", allowPlaintextAuth=" + allowPlaintextAuth + ", timeouts=" + timeouts
                + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", deferredRetry=" + deferredRetry + "]";
    }

    static void checkHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (HeaderText.firstUnsafe(host) >= 0 || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host '" + HeaderText.printable(host)
                    + "' must not contain spaces or control characters");
        }
    }

    static void checkUser(String user) {
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank (use null for no authentication)");
        }
        HeaderText.requireSafe(user, "user");
    }

    static String checkFrom(String from) {
        Addresses.parse(from, "from address", true);
        return from.strip();
    }
}
