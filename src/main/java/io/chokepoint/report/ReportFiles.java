package io.chokepoint.report;

import java.nio.file.Path;
import java.util.Objects;

import io.chokepoint.tracking.ReportPeriod;

/**
 * Where a period's output files live: {@code <reports>/YYYY-MM/chokepoint-YYYY-MM.{xlsx,pdf}},
 * {@code summary-YYYY-MM.json}, {@code projects-YYYY-MM.csv.gz} (only past Excel's row limit) and {@code manifest.json}, with earlier versions under {@code archive/<execution id>/}.
 */
public record ReportFiles(Path reportsDir, ReportPeriod period) {

    public ReportFiles {
        Objects.requireNonNull(reportsDir, "reportsDir");
        Objects.requireNonNull(period, "period");
    }

    public Path directory() {
        return reportsDir.resolve(period.toString());
    }

    public Path workbook() {
        return directory().resolve("chokepoint-" + period + ".xlsx");
    }

    public Path pdf() {
        return directory().resolve("chokepoint-" + period + ".pdf");
    }

    /** {@code summary-YYYY-MM.json}: every figure on page 1, as data (see {@link PeriodSummary}). */
    public Path summary() {
        return directory().resolve("summary-" + period + ".json");
    }

    /**
     * {@code projects-YYYY-MM.csv.gz}: every reported project, written beside the workbook only for a period with
     * more projects than a sheet holds.
     */
    public Path projectsCsv() {
        return directory().resolve("projects-" + period + ".csv.gz");
    }

    public Path manifest() {
        return directory().resolve("manifest.json");
    }

    /** Where a rerun keeps the files that execution {@code executionId} produced: {@code YYYY-MM/archive/<id>/}. */
    public Path archive(long executionId) {
        return directory().resolve("archive").resolve(Long.toString(executionId));
    }
}
