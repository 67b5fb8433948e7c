package io.chokepoint.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.settings.SettingsCatalog;

/**
 * How to reach the SMTP server. {@code user} and {@code password} are both null (no authentication) or both
 * set. {@code from} is a single address, optionally with a name ({@code Chokepoint <reports@example.org>}).
 * Timeouts bound every connect, read and write; a failed send is tried {@code maxAttempts} times in all,
 * waiting {@code initialBackoff} after the first attempt and twice as long after each further one.
 * {@link #toString()} does not show the password.
 */
public record MailSettings(
        String host,
        int port,
        String user,
        String password,
        String from,
        TlsMode tls,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        int maxAttempts,
        Duration initialBackoff) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
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
            checkTimeout(connectTimeout, "connect timeout");
            checkTimeout(readTimeout, "read timeout");
            checkTimeout(writeTimeout, "write timeout");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            if (initialBackoff.isNegative()) {
                throw new IllegalArgumentException("initial back-off must not be negative, was " + initialBackoff);
            }
        } catch (IllegalArgumentException e) {
            throw Redaction.of(e, password);
        }
    }

    /** Settings with the default timeouts and retries. */
    public static MailSettings of(String host, int port, String user, String password, String from, TlsMode tls) {
        return new MailSettings(host, port, user, password, from, tls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_WRITE_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF);
    }

    /** A copy with other connect, read and write timeouts. */
    public MailSettings withTimeouts(Duration connect, Duration read, Duration write) {
        return new MailSettings(host, port, user, password, from, tls, connect, read, write, maxAttempts,
                initialBackoff);
    }

    /** A copy with another number of attempts and first back-off. */
    public MailSettings withRetry(int attempts, Duration backoff) {
        return new MailSettings(host, port, user, password, from, tls, connectTimeout, readTimeout, writeTimeout,
                attempts, backoff);
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
     * @param propertiesFile may be null or name a file that does not exist
     * @param env            usually {@code System.getenv()}
     * @return empty when no host is configured: there is no SMTP server to use
     * @throws DeliveryException for an invalid or unreadable setting, naming it and where it came from
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
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + ", maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff + "]";
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

    private static void checkTimeout(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be positive and at most 24 days, was " + timeout);
        }
    }
}
