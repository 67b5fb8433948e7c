package io.chokepoint.tracking.store;

import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.TrackerTable;
import java.util.List;
import java.util.Objects;

/**
 * What an import did (or, for a dry run, would have done) with a file's rows; {@code warnings}: what was accepted
 * but looks wrong (a date more than a year ahead, with {@code --allow-future}).
 */
public record ImportSummary(String file, TrackerTable table, long rows, long added, long updated, long unchanged,
                            boolean dryRun, List<DataProblem> warnings) {
    public ImportSummary {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(table, "table");
        warnings = List.copyOf(warnings);
        if (added + updated + unchanged != rows) {
            throw new IllegalArgumentException("new, updated and unchanged rows must add up to the rows read");
        }
    }

    public ImportSummary(String file, TrackerTable table, long rows, long added, long updated, long unchanged,
                         boolean dryRun) {
        this(file, table, rows, added, updated, unchanged, dryRun, List.of());
    }

    /** One line, e.g. {@code projects.csv: 90 rows, 3 new, 2 updated, 85 unchanged}. */
    @Override
    public String toString() {
        return file + ": " + rows + (rows == 1 ? " row, " : " rows, ") + added + " new, " + updated + " updated, "
                + unchanged + " unchanged" + (dryRun ? " (dry run: nothing was written)" : "");
    }
}
