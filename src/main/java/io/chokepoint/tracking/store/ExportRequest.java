package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to export: one table to a CSV file, optionally as the tracker knew it on {@code asOf} (null: everything).
 * {@code raw}: text that starts like a formula is written as it is, not quoted.
 */
public record ExportRequest(TrackerTable table, Path file, LocalDate asOf, boolean raw) {
    public ExportRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
    }

    public ExportRequest(TrackerTable table, Path file, LocalDate asOf) {
        this(table, file, asOf, false);
    }
}
