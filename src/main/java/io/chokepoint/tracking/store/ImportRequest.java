package io.chokepoint.tracking.store;

import io.chokepoint.tracking.FutureDates;
import io.chokepoint.tracking.TrackerTable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to import: a CSV file of one table; a dry run only checks it and writes nothing. Dates more than a year
 * ahead are refused or warned about as {@code futureDates} says (null: not checked).
 */
public record ImportRequest(TrackerTable table, Path file, boolean dryRun, FutureDates futureDates) {
    public ImportRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
    }

    public ImportRequest(TrackerTable table, Path file, boolean dryRun) {
        this(table, file, dryRun, null);
    }
}
