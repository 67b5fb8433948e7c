package io.chokepoint.batch;

import java.io.Serializable;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.inject.Inject;

import io.chokepoint.report.excel.ProjectSheetRows;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.store.PeriodProjects;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Upserts a chunk of snapshots keyed by (period, project): a chunk written again after a crash replaces its
 * rows, so nothing is duplicated (the SE transaction manager does not roll our writes back). On a fresh start it
 * also folds each written chunk into the period's analysis ({@link FoldedAnalysis}).
 */
public class SnapshotWriter extends PeriodStep implements ItemWriter {

    /** Optional analysis settings file overriding {@code analysis.properties}; empty for the defaults. */
    @Inject
    @BatchProperty
    String analysis;

    /** Optional target year of the projection; empty for the settings' own. */
    @Inject
    @BatchProperty
    String targetYear;

    private PeriodProjects snapshots;
    private FoldedAnalysis fold;
    private long written;

    @Override
    public void open(Serializable checkpoint) {
        TrackerDatabase tracker = tracker();
        snapshots = tracker.periodProjects();
        if (checkpoint == null) {
            // A fresh start (clear-period has emptied the period): this step will write, and fold, every row.
            ReportPeriod reportPeriod = reportPeriod();
            AnalysisSettings settings = PeriodAnalysis.settings(analysis, targetYear);
            java.util.List<io.chokepoint.tracking.Baseline> baselines = tracker.trackedProjects().baselines();
            fold = new FoldedAnalysis(baselines, PeriodAnalysis.builder(tracker, reportPeriod, settings, baselines),
                    PeriodAnalysis.history(tracker, reportPeriod, settings, baselines),
                    ProjectSheetRows.start(reportPeriod, settings));
            // write-reports only runs in this execution if this step completes, having folded every chunk.
            jobContext.setTransientUserData(fold);
        } else {
            // A restart: rows written by the failed execution were never folded here; write-reports reads them.
            written = (Long) checkpoint;
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        List<PeriodProject> chunk = items.stream().map(PeriodProject.class::cast).toList();
        snapshots.upsert(chunk);
        written += chunk.size();
        if (fold != null) {
            fold.add(chunk);
        }
    }

    /** Never null, so that a restart's {@link #open} can tell it is one. */
    @Override
    public Serializable checkpointInfo() {
        return written;
    }

    @Override
    public void close() {
        // every chunk was committed with its rows: nothing is held open
    }
}
