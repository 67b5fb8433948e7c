package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerTable;
import java.nio.file.Path;
import java.util.Objects;

/** What an export wrote. */
public record ExportSummary(Path file, TrackerTable table, long rows) {
    public ExportSummary {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(table, "table");
    }

    /** One line, e.g. {@code projects.csv: 90 rows written}. */
    @Override
    public String toString() {
        return file + ": " + rows + (rows == 1 ? " row" : " rows") + " written";
    }
}
