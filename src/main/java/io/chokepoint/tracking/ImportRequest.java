package io.chokepoint.tracking;

import java.nio.file.Path;
import java.util.Objects;

/** What to import: a CSV file of one table; a dry run only checks it and writes nothing. */
public record ImportRequest(TrackerTable table, Path file, boolean dryRun) {
    public ImportRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
    }
}
