package io.chokepoint.delivery;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chokepoint.settings.SettingKey;
import io.chokepoint.settings.Settings;
import io.chokepoint.settings.SettingsCatalog;
import io.chokepoint.settings.SettingsException;

/** Reads {@link MailSettings} from a properties file and the environment; see {@link MailSettings#load}. */
final class MailSettingsLoader {

    private static final String HOST = "smtp.host";
    private static final String PORT = "smtp.port";
    private static final String USER = "smtp.user";
    private static final String PASSWORD = "smtp.password";
    private static final String PASSWORD_FILE = "smtp.password-file";
    private static final String FROM = "smtp.from";
    private static final String TLS = "smtp.tls";
    private static final String ALLOW_PLAINTEXT_AUTH = "smtp.allow-plaintext-auth";
    private static final String CONNECT_TIMEOUT = "smtp.connect-timeout";
    private static final String COMMAND_TIMEOUT = "smtp.command-timeout";
    private static final String DATA_TIMEOUT = "smtp.data-timeout";
    private static final String DEFERRED_RETRIES = "smtp.deferred-retries";
    private static final String DEFERRED_BACKOFF = "smtp.deferred-backoff";
    private static final String MODE = "delivery.mode";
    private static final String SMTP = "smtp";
    private static final String OUTBOX = "outbox";
    private static final String MAX_ATTACHMENT_MB = "mail.max-attachment-mb";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min)?");
    private static final Pattern MEGABYTES = Pattern.compile("\\d{1,4}(\\.\\d{1,6})?");
    private static final String ENV_PREFIX = "CHOKEPOINT_SMTP_";
    /** The default of {@code mail.max-attachment-mb}: what most mail servers accept, with room for base64. */
    static final String DEFAULT_MAX_ATTACHMENT_MB = "10";
    /**
     * Every mail setting, read by the one settings loader: adding a setting is one line here (its variable,
     * {@code CHOKEPOINT_SMTP_…}, follows from the key). A misspelt {@code smtp.*} key or {@code CHOKEPOINT_SMTP_*}
     * variable is an error, since it would otherwise fall back to the outbox silently.
     */
    static final SettingsCatalog CATALOG = new SettingsCatalog(List.of(
            SettingKey.of(HOST),
            SettingKey.of(PORT),
            SettingKey.of(USER),
            SettingKey.of(PASSWORD),
            SettingKey.of(PASSWORD_FILE),
            SettingKey.of(FROM),
            SettingKey.of(TLS),
            SettingKey.of(ALLOW_PLAINTEXT_AUTH),
            SettingKey.of(CONNECT_TIMEOUT),
            SettingKey.of(COMMAND_TIMEOUT),
            SettingKey.of(DATA_TIMEOUT),
            SettingKey.of(DEFERRED_RETRIES),
            SettingKey.of(DEFERRED_BACKOFF),
            SettingKey.of(MODE),
            SettingKey.of(MAX_ATTACHMENT_MB)),
            List.of("smtp.", ENV_PREFIX, "delivery.", "CHOKEPOINT_DELIVERY_", "mail.", "CHOKEPOINT_MAIL_"));

    /** One configured value and where it came from, e.g. "smtp.port in /etc/chokepoint.properties". */
    private record Setting(String value, String origin, Path baseDirectory) {
    }

    private final Path file;
    private final Map<String, String> env;

    MailSettingsLoader(Path file, Map<String, String> env) {
        this.file = file;
        this.env = Map.copyOf(env);
    }

    Optional<MailSettings> load() {
        Optional<Setting> mode = mode();
        if (mode.isPresent() && mode.get().value().equals(OUTBOX)) {
            // Chosen on purpose: whatever SMTP settings there are wait for the day the mode is smtp.
            return Optional.empty();
        }
        Map<String, Setting> settings = fromFile();
        Map<String, Setting> overrides = fromEnvironment();
        if (overrides.containsKey(PASSWORD) || overrides.containsKey(PASSWORD_FILE)) {
            // The environment names one password; a password from the file must not compete with it.
            settings.remove(PASSWORD);
            settings.remove(PASSWORD_FILE);
        }
        settings.putAll(overrides);
        if (!settings.containsKey(HOST)) {
            noHost(mode, settings);
            return Optional.empty();
        }
        // Read first, so that every later message can be cleaned of it.
        String password = password(settings);
        try {
            return Optional.of(settings(settings, password));
        } catch (DeliveryException e) {
            throw Redaction.of(e, password);
        }
    }

    /**
     * Without a host, the outbox is used only when nothing asks for SMTP: {@code delivery.mode=smtp}, or any SMTP
     * setting but the from address (which the outbox writes into its files), is a half-done configuration that
     * would otherwise put the month's mail in files and record it as delivered.
     */
    private static void noHost(Optional<Setting> mode, Map<String, Setting> settings) {
        String fix = "set " + HOST + " (or " + ENV_PREFIX + "HOST), or " + MODE + "=outbox to write the mail to"
                + " files in reports/YYYY-MM/outbox/ instead";
        if (mode.isPresent()) {
            throw new DeliveryException(HOST + " is not set, but " + mode.get().origin() + " is smtp: " + fix);
        }
        List<String> smtp = settings.entrySet().stream().filter(e -> !e.getKey().equals(FROM))
                .map(e -> e.getValue().origin()).toList();
        if (!smtp.isEmpty()) {
            throw new DeliveryException(HOST + " is not set, but other SMTP settings are (" + String.join(", ", smtp)
                    + "): " + fix);
        }
    }

    /** {@code delivery.mode}, checked and in lower case: {@code smtp} or {@code outbox}; empty when unset. */
    private Optional<Setting> mode() {
        Optional<Setting> mode = single(MODE);
        if (mode.isEmpty()) {
            return mode;
        }
        Setting given = mode.get();
        String value = given.value().toLowerCase(Locale.ROOT);
        if (!value.equals(SMTP) && !value.equals(OUTBOX)) {
            throw new DeliveryException(given.origin() + " is '" + HeaderText.printable(given.value())
                    + "', expected smtp or outbox");
        }
        return Optional.of(new Setting(value, given.origin(), given.baseDirectory()));
    }

    /** Whether mail goes to the outbox only because nothing at all about mail delivery is configured. */
    boolean outboxByDefault() {
        if (mode().isPresent()) {
            return false;
        }
        Map<String, Setting> settings = fromFile();
        settings.putAll(fromEnvironment());
        return settings.keySet().stream().allMatch(FROM::equals);
    }

    /** {@code mail.max-attachment-mb} in bytes (1 MB = 1,048,576 bytes). */
    long maxAttachmentBytes() {
        Optional<Setting> setting = single(MAX_ATTACHMENT_MB);
        String value = setting.map(Setting::value).orElse(DEFAULT_MAX_ATTACHMENT_MB);
        if (!MEGABYTES.matcher(value).matches()) {
            throw new DeliveryException(setting.orElseThrow().origin() + " is '" + HeaderText.printable(value)
                    + "', expected a number of megabytes such as 10 or 0.5 (0: never attach the workbook)");
        }
        return new BigDecimal(value).multiply(BigDecimal.valueOf(1024 * 1024)).longValue();
    }

    /** One setting outside {@code smtp.*}, the environment winning, trimmed; empty when unset or empty. */
    private Optional<Setting> single(String key) {
        return loaded().get(key).map(v -> new Setting(v.value().strip(), v.origin(), v.baseDirectory()))
                .filter(v -> !v.value().isEmpty());
    }

    /** The from address in the file or the environment (the environment wins), checked; empty if none. */
    Optional<String> from() {
        Map<String, Setting> settings = fromFile();
        settings.putAll(fromEnvironment());
        Setting from = settings.get(FROM);
        if (from == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(from, MailSettings::checkFrom));
        } catch (DeliveryException e) {
            Setting password = settings.get(PASSWORD);
            throw Redaction.of(e, password == null ? null : password.value());
        }
    }

    private static MailSettings settings(Map<String, Setting> settings, String password) {
        Setting host = settings.get(HOST);
        parse(host, value -> {
            MailSettings.checkHost(value);
            return value;
        });
        TlsMode tls = settings.containsKey(TLS) ? parse(settings.get(TLS), TlsMode::fromCode) : TlsMode.STARTTLS;
        int port = settings.containsKey(PORT) ? port(settings.get(PORT)) : tls.defaultPort();
        Setting user = settings.get(USER);
        if (user != null) {
            parse(user, value -> {
                MailSettings.checkUser(value);
                return value;
            });
        }
        if (user == null && password != null) {
            Setting source = settings.containsKey(PASSWORD) ? settings.get(PASSWORD) : settings.get(PASSWORD_FILE);
            throw new DeliveryException(source.origin() + " sets a password, but no user is configured ("
                    + USER + " or " + ENV_PREFIX + "USER)");
        }
        if (user != null && password == null) {
            throw new DeliveryException(user.origin() + " sets user '" + user.value() + "', but no password is "
                    + "configured (" + PASSWORD + ", " + PASSWORD_FILE + ", " + ENV_PREFIX + "PASSWORD or "
                    + ENV_PREFIX + "PASSWORD_FILE)");
        }
        Setting from = settings.get(FROM);
        if (from == null) {
            throw new DeliveryException(FROM + " (or " + ENV_PREFIX + "FROM) is required when an SMTP host is set ("
                    + host.origin() + ")");
        }
        parse(from, MailSettings::checkFrom);
        boolean allowPlaintextAuth = settings.containsKey(ALLOW_PLAINTEXT_AUTH)
                && bool(settings.get(ALLOW_PLAINTEXT_AUTH));
        if (password != null && tls == TlsMode.NONE && !allowPlaintextAuth) {
            Setting source = settings.containsKey(PASSWORD) ? settings.get(PASSWORD) : settings.get(PASSWORD_FILE);
            throw new DeliveryException("refusing to send the password of " + source.origin() + " in clear: "
                    + MailSettings.PLAINTEXT_AUTH_REFUSED);
        }
        SmtpTimeouts timeouts = timeouts(settings);
        DeferredRetry deferred = new DeferredRetry(
                settings.containsKey(DEFERRED_RETRIES) ? count(settings.get(DEFERRED_RETRIES)) : DeferredRetry.DEFAULT.retries(),
                settings.containsKey(DEFERRED_BACKOFF) ? duration(settings.get(DEFERRED_BACKOFF), true)
                        : DeferredRetry.DEFAULT.firstWait());
        try {
            return new MailSettings(host.value(), port, user == null ? null : user.value(), password, from.value(), tls,
                    allowPlaintextAuth, timeouts, MailSettings.DEFAULT_MAX_ATTEMPTS, MailSettings.DEFAULT_INITIAL_BACKOFF,
                    deferred);
        } catch (IllegalArgumentException e) {
            // Every value was checked above; this is a safety net that still says where the values came from.
            throw new DeliveryException(e.getMessage() + " (SMTP settings from " + origins(settings) + ")", e);
        }
    }

    private static SmtpTimeouts timeouts(Map<String, Setting> settings) {
        SmtpTimeouts defaults = SmtpTimeouts.DEFAULT;
        return new SmtpTimeouts(
                settings.containsKey(CONNECT_TIMEOUT) ? duration(settings.get(CONNECT_TIMEOUT), false) : defaults.connect(),
                settings.containsKey(COMMAND_TIMEOUT) ? duration(settings.get(COMMAND_TIMEOUT), false) : defaults.command(),
                settings.containsKey(DATA_TIMEOUT) ? duration(settings.get(DATA_TIMEOUT), false) : defaults.dataReply());
    }

    /** {@code 90} (seconds), {@code 90s}, {@code 1500ms} or {@code 10min}; zero only where {@code zeroAllowed}. */
    private static Duration duration(Setting setting, boolean zeroAllowed) {
        Matcher m = DURATION.matcher(setting.value());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration value = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "min" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            if ((zeroAllowed || !value.isZero()) && value.toMillis() <= Integer.MAX_VALUE) {
                return value;
            }
        }
        throw new DeliveryException(setting.origin() + " is '" + HeaderText.printable(setting.value())
                + "', expected a " + (zeroAllowed ? "" : "positive ") + "duration such as 90 (seconds), 90s, 1500ms"
                + " or 10min, at most 24 days");
    }

    private static int count(Setting setting) {
        try {
            int value = Integer.parseInt(setting.value());
            if (value >= 0 && value <= 20) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw new DeliveryException(setting.origin() + " is '" + HeaderText.printable(setting.value())
                + "', expected a number from 0 to 20");
    }

    private static boolean bool(Setting setting) {
        return switch (setting.value().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new DeliveryException(setting.origin() + " is '" + HeaderText.printable(setting.value())
                    + "', expected true or false");
        };
    }

    private static String origins(Map<String, Setting> settings) {
        return String.join(", ", settings.values().stream().map(Setting::origin).toList());
    }

    private Map<String, Setting> fromFile() {
        return values(loaded().fromFile("smtp."));
    }

    private Map<String, Setting> fromEnvironment() {
        return values(loaded().fromEnvironment("smtp."));
    }

    private Settings loaded() {
        try {
            return Settings.load(file, env, CATALOG);
        } catch (SettingsException e) {
            throw new DeliveryException(e.getMessage(), e);
        }
    }

    /** Trimmed as each key wants; an empty value counts as unset. */
    private static Map<String, Setting> values(Map<String, Settings.Value> values) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        values.forEach((key, v) -> {
            String value = trimmed(key, v.value());
            if (!value.isEmpty()) {
                settings.put(key, new Setting(value, v.origin(), v.baseDirectory()));
            }
        });
        return settings;
    }

    /** Surrounding blanks are dropped, except from a password, which is taken exactly as given. */
    private static String trimmed(String key, String value) {
        return key.equals(PASSWORD) ? value : value.strip();
    }

    private static int port(Setting setting) {
        try {
            int port = Integer.parseInt(setting.value());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw new DeliveryException(setting.origin() + " is '" + HeaderText.printable(setting.value())
                + "', expected a port number from 1 to 65535");
    }

    private static String password(Map<String, Setting> settings) {
        Setting inline = settings.get(PASSWORD);
        Setting named = settings.get(PASSWORD_FILE);
        if (inline != null && named != null) {
            throw new DeliveryException("both " + inline.origin() + " and " + named.origin()
                    + " are set; use one of them");
        }
        if (inline != null) {
            return inline.value();
        }
        if (named == null) {
            return null;
        }
        Path path = named.baseDirectory() == null ? Path.of(named.value()) : named.baseDirectory().resolve(named.value());
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException("cannot read the password file " + path + " named by " + named.origin()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        String password = content.replaceAll("[\r\n]+$", "");
        if (password.isEmpty()) {
            throw new DeliveryException("the password file " + path + " named by " + named.origin() + " is empty");
        }
        return password;
    }

    /** Applies a parse or check that throws IllegalArgumentException, naming the setting's origin instead. */
    private static <T> T parse(Setting setting, Function<String, T> parser) {
        try {
            return parser.apply(setting.value());
        } catch (IllegalArgumentException e) {
            throw new DeliveryException(setting.origin() + ": " + e.getMessage());
        }
    }
}
