package io.chokepoint.tracking;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to export: one table to a CSV file, optionally as the tracker knew it on {@code asOf} (null: everything).
 */
public record ExportRequest(TrackerTable table, Path file, LocalDate asOf) {
    public ExportRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
    }
}
