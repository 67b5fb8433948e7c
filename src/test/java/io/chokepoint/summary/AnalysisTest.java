package io.chokepoint.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
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
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/** Each metric on small datasets whose results are worked out by hand in the comments. */
class AnalysisTest {

    private static final ReportPeriod MARCH = ReportPeriod.parse("2026-03");
    private static final AnalysisSettings SETTINGS = AnalysisSettings.defaults();

    /** Separation 2025: CN 900, MY 60, XX 40 t REO (complete set, total 1,000). */
    private static final List<Baseline> BASELINES = List.of(
            baseline("CN", 900), baseline("MY", 60), baseline("XX", 40));

    private static Baseline baseline(String country, double value) {
        return new Baseline(Country.of(country), ChainStage.SEPARATION, 2025, value, "t REO", "output",
                "Survey 2026", "high", null, null, LocalDate.parse("2026-01-31"));
    }

    private static Project project(String id, String country, ChainStage stage, Double tpa, String unit,
                                   Integer targetYear, OfftakeBinding binding) {
        Capacity capacity = tpa == null ? null : new Capacity(tpa, unit, CapacityBasis.NAMEPLATE);
        return new Project(id, id, "Co " + id, List.of(Country.of(country)), "Plant " + id, Country.of(country),
                null, stage, ProjectStatus.ANNOUNCED, LocalDate.parse("2025-01-01"), capacity, null,
                LocalDate.parse("2024-01-01"), targetYear, null, binding, "medium", "News", null);
    }

    /** A state whose capacity today is the project row's (no event revised it). */
    private static ProjectState state(Project p, ProjectStatus status, Integer targetYear, String operatingSince) {
        return new ProjectState(true, status, targetYear,
                operatingSince == null ? null : LocalDate.parse(operatingSince), p.capacity(), null);
    }

    private static PeriodProject same(Project p, ProjectState state) {
        return new PeriodProject(MARCH, p, state, state);
    }

    /** The project in the same status on both dates, with its row's target year and capacity. */
    private static PeriodProject same(Project p, ProjectStatus status) {
        return same(p, state(p, status, p.targetYear(), null));
    }

    private static Analysis analyse(List<PeriodProject> snapshots, List<FacilityEvent> events) {
        AnalysisBuilder builder = Analysis.builder(MARCH, SETTINGS, BASELINES, events);
        snapshots.forEach(builder);
        return builder.finish();
    }

    @Test
    void projectOperatingSinceAfterTheBaselineYear_isAddedOnTop() {
        // SA-1 started in 2026, after the 2025 baseline: total 1,100, China 900 / 1,100 = 81.82 %.
        Project sa = project("SA-1", "SA", ChainStage.SEPARATION, 100.0, "t REO", 2026, OfftakeBinding.YES);
        // MY-OLD operated since 2024: already inside the baseline, not added.
        Project my = project("MY-OLD", "MY", ChainStage.SEPARATION, 500.0, "t REO", null, OfftakeBinding.YES);

        StageSummary s = analyse(List.of(
                same(sa, state(sa, ProjectStatus.OPERATING, 2026, "2026-01-15")),
                same(my, state(my, ProjectStatus.OPERATING, null, "2024-05-01"))), List.of())
                .current().stage(ChainStage.SEPARATION);

        assertThat(s.totalOperating()).isEqualTo(1100);
        assertThat(s.chinaSharePercent()).hasValueSatisfying(v -> assertThat(v).isCloseTo(900.0 / 11, within(1e-9)));
        // Top 3 of named countries: CN 900 + SA 100 + MY 60 (XX never counts) = 1,060 / 1,100.
        assertThat(s.top3SharePercent()).hasValueSatisfying(v -> assertThat(v).isCloseTo(106000.0 / 1100, within(1e-9)));
        // HHI over named countries only: (900/11)² + (100/11)² + (60/11)².
        double hhi = Math.pow(900.0 / 11, 2) + Math.pow(100.0 / 11, 2) + Math.pow(60.0 / 11, 2);
        assertThat(s.hhi()).hasValueSatisfying(v -> assertThat(v).isCloseTo(hhi, within(1e-6)));
        assertThat(s.exChinaCapacity()).contains(200.0);
        assertThat(s.additions()).isEqualTo(1); // SA-1; MY-OLD is inside the baseline
    }

    @Test
    void capacityInAnotherUnit_isCountedAndListed_neverSummed() {
        Project ndpr = project("US-1", "US", ChainStage.SEPARATION, 5000.0, "t NdPr oxide", 2026, OfftakeBinding.NO);

        StageSummary s = analyse(List.of(same(ndpr, state(ndpr, ProjectStatus.OPERATING, 2026, "2026-02-01"))), List.of())
                .current().stage(ChainStage.SEPARATION);

        assertThat(s.totalOperating()).isEqualTo(1000);
        assertThat(s.notComparable()).isEqualTo(1);
        assertThat(s.trackedOperating()).isEqualTo(new CapacityTally(1, 0, 0, 1));
    }

    @Test
    void projection_countsPipelineUpToTheTargetYear_fullAndRiskWeighted() {
        // CA-1 under construction, 200 t by 2028: counted 200 as announced, 200 × 0.75 = 150 weighted.
        // CN-2 announced, 100 t by 2029: 100 as announced, 100 × 0.2 = 20 weighted.
        // AU-3 study, 300 t by 2032: after 2030, left out. AU-4 financing, no target year: left out.
        // US-5 cancelled, 400 t by 2027: out of both (they count the same set).
        List<PeriodProject> snapshots = List.of(
                same(project("CA-1", "CA", ChainStage.SEPARATION, 200.0, "t REO", 2028, OfftakeBinding.YES),
                        ProjectStatus.UNDER_CONSTRUCTION),
                same(project("CN-2", "CN", ChainStage.SEPARATION, 100.0, "t REO", 2029, OfftakeBinding.NO),
                        ProjectStatus.ANNOUNCED),
                same(project("AU-3", "AU", ChainStage.SEPARATION, 300.0, "t REO", 2032, OfftakeBinding.NO),
                        ProjectStatus.STUDY),
                same(project("AU-4", "AU", ChainStage.SEPARATION, 50.0, "t REO", null, OfftakeBinding.NO),
                        ProjectStatus.FINANCING),
                same(project("US-5", "US", ChainStage.SEPARATION, 400.0, "t REO", 2027, OfftakeBinding.NO),
                        ProjectStatus.CANCELLED));

        StageSummary s = analyse(snapshots, List.of()).current().stage(ChainStage.SEPARATION);

        // As announced: 1,000 + 200 + 100 = 1,300; China 1,000 / 1,300.
        ProjectedShare announced = s.projected().orElseThrow();
        assertThat(announced.total()).isEqualTo(1300);
        assertThat(announced.chinaSharePercent()).hasValueSatisfying(v -> assertThat(v).isCloseTo(100000.0 / 1300, within(1e-9)));
        assertThat(announced.projects()).isEqualTo(2);
        assertThat(announced.quantified()).isEqualTo(2);
        // Risk-weighted: 1,000 + 150 + 20 = 1,170; China 920 / 1,170.
        ProjectedShare weighted = s.projectedWeighted().orElseThrow();
        assertThat(weighted.projects()).isEqualTo(announced.projects());
        assertThat(weighted.total()).isCloseTo(1170, within(1e-9));
        assertThat(weighted.chinaSharePercent()).hasValueSatisfying(v -> assertThat(v).isCloseTo(92000.0 / 1170, within(1e-9)));
        // Pipeline: CA-1, CN-2, AU-3, AU-4 (the cancelled one is not pipeline): 650 t.
        assertThat(s.trackedPipeline()).isEqualTo(new CapacityTally(4, 650, 0, 0));
        assertThat(s.byStatus().get(ProjectStatus.CANCELLED)).isEqualTo(new CapacityTally(1, 400, 0, 0));
        // Soft: only CA-1 has a binding offtake, but none disclosed an investment or a dated source ("News"), so
        // all 4 are soft. Scores: CA-1 capacity, target year, offtake = 3; CN-2 and AU-3 capacity, target year = 2;
        // AU-4 capacity only = 1.
        assertThat(s.softData()).isEqualTo(new SoftData(4, 4, 650, 650, List.of(0, 1, 2, 1, 0, 0)));
    }

    @Test
    void targetYearSlipBetweenTwoPeriods_isAChange() {
        Project p = project("KR-1", "KR", ChainStage.MAGNET, 1000.0, "t magnet", 2027, OfftakeBinding.NO);
        PeriodProject slipped = new PeriodProject(MARCH, p, state(p, ProjectStatus.FINANCING, 2028, null),
                state(p, ProjectStatus.FINANCING, 2027, null));

        Analysis analysis = analyse(List.of(slipped), List.of());

        assertThat(analysis.changes()).extracting(Change::kind, Change::facilityId, Change::from, Change::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("slip", "KR-1", "2027", "2028"));
    }

    @Test
    void eventInThePeriod_carriesTheStatusChange() {
        Project p = project("VN-1", "VN", ChainStage.METAL, null, null, null, OfftakeBinding.NO);
        PeriodProject approved = new PeriodProject(MARCH, p, state(p, ProjectStatus.APPROVED, null, null),
                state(p, ProjectStatus.ANNOUNCED, null, null));
        FacilityEvent approval = new FacilityEvent("VN-1", LocalDate.parse("2026-03-17"), EventKind.APPROVAL,
                ProjectStatus.APPROVED, "KRW 28500000000", "Board approval", "LSCV 2026-03-17");

        List<Change> changes = analyse(List.of(approved), List.of(approval)).changes();

        assertThat(changes).containsExactly(new Change(LocalDate.parse("2026-03-17"), "status_change", "VN-1",
                List.of("VN-1"), "Co VN-1", List.of(ChainStage.METAL), "announced", "approved",
                "approval: KRW 28500000000 — Board approval", "LSCV 2026-03-17", true, p, approved.current()));
    }

    @Test
    void stageWithNoDataAtAll_hasNoShareAndNoDivisionByZero() {
        Analysis analysis = analyse(List.of(), List.of());

        StageSummary alloy = analysis.current().stage(ChainStage.ALLOY);
        assertThat(alloy.hasCompleteBaseline()).isFalse();
        assertThat(alloy.chinaSharePercent()).isEmpty();
        assertThat(alloy.projectedWeighted()).isEmpty();
        assertThat(alloy.trackedOperating()).isEqualTo(CapacityTally.EMPTY);
        assertThat(alloy.softData().countSharePercent()).isEmpty();
        assertThat(analysis.chinaShareChange(ChainStage.ALLOY)).isEmpty();
        // A stage with a baseline still computes its share with no projects.
        assertThat(analysis.current().stage(ChainStage.SEPARATION).chinaSharePercent()).contains(90.0);
        assertThat(analysis.chinaShareChange(ChainStage.SEPARATION)).contains(0.0);
    }

    @Test
    void ownerView_groupsByOwnerCountry_andCountsProjectsAbroad() {
        Project abroad = new Project("VN-LS-MET", "VN-LS", "LS", List.of(Country.of("KR")), "Plant", Country.of("VN"),
                null, ChainStage.METAL, ProjectStatus.APPROVED, LocalDate.parse("2025-12-22"), null, null,
                LocalDate.parse("2025-12-17"), null, null, OfftakeBinding.NO, "high", "VIR", null);
        Project home = project("KR-2", "KR", ChainStage.METAL, 300.0, "t metal", 2027, OfftakeBinding.NO);
        List<PeriodProject> snapshots = new ArrayList<>();
        snapshots.add(same(abroad, state(abroad, ProjectStatus.APPROVED, null, null)));
        snapshots.add(same(home, state(home, ProjectStatus.OPERATING, 2027, null)));

        SupplyChainSummary summary = analyse(snapshots, List.of()).current();

        assertThat(summary.owners()).containsExactly(new OwnerCell(Country.of("KR"), ChainStage.METAL, 2,
                new CapacityTally(1, 300, 0, 0), new CapacityTally(1, 0, 1, 0), 1));
        assertThat(summary.cell(Country.of("VN"), ChainStage.METAL).orElseThrow().pipeline().allUndisclosed()).isTrue();
    }
}
