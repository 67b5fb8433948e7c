package io.chokepoint.summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The period's numbers: one summary per chain stage (in chain order) and one cell per country and stage that
 * has tracked projects. Built by feeding every project snapshot to {@link #accumulator}.
 */
public record SupplyChainSummary(
        ReportPeriod period,
        AnalysisSettings settings,
        List<StageSummary> stages,
        List<CountryStageCell> cells,
        int reportedProjects) {

    public SupplyChainSummary {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(settings, "settings");
        stages = List.copyOf(stages);
        cells = List.copyOf(cells);
    }

    public static SummaryAccumulator accumulator(ReportPeriod period, AnalysisSettings settings,
                                                 List<Baseline> baselines) {
        return new SummaryAccumulator(period, settings, baselines);
    }

    public StageSummary stage(ChainStage stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }

    public Optional<CountryStageCell> cell(Country country, ChainStage stage) {
        return cells.stream().filter(c -> c.country().equals(country) && c.stage() == stage).findFirst();
    }

    /** Countries that have tracked projects, by English name (undisclosed location last). */
    public List<Country> countries() {
        return cells.stream().map(CountryStageCell::country).distinct()
                .sorted(java.util.Comparator.comparing((Country c) -> c.equals(Country.UNDISCLOSED))
                        .thenComparing(Country::displayName))
                .toList();
    }
}
