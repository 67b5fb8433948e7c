package io.chokepoint.settings;

/** A setting that is unknown, unreadable or invalid; the message is one line naming the setting and the fix. */
public class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
