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
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Rules v3 on baselines and capacity, each on a tracker small enough to work out by hand (the arithmetic is in the
 * comments): a complete set needs China's row and the rest of world's, a set too old is stale, a national quota
 * covers its country's plants, and a target is never capacity today.
 */
class BaselineRulesTest {

    private static final ReportPeriod SEPTEMBER_2025 = ReportPeriod.parse("2025-09");

    private static Baseline row(String country, ChainStage stage, int year, Double value, String basis,
                                Double share, String publishedOn) {
        return new Baseline(Country.of(country), stage, year, value, value == null ? null : unit(stage), basis,
                "Pub " + year, "high", null, share, publishedOn == null ? null : LocalDate.parse(publishedOn));
    }

    private static String unit(ChainStage stage) {
        return AnalysisSettings.defaults().canonicalUnit(stage);
    }

    private static Project plant(String id, String country, ChainStage stage, ProjectStatus status, Capacity capacity,
                                 String announcedOn, Integer targetYear) {
        return new Project(id, id, "Co " + id, List.of(Country.of(country)), "Plant", Country.of(country), null,
                stage, status, LocalDate.parse("2025-01-15"), capacity, null,
                announcedOn == null ? null : LocalDate.parse(announcedOn), targetYear, null, OfftakeBinding.NO,
                "medium", "News 2025-01-15", null);
    }

    private static StageSummary stage(AnalysisSettings settings, ReportPeriod period, List<Baseline> baselines,
                                      ChainStage stage, Project... projects) {
        AnalysisBuilder builder = Analysis.builder(period, settings, baselines, List.of());
        for (Project p : projects) {
            builder.accept(PeriodProject.of(period, p, List.of()));
        }
        return builder.finish().current().stage(stage);
    }

    /** Magnet: a complete 2010 set (CN 80, JP 18, XX 2), a 2025 XX row, and China-only 2024 with a 94 % share. */
    private static List<Baseline> magnetBaselines() {
        List<Baseline> rows = new ArrayList<>();
        rows.add(row("CN", ChainStage.MAGNET, 2010, 80.0, "output", 80.0, "2013-12-31"));
        rows.add(row("JP", ChainStage.MAGNET, 2010, 18.0, "output", null, "2013-12-31"));
        rows.add(row("XX", ChainStage.MAGNET, 2010, 2.0, "output", null, "2013-12-31"));
        rows.add(row("XX", ChainStage.MAGNET, 2025, 20.0, "capacity", null, "2025-09-30"));
        rows.add(row("CN", ChainStage.MAGNET, 2024, null, "derived_from_share", 94.0, "2025-03-01"));
        // Published later but about an older year: "published last" wins, not the latest year.
        rows.add(row("CN", ChainStage.MAGNET, 2023, null, "derived_from_share", 91.0, "2025-06-01"));
        return rows;
    }

    @Test
    void aRestOfWorldRowWithoutChina_isNoSet_andA2010SetIsStale() {
        StageSummary magnet = stage(AnalysisSettings.defaults(), SEPTEMBER_2025, magnetBaselines(), ChainStage.MAGNET);

        // The 2025 set holds only its XX row: never a share of 0.0 %. The 2010 set is 15 years old (> 3).
        assertThat(magnet.chinaSharePercent()).isEmpty();
        assertThat(magnet.hasCompleteBaseline()).isFalse();
        assertThat(magnet.noBaselineText()).isEqualTo("no current baseline (newest: 2010)");
        // The newest published share: the row published last by the period's end (2023's, published 2025-06-01).
        assertThat(magnet.publishedShare()).isPresent();
        assertThat(magnet.publishedShare().get().sharePercent().getAsDouble()).isEqualTo(91.0);
    }

    @Test
    void theAgeLimitIsASetting() {
        AnalysisSettings lenient = new AnalysisSettings(AnalysisSettings.defaults().canonicalUnits(),
                AnalysisSettings.defaults().riskWeights(), 2030, 15);
        StageSummary magnet = stage(lenient, SEPTEMBER_2025, magnetBaselines(), ChainStage.MAGNET);

        // 2025 − 2010 = 15 ≤ 15: the 2010 set is current; China 80 / 100.
        assertThat(magnet.baselineYear()).contains(2010);
        assertThat(magnet.chinaSharePercent().orElseThrow()).isCloseTo(80.0, within(1e-9));
        assertThat(AnalysisSettings.defaults().baselineMaxAgeYears()).isEqualTo(3);
    }

    @Test
    void aShareOlderThanTheAgeLimit_isNotQuoted() {
        List<Baseline> rows = List.of(row("CN", ChainStage.MAGNET, 2020, null, "derived_from_share", 90.0, null));
        StageSummary magnet = stage(AnalysisSettings.defaults(), SEPTEMBER_2025, rows, ChainStage.MAGNET);

        assertThat(magnet.publishedShare()).isEmpty();
        assertThat(magnet.noBaselineText()).isEqualTo("no complete baseline");
    }

    @Test
    void aNationalQuotaCoversItsCountrysPlants_otherCountriesAreAdded() {
        // Separation 2023: CN 230 (quota), XX 20. A Chinese plant operating since 2025 (target year 2025, 50 t) is
        // inside China's quota: China stays 230 / 250 = 92 %. A French one (10 t, 2025) is added: 230 / 260.
        List<Baseline> rows = List.of(row("CN", ChainStage.SEPARATION, 2023, 230.0, "quota", null, "2023-12-15"),
                row("XX", ChainStage.SEPARATION, 2023, 20.0, "derived_from_share", null, "2024-05-17"));
        Capacity fifty = new Capacity(50, "t REO", CapacityBasis.NAMEPLATE);
        Project chinese = plant("CN-1", "CN", ChainStage.SEPARATION, ProjectStatus.OPERATING, fifty, "2024-01-01", 2025);
        StageSummary covered = stage(AnalysisSettings.defaults(), SEPTEMBER_2025, rows, ChainStage.SEPARATION, chinese);
        assertThat(covered.chinaSharePercent().orElseThrow()).isCloseTo(92.0, within(1e-9));
        assertThat(covered.coveredByQuota()).isEqualTo(1);
        assertThat(covered.trackedOperating().tonnes()).isCloseTo(50, within(1e-9)); // listed all the same

        Project french = plant("FR-1", "FR", ChainStage.SEPARATION, ProjectStatus.OPERATING,
                new Capacity(10, "t REO", CapacityBasis.NAMEPLATE), "2024-01-01", 2025);
        StageSummary added = stage(AnalysisSettings.defaults(), SEPTEMBER_2025, rows, ChainStage.SEPARATION, chinese,
                french);
        assertThat(added.chinaSharePercent().orElseThrow()).isCloseTo(100.0 * 230 / 260, within(1e-9));
    }

    @Test
    void aTargetIsNeverCapacityToday_onAnOperatingPlantItIsAnExpansionWeightedAsAnnounced() {
        // Separation 2024: CN 90, XX 10. A French plant operating since 2025 whose only capacity is a 20 t target for
        // 2030: nothing today (China 90 / 100), and in the 2030 projection +20 as announced (90 / 120 = 75 %) and
        // +20 × 0.2 risk-weighted (90 / 104).
        List<Baseline> rows = List.of(row("CN", ChainStage.SEPARATION, 2024, 90.0, "output", null, "2025-01-31"),
                row("XX", ChainStage.SEPARATION, 2024, 10.0, "output", null, "2025-01-31"));
        Project solvayLike = plant("FR-1", "FR", ChainStage.SEPARATION, ProjectStatus.OPERATING,
                new Capacity(20, "t REO", CapacityBasis.TARGET), "2022-09-01", 2030);
        StageSummary s = stage(AnalysisSettings.defaults(), SEPTEMBER_2025, rows, ChainStage.SEPARATION, solvayLike);

        assertThat(s.chinaSharePercent().orElseThrow()).isCloseTo(90.0, within(1e-9));
        assertThat(s.additions()).isZero();
        assertThat(s.projected().orElseThrow().chinaSharePercent().orElseThrow()).isCloseTo(75.0, within(1e-9));
        assertThat(s.projectedWeighted().orElseThrow().chinaSharePercent().orElseThrow())
                .isCloseTo(100.0 * 90 / 104, within(1e-9));
    }
}
