package io.chokepoint.summary;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Optional;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ReportPeriod;

/**
 * A period's numbers: one summary per chain stage (in chain order), one cell per country and stage with tracked
 * projects, the same by owner country, and the pipeline by status and country.
 */
public record SupplyChainSummary(
        ReportPeriod period,
        AnalysisSettings settings,
        List<StageSummary> stages,
        List<CountryStageCell> cells,
        List<OwnerCell> owners,
        List<PipelineCell> pipeline,
        int reportedProjects,
        List<HeavyView> heavy,
        ControlsView controls) {

    public SupplyChainSummary {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(settings, "settings");
        stages = List.copyOf(stages);
        cells = List.copyOf(cells);
        owners = List.copyOf(owners);
        pipeline = List.copyOf(pipeline);
        heavy = List.copyOf(heavy);
        Objects.requireNonNull(controls, "controls");
    }

    /** The stage's heavy view (separation, metal, alloy, magnet). */
    public Optional<HeavyView> heavy(ChainStage stage) {
        return heavy.stream().filter(h -> h.stage() == stage).findFirst();
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
                .sorted(Comparator.comparing((Country c) -> c.equals(Country.UNDISCLOSED))
                        .thenComparing(Country::displayName))
                .toList();
    }
}
