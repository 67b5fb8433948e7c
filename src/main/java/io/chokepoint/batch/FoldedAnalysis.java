package io.chokepoint.batch;

import java.util.List;

import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.tracking.PeriodProject;

/**
 * The period's analysis, folded by the snapshot step from each chunk it has written, while the rows are still in
 * memory, so that write-reports does not read them all back (six to eight seconds at a million projects). Kept
 * in the job's transient data: it lives only as long as this execution, and the snapshot step puts it there only
 * on a fresh start, when it is to write every row of the period; write-reports only runs in the same execution if
 * that step completed. After a restart, write-reports reads the rows back. (write-reports then leaves the finished
 * {@link Analysis} in the same place, for email-pdf.)
 */
final class FoldedAnalysis {

    private final AnalysisBuilder builder;
    private long foldNanos;

    FoldedAnalysis(AnalysisBuilder builder) {
        this.builder = builder;
    }

    /** Adds a chunk the snapshot step has just committed. */
    void add(List<PeriodProject> chunk) {
        long start = System.nanoTime();
        chunk.forEach(builder);
        foldNanos += System.nanoTime() - start;
    }

    /** Time spent folding, over all chunks. */
    long foldMillis() {
        return foldNanos / 1_000_000;
    }

    Analysis finish() {
        return builder.finish();
    }
}
