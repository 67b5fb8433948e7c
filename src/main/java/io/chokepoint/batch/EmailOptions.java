package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * How the job's {@code email-pdf} step is to run. Both travel as job parameters, which JBeret stores in clear
 * text: a flag and a path, never a setting's value. The step reads the mail settings from the file (and the
 * {@code CHOKEPOINT_SMTP_*} environment variables) itself, in the process that runs it.
 *
 * @param enabled      false to skip the step ({@code run --no-email})
 * @param settingsFile the mail settings file, usually {@code chokepoint.properties}; it need not exist
 */
public record EmailOptions(boolean enabled, Path settingsFile) {

    /** The default settings file's name; the command line looks it up in the tracker's home. */
    public static final Path DEFAULT_SETTINGS_FILE = Path.of("chokepoint.properties");

    public EmailOptions {
        Objects.requireNonNull(settingsFile, "settingsFile");
    }

    /** Email on, settings from {@code ./chokepoint.properties} and the environment. */
    public static EmailOptions defaults() {
        return new EmailOptions(true, DEFAULT_SETTINGS_FILE);
    }

    Properties parameters() {
        Properties parameters = new Properties();
        parameters.setProperty("email", Boolean.toString(enabled));
        parameters.setProperty("mailSettings", settingsFile.toAbsolutePath().normalize().toString());
        return parameters;
    }
}
