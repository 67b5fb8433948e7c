package io.chokepoint.batch;

import java.util.List;

import io.chokepoint.report.excel.ProjectSheetRows;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.HistoryBuilder;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectHistory;

/**
 * What the snapshot step folds from the projects as they stream by, so that write-reports does not read them back:
 * the period's analysis (from each chunk it has written), the trajectory's 24 periods (from each project's history
 * as read) and the workbook's Projects and Data gaps rows. Reading the period's rows back cost six to eight seconds
 * at a million projects, and the trajectory's own pass over the projects and their events as much as the snapshot
 * itself. Kept in the job's transient data: it lives only as long as this execution, and the snapshot step puts it
 * there only on a fresh start, when it is to see every project of the period; write-reports only runs in the same
 * execution if that step completed. After a restart, write-reports reads the rows back. (write-reports then leaves
 * the finished {@link Analysis} in the same place, for email-pdf.)
 */
final class FoldedAnalysis implements AutoCloseable {

    private final List<Baseline> baselines;
    /** Dropped once finished: its per-facility state (the changed facilities' rows and events) is large. */
    private AnalysisBuilder builder;
    private HistoryBuilder history;
    private final ProjectSheetRows rows;
    private long foldNanos;

    FoldedAnalysis(List<Baseline> baselines, AnalysisBuilder builder, HistoryBuilder history, ProjectSheetRows rows) {
        this.baselines = List.copyOf(baselines);
        this.builder = builder;
        this.history = history;
        this.rows = rows;
    }

    /** Adds a project's history as the snapshot step reads it, before it is derived into the period's rows. */
    void add(ProjectHistory project) {
        long start = System.nanoTime();
        history.accept(project);
        foldNanos += System.nanoTime() - start;
    }

    /** Adds a chunk the snapshot step has just committed. */
    void add(List<PeriodProject> chunk) {
        long start = System.nanoTime();
        chunk.forEach(builder);
        chunk.forEach(rows);
        foldNanos += System.nanoTime() - start;
    }

    /** Time spent folding, over all chunks. */
    long foldMillis() {
        return foldNanos / 1_000_000;
    }

    /** The tracker's baselines, as read once by the snapshot step for the analysis and the trajectory. */
    List<Baseline> baselines() {
        return baselines;
    }

    /** The period's analysis; once only (the builder is let go, so the workbook has its memory). */
    Analysis finish() {
        Analysis analysis = builder.finish();
        builder = null;
        return analysis;
    }

    /** The trajectory's periods and track record; once only. */
    HistoryBuilder.Result history() {
        HistoryBuilder.Result result = history.finish();
        history = null;
        return result;
    }

    /** The workbook's Projects and Data gaps rows; they are deleted by {@link #close}. */
    ProjectSheetRows rows() {
        return rows;
    }

    @Override
    public void close() {
        rows.close();
    }
}
