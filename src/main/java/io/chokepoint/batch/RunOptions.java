package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Choices for an execution beyond its period.
 *
 * @param chunkSize  projects per snapshot chunk, i.e. per checkpoint (the job's default is 5000); on a restart it
 *                   replaces the original value
 * @param targetYear the year of the projected share, overriding the analysis settings' own (default 2030)
 * @param analysis   an analysis settings file overriding the documented defaults of {@code analysis.properties}
 * @param email      whether and with which settings file the {@code email-pdf} step mails the PDF
 */
public record RunOptions(OptionalInt chunkSize, OptionalInt targetYear, Optional<Path> analysis, EmailOptions email) {

    public RunOptions {
        chunkSize.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1, was " + n);
            }
        });
        java.util.Objects.requireNonNull(email, "email");
        targetYear.ifPresent(y -> {
            if (y < 2000 || y > 2100) {
                throw new IllegalArgumentException("target year must be a year from 2000 to 2100, was " + y);
            }
        });
    }

    public static RunOptions defaults() {
        return new RunOptions(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), EmailOptions.defaults());
    }

    /** The options an execution ran with, from its job parameters: a restart keeps them. */
    public static RunOptions fromParameters(Properties parameters) {
        return new RunOptions(number(parameters, "chunkSize"), number(parameters, "targetYear"),
                Optional.ofNullable(parameters.getProperty("analysis")).filter(s -> !s.isBlank()).map(Path::of),
                new EmailOptions(!"false".equals(parameters.getProperty("email")),
                        Path.of(parameters.getProperty("mailSettings", EmailOptions.DEFAULT_SETTINGS_FILE.toString()))));
    }

    private static OptionalInt number(Properties parameters, String name) {
        String value = parameters.getProperty(name);
        return value == null || value.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.strip()));
    }

    /**
     * How {@code requested} differs from these options, one entry per option as {@code --option new (was old)};
     * the chunk size may change on a restart and is not compared.
     */
    public java.util.List<String> changesIn(RunOptions requested) {
        java.util.List<String> changes = new java.util.ArrayList<>();
        if (!targetYear.equals(requested.targetYear)) {
            changes.add("--target-year " + text(requested.targetYear) + " (was " + text(targetYear) + ")");
        }
        if (!analysis.map(RunOptions::absolute).equals(requested.analysis.map(RunOptions::absolute))) {
            changes.add("--analysis " + requested.analysis.map(RunOptions::absolute).orElse("(none)") + " (was "
                    + analysis.map(RunOptions::absolute).orElse("(none)") + ")");
        }
        if (email.enabled() != requested.email.enabled()) {
            changes.add((requested.email.enabled() ? "email on" : "--no-email") + " (was "
                    + (email.enabled() ? "email on" : "--no-email") + ")");
        }
        if (!absolute(email.settingsFile()).equals(absolute(requested.email.settingsFile()))) {
            changes.add("--config " + absolute(requested.email.settingsFile()) + " (was "
                    + absolute(email.settingsFile()) + ")");
        }
        return changes;
    }

    private static String text(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "(default)";
    }

    private static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    public RunOptions withEmail(EmailOptions email) {
        return new RunOptions(chunkSize, targetYear, analysis, email);
    }

    /** The options as job parameters (paths and numbers only: never a secret). */
    void addTo(Properties parameters) {
        parameters.putAll(email.parameters());
        chunkSize.ifPresent(n -> parameters.setProperty("chunkSize", Integer.toString(n)));
        targetYear.ifPresent(y -> parameters.setProperty("targetYear", Integer.toString(y)));
        analysis.ifPresent(file -> parameters.setProperty("analysis", file.toAbsolutePath().normalize().toString()));
    }
}
