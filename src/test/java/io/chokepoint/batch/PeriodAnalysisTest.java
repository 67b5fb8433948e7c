package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.summary.Change;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.SyntheticTracker;
import io.chokepoint.tracking.TrackerDatabase;

/**
 * The analysis reads a period's rows through a narrow query that leaves out what changes do not need; it must give
 * what the analysis of the whole rows (the report's own read of them) gives, on a tracker with every kind of row.
 */
class PeriodAnalysisTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");
    private static final ReportPeriod FEBRUARY = ReportPeriod.parse("2026-02");

    @TempDir
    Path dir;

    @Test
    void narrowRead_givesTheAnalysisOfTheWholeRows_changesAndRevisionsIncluded() {
        Path file = dir.resolve("synthetic.db");
        SyntheticTracker.generate(file, 3_000, 11);
        TrackerDatabase tracker = TrackerDatabase.open(file);
        ReportJob job = new ReportJob(tracker);
        job.start(JANUARY, dir.resolve("reports"));
        // Recorded after January was reported and dated in it: February's report lists it as a revision.
        String facility = tracker.jdbi().withHandle(h -> h.createQuery(
                "SELECT facility_id FROM project ORDER BY id LIMIT 1").mapTo(String.class).one());
        tracker.jdbi().useHandle(h -> h.execute("INSERT INTO facility_event (facility_id, date, event, value, source)"
                + " VALUES (?, '2026-01-20', 'capacity_revision', '900 t', 'Late news 2026-02-10')", facility));
        job.start(FEBRUARY, dir.resolve("reports"));

        AnalysisSettings settings = AnalysisSettings.defaults();
        Analysis narrow = PeriodAnalysis.build(tracker, FEBRUARY, settings);
        Analysis whole = wholeRows(tracker, FEBRUARY, settings);

        assertThat(narrow.changes()).isEqualTo(whole.changes());
        assertThat(narrow.changes()).extracting(Change::kind).contains(AnalysisBuilder.REVISION, "operating_start", "target_change");
        assertThat(narrow.changes().size()).isGreaterThan(50);
        // Sums of the same rows in another order may differ in the last bit: compare with a tolerance.
        assertThat(narrow).usingRecursiveComparison()
                .withComparatorForType(Comparator.comparingDouble((Double d) -> Math.round(d * 1e6)), Double.class)
                .isEqualTo(whole);
        assertThat(narrow.current().reportedProjects()).isGreaterThan(2_000);
        assertThat(narrow.current().stages()).extracting(StageSummary::notComparable).anySatisfy(n ->
                assertThat(n).isPositive());
        assertThat(narrow.current().stages()).extracting(StageSummary::additions).anySatisfy(n ->
                assertThat(n).isPositive());
    }

    /** The analysis of the period's whole rows, as the workbook reads them, in (stage, country, id) order. */
    private static Analysis wholeRows(TrackerDatabase tracker, ReportPeriod period, AnalysisSettings settings) {
        List<FacilityEvent> revisions = tracker.periodSnapshots().firstReported(period.previous())
                .map(at -> tracker.trackedProjects().eventsRecordedAfter(at, period.previous().lastDay()))
                .orElseThrow();
        AnalysisBuilder builder = Analysis.builder(period, settings, tracker.trackedProjects().baselines(),
                tracker.trackedProjects().eventsBetween(period.month().atDay(1), period.lastDay()), revisions);
        tracker.periodSnapshots().forEach(period, builder);
        return builder.finish();
    }
}
