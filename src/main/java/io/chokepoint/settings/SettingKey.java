package io.chokepoint.settings;

import java.util.Locale;

/**
 * A known setting: its key in a properties file and its environment variable. Either may be null: the analysis
 * keys have no variable, {@code CHOKEPOINT_HOME} has no key.
 */
public record SettingKey(String key, String env) {

    /** Every variable of ours starts with this. */
    public static final String ENV_PREFIX = "CHOKEPOINT_";

    public SettingKey {
        if (key == null && env == null) {
            throw new IllegalArgumentException("a setting needs a key or an environment variable");
        }
    }

    /** A key that can also be set by its variable: {@code smtp.password-file} and {@code CHOKEPOINT_SMTP_PASSWORD_FILE}. */
    public static SettingKey of(String key) {
        return new SettingKey(key, ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    /** A key of a settings file only. */
    public static SettingKey fileOnly(String key) {
        return new SettingKey(key, null);
    }

    /** An environment variable only. */
    public static SettingKey envOnly(String env) {
        return new SettingKey(null, env);
    }
}
