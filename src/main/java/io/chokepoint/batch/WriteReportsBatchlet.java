package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;

import org.jberet.runtime.context.JobContextImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chokepoint.report.PeriodSummary;
import io.chokepoint.report.PeriodSummaryFile;
import io.chokepoint.report.Report;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.report.pdf.PdfReportWriter;
import io.chokepoint.report.PublishedSummaries;
import io.chokepoint.report.Rebalancing;
import io.chokepoint.summary.Analysis;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.summary.HistoryBuilder;
import io.chokepoint.tracking.store.ProjectCursor;
import io.chokepoint.tracking.store.PeriodProjects;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Aggregates the period's snapshot rows once and writes the workbook, the PDF and the period summary
 * ({@code summary-YYYY-MM.json}) from the same numbers. Each file appears under its final name only when complete.
 */
public class WriteReportsBatchlet extends PeriodBatchlet {

    private static final Logger LOG = LoggerFactory.getLogger(WriteReportsBatchlet.class);

    /** Directory under which {@code YYYY-MM/} output folders are written. */
    @Inject
    @BatchProperty
    String reports;

    /** Optional analysis settings file overriding {@code analysis.properties}; empty for the defaults. */
    @Inject
    @BatchProperty
    String analysis;

    /** Optional target year of the projection; empty for the settings' own. */
    @Inject
    @BatchProperty
    String targetYear;

    @Override
    public String process() {
        // Folded by the snapshot step on a fresh start; its temporary rows are deleted once the workbook is written.
        FoldedAnalysis fold = jobContext.getTransientUserData() instanceof FoldedAnalysis f ? f : null;
        jobContext.setTransientUserData(null); // this step's alone now; it lets its builders go as they finish
        try {
            return process(fold);
        } finally {
            if (fold != null) {
                fold.close();
            }
        }
    }

    private String process(FoldedAnalysis fold) {
        ReportPeriod reportPeriod = reportPeriod();
        TrackerDatabase tracker = tracker();
        PeriodProjects snapshots = tracker.periodProjects();
        AnalysisSettings settings = PeriodAnalysis.settings(this.analysis, targetYear);
        List<Baseline> baselines = fold != null ? fold.baselines() : tracker.trackedProjects().baselines();
        long start = System.nanoTime();
        long folding = 0;
        Analysis analysis;
        if (fold != null) {
            analysis = fold.finish();
            folding = fold.foldMillis();
        } else {
            analysis = PeriodAnalysis.build(tracker, reportPeriod, settings, baselines);
        }
        // The previous month's latest completed report (a rerun replaces its summary only once it completes).
        Optional<PeriodSummary> previous;
        try {
            previous = PeriodSummaryFile.read(new ReportFiles(Path.of(reports), reportPeriod.previous()).summary());
        } catch (IllegalArgumentException e) {
            LOG.warn("restatements not measured: {}", e.getMessage());
            previous = Optional.empty();
        }
        long folded = System.nanoTime();
        Rebalancing rebalancing = rebalancing(tracker, reportPeriod, settings, baselines,
                fold == null ? null : fold.history());
        long history = System.nanoTime();
        Report report = new Report(reportPeriod, LocalDate.now(Clock.systemDefaultZone()), analysis,
                baselines, sink -> snapshots.forEach(reportPeriod, sink), previous,
                rebalancing);

        long aggregated = System.nanoTime();
        ReportFiles files = new ReportFiles(Path.of(reports), reportPeriod);
        // The PDF and the summary are written beside the workbook, on a second core: they share nothing but the
        // report's numbers, which no one changes. Each file still appears only when complete.
        long[] pdfMillis = new long[1];
        ExecutorService pdfWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chokepoint-pdf");
            t.setDaemon(true);
            return t;
        });
        Future<?> pdf = pdfWriter.submit(() -> {
            long pdfStart = System.nanoTime();
            new PdfReportWriter().write(report, files.pdf());
            // Page 1 as data, from the same numbers; the mail (email-pdf, deliver) is rendered from this file.
            PeriodSummaryFile.write(PeriodSummary.of(report), files.summary());
            pdfMillis[0] = (System.nanoTime() - pdfStart) / 1_000_000;
        });
        pdfWriter.shutdown();
        try {
            new ExcelReportWriter().write(report, files.workbook(),
                    fold == null ? Optional.empty() : Optional.of(fold.rows()));
        } catch (RuntimeException | Error e) {
            awaitQuietly(pdf);
            throw e;
        }
        long workbook = System.nanoTime();
        await(pdf);
        // The benchmark (bench/run.sh) reads these timings.
        LOG.debug("{}: aggregated {} reported projects in {} ms (of which the {}-period trajectory {} ms); workbook in {} ms; PDF in {} ms ({}; both in {} ms)", reportPeriod,
                report.summary().reportedProjects(), folding + (aggregated - start) / 1_000_000,
                rebalancing.trajectory().periods().size(), (history - folded) / 1_000_000,
                (workbook - aggregated) / 1_000_000, pdfMillis[0],
                fold != null ? "folded in the snapshot step: " + folding + " ms there, the trajectory and the"
                        + " workbook's project rows included" : "read back from the tracker",
                (System.nanoTime() - aggregated) / 1_000_000);
        return "COMPLETED";
    }

    /** Waits for the PDF, and fails as it failed (its own exception, for the step's exit status). */
    private static void await(Future<?> pdf) {
        try {
            pdf.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pdf.cancel(true);
            throw new IllegalStateException("interrupted while the PDF was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for the PDF after the workbook failed: the workbook's failure is the one told. */
    private static void awaitQuietly(Future<?> pdf) {
        try {
            pdf.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the workbook's failure is the one reported; the PDF, if it was written, is whole
        }
    }

    /**
     * The trajectory and track record: every period of the window recomputed in one pass over the tracker (each
     * project's rows and events read once; folded by the snapshot step when given), beside what each period's latest
     * completed summary published.
     */
    private Rebalancing rebalancing(TrackerDatabase tracker, ReportPeriod reportPeriod, AnalysisSettings settings,
                                    List<Baseline> baselines, HistoryBuilder.Result folded) {
        HistoryBuilder.Result result = folded;
        if (result == null) {
            HistoryBuilder builder = PeriodAnalysis.history(tracker, reportPeriod, settings, baselines);
            try (ProjectCursor cursor = tracker.trackedProjects().open(null)) {
                cursor.forEachRemaining(builder);
            }
            result = builder.finish();
        }
        PublishedSummaries published = new PublishedSummaries(Path.of(reports), this::completed);
        return Rebalancing.of(result, reportPeriod, published::latest);
    }

    /** Whether a job execution of this tracker COMPLETED, as its job repository says. */
    private boolean completed(long executionId) {
        if (!(jobContext instanceof JobContextImpl context)) {
            return false;
        }
        try {
            return context.getJobRepository().getJobExecution(executionId).getBatchStatus() == BatchStatus.COMPLETED;
        } catch (RuntimeException e) {
            return false; // an execution this repository does not know (reports of another tracker) vouches for nothing
        }
    }
}
