package io.chokepoint.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads and writes {@code summary-YYYY-MM.json}. The write is atomic (a reader sees the old file or the new one,
 * whole). Stateless; thread-safe.
 */
public final class PeriodSummaryFile {

    private PeriodSummaryFile() {
    }

    /** Writes the summary as {@link #toJson} does, streamed: at a million projects it lists over a hundred MB. */
    public static void write(PeriodSummary summary, Path target) {
        AtomicFile.write(target, out -> {
            java.io.OutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
            json().writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(buffered, summary);
            buffered.write('\n');
            buffered.flush();
        });
    }

    public static String toJson(PeriodSummary summary) {
        try {
            return json().writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a period summary as JSON", e);
        }
    }

    /**
     * Reads a summary; empty if there is no such file.
     *
     * @throws IllegalArgumentException in one line naming the file, if it is not a summary of a version this
     *                                  program knows
     */
    public static Optional<PeriodSummary> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        PeriodSummary summary;
        try {
            summary = json().readValue(bytes, PeriodSummary.class);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file + " is not a valid period summary: " + why, e);
        }
        if (summary.schemaVersion() != PeriodSummary.SCHEMA_VERSION) {
            throw new IllegalArgumentException(file + " has schemaVersion " + summary.schemaVersion()
                    + "; this program reads version " + PeriodSummary.SCHEMA_VERSION + ": run the month again");
        }
        return Optional.of(summary);
    }

    private static ObjectMapper json() {
        // Unknown fields are refused: a summary of another layout must say so, not lose figures silently.
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
