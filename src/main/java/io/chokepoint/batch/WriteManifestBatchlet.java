package io.chokepoint.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.inject.Inject;

import io.chokepoint.report.PeriodSummary;
import io.chokepoint.report.PeriodSummaryFile;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.ReportManifest;
import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Writes {@code manifest.json} beside the period's files: this execution's id, the fingerprint of the tracker's
 * input rows the snapshot step read, and each file's SHA-256 and size. It runs after the files are in place and replaces the manifest
 * atomically, so a manifest always describes files that were complete when it was written.
 */
public class WriteManifestBatchlet extends PeriodBatchlet {

    /** Directory under which {@code YYYY-MM/} output folders are written. */
    @Inject
    @BatchProperty
    String reports;

    @Override
    public String process() {
        ReportFiles files = new ReportFiles(Path.of(reports), reportPeriod());
        List<Path> written = new ArrayList<>(List.of(files.workbook(), files.pdf(), files.summary()));
        for (Path file : written) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("cannot write the manifest: " + file + " is missing");
            }
        }
        // Written by write-reports only past Excel's row limit (and removed by it otherwise).
        if (Files.isRegularFile(files.projectsCsv())) {
            written.add(files.projectsCsv());
        }
        TrackerDatabase tracker = tracker();
        // Computed by the snapshot step as the rows streamed through it; recomputed only for a snapshot an earlier
        // release had begun, which did not fingerprint its rows.
        String fingerprint = tracker.periodProjects().inputFingerprint(reportPeriod())
                .orElseGet(() -> InputFingerprint.of(tracker));
        // The summaries the trajectory read, as the summary just written lists them (a restart of this step alone
        // reads the same list).
        List<ReportManifest.SummaryRead> read = PeriodSummaryFile.read(files.summary())
                .map(PeriodSummary::trajectory)
                .map(t -> t.published().stream().map(p -> new ReportManifest.SummaryRead(p.period(), p.file(),
                        p.sha256(), p.jobExecutionId())).toList())
                .orElse(List.of());
        ReportManifest.describe(files, jobContext.getExecutionId(), fingerprint, written, tracker.location())
                .withSummariesRead(read).writeTo(files.manifest());
        // From now on, a fact recorded for this period or earlier is a revision of a report that was made.
        tracker.periodProjects().markReported(reportPeriod(), java.time.Instant.now());
        return "COMPLETED";
    }
}
