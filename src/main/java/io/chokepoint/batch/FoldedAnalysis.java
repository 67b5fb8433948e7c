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
 * the period's analysis (from each chunk it has written, with the changed facilities' events as read), the
 * trajectory's 24 periods (from each project's history as read) and the workbook's Projects and Data gaps rows. Reading the period's rows back cost six to eight seconds
 * at a million projects, and the trajectory's own pass over the projects and their events as much as the snapshot
 * itself. Kept in the job's transient data: it lives only as long as this execution, and the snapshot step puts it
 * there only on a fresh start, when it is to see every project of the period; write-reports only runs in the same
 * execution if that step completed, and takes it out. After a restart, write-reports reads the rows back.
 */
final class FoldedAnalysis implements AutoCloseable {

    /** Chunks handed to the folding thread and not yet folded, at most: the snapshot step waits beyond. */
    private static final int CHUNKS_AHEAD = 2;

    private final List<Baseline> baselines;
    /** Dropped once finished: its per-facility state (the changed facilities' rows and events) is large. */
    private AnalysisBuilder builder;
    private HistoryBuilder history;
    private final ProjectSheetRows rows;
    /**
     * Folds on a thread of its own, one chunk after another in the order given, while the snapshot step reads and
     * writes the next (a second core: the folding was 40 % of the step). Its thread ends when idle, so a run that
     * fails before write-reports leaves none behind.
     */
    private final java.util.concurrent.ThreadPoolExecutor folder;
    private final java.util.concurrent.Semaphore ahead = new java.util.concurrent.Semaphore(CHUNKS_AHEAD);
    /** The histories of the chunk being read, handed over with it (only the snapshot step's thread touches it). */
    private List<ProjectHistory> histories = new java.util.ArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<Throwable> failed =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong foldNanos = new java.util.concurrent.atomic.AtomicLong();

    FoldedAnalysis(List<Baseline> baselines, AnalysisBuilder builder, HistoryBuilder history, ProjectSheetRows rows) {
        this.baselines = List.copyOf(baselines);
        this.builder = builder;
        this.history = history;
        this.rows = rows;
        this.folder = new java.util.concurrent.ThreadPoolExecutor(1, 1, 1, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "chokepoint-fold");
                    t.setDaemon(true);
                    return t;
                });
        folder.allowCoreThreadTimeOut(true);
    }

    /** Adds a project's history as the snapshot step reads it, before it is derived into the period's rows. */
    void add(ProjectHistory project) {
        histories.add(project);
    }

    /** Adds a chunk the snapshot step has just committed, with the histories read for it; folded on its own thread. */
    void add(List<PeriodProject> chunk) {
        rethrowFailure();
        List<ProjectHistory> read = histories;
        histories = new java.util.ArrayList<>();
        try {
            ahead.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the folding caught up", e);
        }
        AnalysisBuilder analysis = builder;
        HistoryBuilder trajectory = history;
        folder.execute(() -> {
            try {
                if (failed.get() == null) {
                    long start = System.nanoTime();
                    read.forEach(trajectory);
                    chunk.forEach(analysis);
                    // The changed facilities' events, as read with their projects: finish() reads none again.
                    for (ProjectHistory h : read) {
                        String facility = h.project().facilityId();
                        if (h.recordingOrderKnown() && analysis.changes(facility)) {
                            analysis.knowEvents(facility, h.inRecordingOrder());
                        }
                    }
                    chunk.forEach(rows);
                    foldNanos.addAndGet(System.nanoTime() - start);
                }
            } catch (RuntimeException | Error e) {
                failed.compareAndSet(null, e);
            } finally {
                ahead.release();
            }
        });
    }

    /** Time spent folding, over all chunks (on the folding thread, beside the step's own). */
    long foldMillis() {
        return foldNanos.get() / 1_000_000;
    }

    /** Waits until every chunk handed over is folded, and fails as the folding failed. */
    private void caughtUp() {
        try {
            ahead.acquire(CHUNKS_AHEAD);
            ahead.release(CHUNKS_AHEAD);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the folding caught up", e);
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable t = failed.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** The tracker's baselines, as read once by the snapshot step for the analysis and the trajectory. */
    List<Baseline> baselines() {
        return baselines;
    }

    /** The period's analysis; once only (the builder is let go, so the workbook has its memory). */
    Analysis finish() {
        caughtUp();
        Analysis analysis = builder.finish();
        builder = null;
        return analysis;
    }

    /** The trajectory's periods and track record; once only. */
    HistoryBuilder.Result history() {
        caughtUp();
        HistoryBuilder.Result result = history.finish();
        history = null;
        return result;
    }

    /** The workbook's Projects and Data gaps rows; they are deleted by {@link #close}. */
    ProjectSheetRows rows() {
        caughtUp();
        return rows;
    }

    @Override
    public void close() {
        folder.shutdownNow();
        try {
            folder.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES); // its rows file is closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rows.close();
    }
}
