package io.chokepoint.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.csv.TrackerCsv;

/**
 * Change attribution on the embedded sample, every month from 2025-01 to 2026-02: the parts add up to the change,
 * and issue 22's named parts are where it says.
 */
class AttributionSampleTest {

    private static final Path SAMPLE = Path.of("src/main/resources/sample");
    private static final List<Project> PROJECTS = new ArrayList<>();
    private static final List<FacilityEvent> EVENTS = new ArrayList<>();
    private static final List<Baseline> BASELINES = new ArrayList<>();

    @BeforeAll
    static void readTheSample() throws IOException {
        List<DataProblem> problems = new ArrayList<>();
        try (Reader p = reader("projects.csv"); Reader e = reader("events.csv"); Reader b = reader("baselines.csv")) {
            TrackerCsv.readProjects("projects.csv", p, PROJECTS::add, problems);
            TrackerCsv.readEvents("events.csv", e, EVENTS::add, problems);
            TrackerCsv.readBaselines("baselines.csv", b, BASELINES::add, problems);
        }
        assertThat(problems).isEmpty();
    }

    private static Reader reader(String name) throws IOException {
        return Files.newBufferedReader(SAMPLE.resolve(name), StandardCharsets.UTF_8);
    }

    static Analysis analysis(ReportPeriod period) {
        List<FacilityEvent> inPeriod = EVENTS.stream().filter(e -> !e.date().isBefore(period.month().atDay(1))
                && !e.date().isAfter(period.lastDay())).toList();
        AnalysisBuilder builder = Analysis.builder(period, AnalysisSettings.defaults(), BASELINES, inPeriod, List.of(),
                facility -> EVENTS.stream().filter(e -> e.facilityId().equals(facility)).toList());
        for (Project p : PROJECTS) {
            builder.accept(PeriodProject.of(period, p,
                    EVENTS.stream().filter(e -> e.facilityId().equals(p.facilityId())).toList()));
        }
        return builder.finish();
    }

    @Test
    void everyStageAndMonth_thePartsAddUpToTheChange() {
        int checked = 0;
        for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2026, 2)); m = m.plusMonths(1)) {
            ReportPeriod period = new ReportPeriod(m);
            Analysis analysis = analysis(period);
            for (Attribution a : analysis.attribution()) {
                double sum = a.parts().stream().mapToDouble(Attribution.Part::points).sum();
                StageSummary now = analysis.current().stage(a.stage());
                StageSummary before = analysis.previous().stage(a.stage());
                double p = share(now, a.share());
                double q = share(before, a.share());
                assertThat(sum).as("%s %s %s", m, a.stage(), a.share()).isCloseTo(p - q, within(0.005));
                checked++;
            }
        }
        // Separation and mining have shares every month, magnet from 2025-11 (the 2025 set is current from October).
        assertThat(checked).isGreaterThan(14 * 2 * 1);
    }

    private static double share(StageSummary s, Attribution.Share share) {
        return switch (share) {
            case NOW -> s.chinaSharePercent().orElseThrow();
            case AS_ANNOUNCED -> s.projected().orElseThrow().chinaSharePercent().orElseThrow();
            case RISK_WEIGHTED -> s.projectedWeighted().orElseThrow().chinaSharePercent().orElseThrow();
        };
    }

    @Test
    void january2026_magnetRiskWeighted_isOnePart_usaRareEarthStillwater() {
        Attribution a = analysis(ReportPeriod.parse("2026-01")).attribution(ChainStage.MAGNET,
                Attribution.Share.RISK_WEIGHTED).orElseThrow();

        assertThat(a.after()).isCloseTo(90.99, within(0.005));
        assertThat(a.change()).isCloseTo(-0.22, within(0.005));
        List<Attribution.Part> moving = a.parts().stream().filter(p -> Math.abs(p.points()) >= 0.005).toList();
        assertThat(moving).singleElement().satisfies(p -> {
            assertThat(p.facilityId()).isEqualTo("US-USAR-01");
            assertThat(p.date()).hasToString("2026-01-06");
            assertThat(p.points()).isCloseTo(-0.22, within(0.005));
        });
    }

    @Test
    void february2026_magnetRiskWeighted_isMpsTenXEvent() {
        Attribution a = analysis(ReportPeriod.parse("2026-02")).attribution(ChainStage.MAGNET,
                Attribution.Share.RISK_WEIGHTED).orElseThrow();

        assertThat(a.after()).isCloseTo(90.00, within(0.005));
        assertThat(a.change()).isCloseTo(-0.99, within(0.005));
        List<Attribution.Part> moving = a.parts().stream().filter(p -> Math.abs(p.points()) >= 0.005).toList();
        assertThat(moving).singleElement().satisfies(p -> {
            assertThat(p.facilityId()).isEqualTo("US-MP-04");
            assertThat(p.date()).hasToString("2026-02-26");
        });
    }

    @Test
    void september2025_magnetHasNoCurrentBaseline_notZero_andSeparationNeverAbove92() {
        for (int month = 1; month <= 9; month++) {
            Analysis analysis = analysis(new ReportPeriod(YearMonth.of(2025, month)));
            assertThat(analysis.current().stage(ChainStage.SEPARATION).chinaSharePercent().orElseThrow())
                    .as("2025-%02d", month).isLessThanOrEqualTo(92.0 + 1e-9);
            if (month == 9) {
                StageSummary magnet = analysis.current().stage(ChainStage.MAGNET);
                assertThat(magnet.chinaSharePercent()).isEmpty();
                assertThat(magnet.noBaselineText()).isEqualTo("no current baseline (newest: 2010)");
                assertThat(analysis.attribution(ChainStage.MAGNET, Attribution.Share.NOW)).isEmpty();
            }
        }
    }
}
