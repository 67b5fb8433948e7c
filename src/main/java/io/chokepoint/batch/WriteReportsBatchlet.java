package io.chokepoint.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.inject.Inject;

import io.chokepoint.report.Report;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.report.pdf.PdfReportWriter;
import io.chokepoint.summary.Analysis;
import io.chokepoint.tracking.PeriodSnapshots;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.TrackerDatabase;

/**
 * Aggregates the period's snapshot rows once and writes the workbook and the PDF from the same numbers. Each
 * file appears under its final name only when complete.
 */
public class WriteReportsBatchlet extends AbstractBatchlet {

    /** Path of the tracker's SQLite file. */
    @Inject
    @BatchProperty
    String db;

    /** The reporting month, {@code YYYY-MM}. */
    @Inject
    @BatchProperty
    String period;

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
        ReportPeriod reportPeriod = ReportPeriod.parse(period);
        TrackerDatabase tracker = TrackerDatabase.connect(Path.of(db));
        PeriodSnapshots snapshots = tracker.periodSnapshots();
        Analysis analysis = PeriodAnalysis.build(tracker, reportPeriod, PeriodAnalysis.settings(this.analysis, targetYear));
        Report report = new Report(reportPeriod, LocalDate.now(Clock.systemDefaultZone()), analysis,
                tracker.trackedProjects().baselines(), sink -> snapshots.forEach(reportPeriod, sink));

        ReportFiles files = new ReportFiles(Path.of(reports), reportPeriod);
        new ExcelReportWriter().write(report, files.workbook());
        new PdfReportWriter().write(report, files.pdf());
        return "COMPLETED";
    }
}
