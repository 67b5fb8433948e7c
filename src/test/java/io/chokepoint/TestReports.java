package io.chokepoint;

import java.time.LocalDate;
import java.util.function.Consumer;

import io.chokepoint.report.Report;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.store.ProjectCursor;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackedProjects;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Builds a period's {@link Report} from a real tracker as the job's write step does (default settings, the
 * tracker's baselines and the period's events), deriving each snapshot straight from the project's events instead
 * of reading the rows the job's snapshot step stores. For tests of a report format without running the job.
 */
public final class TestReports {
    private TestReports() {
    }

    public static Report of(TrackerDatabase tracker, ReportPeriod period, LocalDate generatedOn) {
        TrackedProjects projects = tracker.trackedProjects();
        AnalysisBuilder builder = Analysis.builder(period, AnalysisSettings.defaults(), projects.baselines(),
                projects.eventsBetween(period.month().atDay(1), period.lastDay()));
        forEachSnapshot(projects, period, builder);
        return new Report(period, generatedOn, builder.finish(), projects.baselines(),
                sink -> forEachSnapshot(projects, period, sink));
    }

    private static void forEachSnapshot(TrackedProjects projects, ReportPeriod period, Consumer<PeriodProject> sink) {
        try (ProjectCursor cursor = projects.open(null)) {
            while (cursor.hasNext()) {
                ProjectHistory history = cursor.next();
                sink.accept(PeriodProject.of(period, history.project(), history.events()));
            }
        }
    }
}
