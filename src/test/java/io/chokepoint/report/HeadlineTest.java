package io.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestReports;
import io.chokepoint.TestTrackers;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The headline sentences on the small fixture, whose numbers are worked out by hand here, and on a tracker with
 * no data at all.
 *
 * <p>Small fixture, default settings (target year 2030; weights announced 0.2, approved 0.4, financing 0.6,
 * under construction 0.75):
 * <ul>
 * <li>mining, baseline 2024: CN 200, US 50, XX 50, plus AU-NEW-01 30 t (operating since 2025-03, after 2024):
 *     total 330, China 200 / 330 = 60.6 %, ex-China 130 t REO. No mining pipeline: projected = now.
 *     HHI (XX adds nothing) = 60.606² + 15.152² + 9.091² = 3,673.1 + 229.6 + 82.6 = 3,985.</li>
 * <li>magnet, baseline 2025: CN 900, JP 60, XX 40, plus CN-MAG-01 100 t (target year 2026, after 2025):
 *     total 1,100, China 1,000 / 1,100 = 90.9 %, ex-China 100 t magnet. HHI = 90.909² + 5.455² = 8,264.5 + 29.8
 *     = 8,294. In January there is no magnet pipeline, so the 2030 projection equals now. In February JP-MAG-01
 *     (announced 2026-02-10, 70 t, target 2028) enters at 0.2 × 70 = 14 t: China 1,000 / 1,114 = 89.8 %, a change of
 *     89.767 − 90.909 = −1.1 pp since January; as announced 1,000 / 1,170 = 85.5 %.</li>
 * <li>separation has only a published share (90.0 %, 2024), lower than magnet's 90.9 %, so it is not quoted.</li>
 * <li>midstream pipeline: CA-PIPE-01 (no investment), CA-PIPE-02 (no investment, capacity in another unit),
 *     VN-LSEE-01 (no capacity): 3 of 3 soft. US-CANX-01 is cancelled, not pipeline.</li>
 * </ul>
 */
class HeadlineTest {

    private static final LocalDate GENERATED = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;

    @Test
    void smallTrackerJanuary_sentencesCarryHandComputedNumbers() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");

        List<String> sentences = Headline.sentences(TestReports.of(tracker, ReportPeriod.parse("2026-01"), GENERATED));

        assertThat(sentences).containsExactly(
                "Of the stages with a complete baseline, magnet is the most concentrated: China holds 90.9 % "
                        + "(baseline 2025, HHI \u2265 8,294); the least concentrated is mining at 60.6 %.",
                "Outside China, operating capacity is 130 t REO in mining and 100 t magnet in magnet; tracked projects "
                        + "due by 2030 add, risk-weighted, 0 t REO in mining and 0 t magnet in magnet; China's risk-weighted "
                        + "2030 share stays at today's level at each of these stages.",
                "In the midstream (separation, metal and alloy), 3 of 3 pipeline projects (100.0 %) rest on soft "
                        + "data, lacking at least one of a disclosed capacity, an investment figure, a target year, a "
                        + "binding offtake or a dated source.",
                "No changes were recorded this month; China's operating and projected shares are unchanged since "
                        + "December 2025 at every stage with a complete baseline.");
    }

    @Test
    void smallTrackerFebruary_newMagnetProject_movesProjectedShareAndSaysSo() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");

        List<String> sentences = Headline.sentences(TestReports.of(tracker, ReportPeriod.parse("2026-02"), GENERATED));

        assertThat(sentences.get(1)).isEqualTo("Outside China, operating capacity is 130 t REO in mining and 100 t "
                + "magnet in magnet; tracked projects due by 2030 add, risk-weighted, 0 t REO in mining and 14 t "
                + "magnet in magnet; the largest shift is in magnet, where China's risk-weighted 2030 share is 89.8 % "
                + "against 90.9 % now.");
        assertThat(sentences.get(3)).isEqualTo("This month 1 change was recorded (1 new project); since January 2026, "
                + "China's risk-weighted 2030 share moved most in magnet, by \u22121.1 pp.");
    }

    @Test
    void publishedShareAboveEveryComputedOne_isQuotedInTheFirstSentence() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        tracker.jdbi().useHandle(h -> h.execute("INSERT INTO baseline (country, stage, year, value_tpa, unit, basis, "
                + "source, confidence, notes, share_pct) VALUES ('CN', 'metal', 2025, NULL, NULL, 'derived_from_share', "
                + "'Metal Watch 2026', 'medium', 'share_pct=97; share only', 97)"));

        List<String> sentences = Headline.sentences(TestReports.of(tracker, ReportPeriod.parse("2026-01"), GENERATED));

        assertThat(sentences.get(0)).endsWith("the least concentrated is mining at 60.6 %; metal, which has no "
                + "complete baseline, has a published China share of 97.0 % (2025).");
    }

    @Test
    void trackerWithNoData_saysSoWithoutDividingByZero() {
        ReportPeriod january = ReportPeriod.parse("2026-01");
        Analysis nothing = Analysis.builder(january, AnalysisSettings.defaults(), List.of(), List.of()).finish();
        Report report = new Report(january, GENERATED, nothing, List.of(), sink -> { });

        List<String> sentences = Headline.sentences(report);

        assertThat(sentences).containsExactly(
                "No stage has a complete baseline this period, so no China share is computed.",
                "Without a complete baseline at any stage, capacity outside China is not measured against a world "
                        + "total; the tracker follows 0 pipeline projects across all stages.",
                "The midstream (separation, metal and alloy) has no tracked pipeline projects.",
                "No changes were recorded this month; no China share can be compared with December 2025.");
        assertThat(String.join(" ", sentences)).doesNotContain("NaN", "Infinity", "n/a");
    }

    @Test
    void sameReport_sameSentences() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        Report report = TestReports.of(tracker, ReportPeriod.parse("2026-02"), GENERATED);

        assertThat(Headline.sentences(report)).isEqualTo(Headline.sentences(report))
                .isEqualTo(Headline.sentences(TestReports.of(tracker, ReportPeriod.parse("2026-02"), GENERATED)));
    }
}
