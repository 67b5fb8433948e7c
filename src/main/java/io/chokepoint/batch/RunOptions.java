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
