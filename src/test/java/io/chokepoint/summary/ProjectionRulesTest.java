package io.chokepoint.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.Capacity;
import io.chokepoint.tracking.CapacityBasis;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.EventKind;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.TargetYear;

/**
 * The metric rules that need more than one project's state: planned expansions in the projection, projections that
 * cannot be computed, and baselines usable only once published. Worked out by hand in the comments.
 */
class ProjectionRulesTest {

    private static final ReportPeriod MARCH = ReportPeriod.parse("2026-03");

    /** Magnet 2025: CN 900, JP 60, XX 40 t (complete, total 1,000), published on the given day. */
    private static List<Baseline> baselines(String publishedOn) {
        return List.of(baseline("CN", 900, publishedOn), baseline("JP", 60, publishedOn),
                baseline("XX", 40, publishedOn));
    }

    private static Baseline baseline(String country, double value, String publishedOn) {
        return new Baseline(Country.of(country), ChainStage.MAGNET, 2025, value, "t magnet", "output", "Survey",
                "high", null, null, LocalDate.parse(publishedOn));
    }

    private static Project magnetPlant(String id, String country, ProjectStatus status, Double tpa, Integer targetYear) {
        return new Project(id, id, "Co " + id, List.of(Country.of(country)), "Plant", Country.of(country), null,
                ChainStage.MAGNET, status, LocalDate.parse("2024-01-01"),
                tpa == null ? null : new Capacity(tpa, "t magnet", CapacityBasis.NAMEPLATE), null, null, targetYear,
                null, OfftakeBinding.NO, "medium", "News 2024-01-01", null);
    }

    private static AnalysisSettings targetYear(int year) {
        return AnalysisSettings.defaults().withTargetYear(year);
    }

    private static StageSummary magnet(AnalysisSettings settings, List<Baseline> baselines, Project project,
                                       FacilityEvent... events) {
        AnalysisBuilder builder = Analysis.builder(MARCH, settings, baselines, List.of());
        builder.accept(PeriodProject.of(MARCH, project, List.of(events)));
        return builder.finish().current().stage(ChainStage.MAGNET);
    }

    /** JP-EXP, long-established, 100 t today, announced an expansion to 300 t by 2028. */
    private static final Project EXPANDING = magnetPlant("JP-EXP", "JP", ProjectStatus.OPERATING, 100.0, null);
    private static final FacilityEvent EXPANSION = new FacilityEvent("JP-EXP", LocalDate.parse("2025-09-01"),
            EventKind.CAPACITY_REVISION, null, "300 t/yr by 2028", null, "News 2025-09-01", null, TargetYear.of(2028),
            new Capacity(300, "t magnet", CapacityBasis.TARGET));

    @Test
    void plannedExpansion_countsItsIncrementFromItsTargetYearOn() {
        // Target year 2030, after the expansion's 2028: the 200 t increment counts, in full as announced and at
        // the weight of 'announced' (0.2) risk-weighted: 1,200 (China 900 / 1,200) and 1,040 (900 / 1,040).
        StageSummary after = magnet(targetYear(2030), baselines("2026-01-31"), EXPANDING, EXPANSION);
        assertThat(after.projected().orElseThrow().total()).isCloseTo(1200, within(1e-9));
        assertThat(after.projected().orElseThrow().chinaSharePercent().orElseThrow()).isCloseTo(75.0, within(1e-9));
        assertThat(after.projectedWeighted().orElseThrow().total()).isCloseTo(1040, within(1e-9));
        // Today's capacity is the row's 100 t, inside the baseline: the share now is 900 / 1,000.
        assertThat(after.chinaSharePercent()).contains(90.0);

        // Target year 2027, before the expansion is due: nothing is added.
        StageSummary before = magnet(targetYear(2027), baselines("2026-01-31"), EXPANDING, EXPANSION);
        assertThat(before.projected().orElseThrow().total()).isCloseTo(1000, within(1e-9));
        assertThat(before.projected().orElseThrow().projects()).isZero();
    }

    @Test
    void pipelineWithNoQuantifiedCapacity_isNotComputable_notZero() {
        Project undisclosed = magnetPlant("US-1", "US", ProjectStatus.APPROVED, null, 2028);

        StageSummary s = magnet(AnalysisSettings.defaults(), baselines("2026-01-31"), undisclosed);

        ProjectedShare announced = s.projected().orElseThrow();
        assertThat(announced.computable()).isFalse();
        assertThat(announced.chinaSharePercent()).isEmpty();
        assertThat(announced.unquantified()).containsExactly("US-1");
        assertThat(announced.notComputableText()).isEqualTo("not computable (1 project, capacity undisclosed)");
        assertThat(s.projectedChinaSharePercent()).isEmpty();
    }

    @Test
    void riskWeightedAddition_neverExceedsTheAnnouncedOne_bothCountingTheSameSet() {
        // Suspended (weight 0.05) is in both sets; cancelled in neither.
        Project suspended = magnetPlant("US-2", "US", ProjectStatus.SUSPENDED, 100.0, 2027);
        Project cancelled = magnetPlant("US-3", "US", ProjectStatus.CANCELLED, 400.0, 2027);
        AnalysisBuilder builder = Analysis.builder(MARCH, AnalysisSettings.defaults(), baselines("2026-01-31"),
                List.of());
        builder.accept(PeriodProject.of(MARCH, suspended, List.of()));
        builder.accept(PeriodProject.of(MARCH, cancelled, List.of()));
        StageSummary s = builder.finish().current().stage(ChainStage.MAGNET);

        assertThat(s.projected().orElseThrow().total()).isCloseTo(1100, within(1e-9));
        assertThat(s.projectedWeighted().orElseThrow().total()).isCloseTo(1005, within(1e-9));
        assertThat(s.projected().orElseThrow().projects()).isEqualTo(1);
    }

    @Test
    void baselinePublishedOneDayAfterThePeriodsEnd_isNotUsed() {
        Project plant = magnetPlant("US-4", "US", ProjectStatus.OPERATING, 100.0, null);

        StageSummary late = magnet(AnalysisSettings.defaults(), baselines("2026-04-01"), plant);
        StageSummary onTheDay = magnet(AnalysisSettings.defaults(), baselines("2026-03-31"), plant);

        assertThat(late.hasCompleteBaseline()).isFalse();
        assertThat(late.chinaSharePercent()).isEmpty();
        assertThat(onTheDay.baselineYear()).contains(2025);
        assertThat(onTheDay.baselinePublishedOn()).contains(LocalDate.parse("2026-03-31"));
    }
}
