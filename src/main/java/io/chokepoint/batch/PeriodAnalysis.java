package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.List;

import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Builds a period's {@link Analysis} from the snapshot rows the job wrote (the mail does not: it is rendered from
 * the period summary written from this analysis).
 */
public final class PeriodAnalysis {
    private PeriodAnalysis() {
    }

    /**
     * The analysis settings of a run.
     *
     * @param analysisFile optional settings file overriding {@code analysis.properties}; null or blank for none
     * @param targetYear   optional target year of the projection; null or blank for the settings' own
     */
    public static AnalysisSettings settings(String analysisFile, String targetYear) {
        AnalysisSettings settings = analysisFile == null || analysisFile.isBlank()
                ? AnalysisSettings.defaults() : AnalysisSettings.load(Path.of(analysisFile));
        if (targetYear != null && !targetYear.isBlank()) {
            settings = settings.withTargetYear(Integer.parseInt(targetYear.strip()));
        }
        return settings;
    }

    /** Aggregates the period's snapshot rows (and the previous period's state recorded in them). */
    public static Analysis build(TrackerDatabase tracker, ReportPeriod period, AnalysisSettings settings) {
        return build(tracker, period, settings, tracker.trackedProjects().baselines());
    }

    /** As above, with the tracker's baselines already read. */
    static Analysis build(TrackerDatabase tracker, ReportPeriod period, AnalysisSettings settings,
                          List<Baseline> baselines) {
        AnalysisBuilder builder = builder(tracker, period, settings, baselines);
        tracker.periodProjects().forEach(period, builder);
        return builder.finish();
    }

    /** A builder of the trajectory: the window's periods up to this one, recomputed from every project's history. */
    static io.chokepoint.summary.HistoryBuilder history(TrackerDatabase tracker, ReportPeriod period,
                                                         AnalysisSettings settings, List<Baseline> baselines) {
        return new io.chokepoint.summary.HistoryBuilder(period, settings, baselines,
                tracker.trackedProjects().earliestFact());
    }

    /** A builder of the period's analysis, given the baselines, the period's events and the revisions. */
    static AnalysisBuilder builder(TrackerDatabase tracker, ReportPeriod period, AnalysisSettings settings) {
        return builder(tracker, period, settings, tracker.trackedProjects().baselines());
    }

    /** As above, with the tracker's baselines already read. */
    static AnalysisBuilder builder(TrackerDatabase tracker, ReportPeriod period, AnalysisSettings settings,
                                   List<Baseline> baselines) {
        // Facts recorded after the previous period's latest completed report but dated in it or earlier revise that
        // report (counted against the latest, not the first: a rerun already took the earlier ones in).
        List<FacilityEvent> revisions = tracker.periodProjects().lastReported(period.previous())
                .map(reportedAt -> tracker.trackedProjects().eventsRecordedAfter(reportedAt, period.previous().lastDay()))
                .orElse(List.of());
        return Analysis.withEventsOf(period, settings, baselines, tracker.trackedProjects()
                .eventsBetween(period.month().atDay(1), period.lastDay()), revisions,
                facilities -> tracker.trackedProjects().typedEventsOf(facilities))
                // A year-precise event is news in December: look back a year for the period's news.
                .newsCandidates(tracker.trackedProjects().eventsBetween(period.month().atDay(1).minusYears(1),
                        period.lastDay()))
                .controls(tracker.trackedProjects().controls());
    }
}
