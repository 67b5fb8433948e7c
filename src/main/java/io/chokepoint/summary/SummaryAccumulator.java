package io.chokepoint.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectSnapshot;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Folds project snapshots, one at a time, into a {@link SupplyChainSummary}; memory grows with countries and
 * stages, not with projects. Not thread-safe.
 */
public final class SummaryAccumulator implements Consumer<ProjectSnapshot> {

    private final ReportPeriod period;
    private final AnalysisSettings settings;
    private final Map<ChainStage, BaselineSet> baselineSets = new EnumMap<>(ChainStage.class);
    private final Map<ChainStage, Optional<Baseline>> publishedShares = new EnumMap<>(ChainStage.class);
    private final Map<ChainStage, Map<Country, CellTally>> cells = new EnumMap<>(ChainStage.class);
    private final Map<ChainStage, Map<Country, Double>> additions = new EnumMap<>(ChainStage.class);
    private final Map<ChainStage, List<String>> additionIds = new EnumMap<>(ChainStage.class);
    private final Map<ChainStage, List<String>> notComparable = new EnumMap<>(ChainStage.class);
    private int reported;

    SummaryAccumulator(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines) {
        this.period = period;
        this.settings = settings;
        for (ChainStage stage : ChainStage.values()) {
            BaselineSet.latestComplete(baselines, stage, period.year(), settings.canonicalUnit(stage))
                    .ifPresent(set -> baselineSets.put(stage, set));
            publishedShares.put(stage, BaselineSet.latestPublishedShare(baselines, stage, period.year()));
            cells.put(stage, new TreeMap<>());
            additions.put(stage, new TreeMap<>());
            additionIds.put(stage, new ArrayList<>());
            notComparable.put(stage, new ArrayList<>());
        }
    }

    @Override
    public void accept(ProjectSnapshot snapshot) {
        ProjectState state = snapshot.current();
        if (!state.reported()) {
            return;
        }
        reported++;
        Project project = snapshot.project();
        ChainStage stage = project.stage();
        String unit = settings.canonicalUnit(stage);
        boolean comparable = project.capacity() != null && project.capacity().unit().equals(unit);
        if (project.capacity() != null && !comparable) {
            notComparable.get(stage).add(project.id());
        }
        cells.get(stage).computeIfAbsent(project.country(), c -> new CellTally()).add(project, state, comparable);

        BaselineSet baseline = baselineSets.get(stage);
        if (baseline != null && comparable && state.operating() && startedAfter(state, baseline.year())) {
            additions.get(stage).merge(project.country(), project.capacity().tonnesPerYear(), Double::sum);
            additionIds.get(stage).add(project.id());
        }
    }

    /**
     * The baseline already holds everything producing in its year; a project is added on top only if it
     * started operating after that year: by its operating-start evidence, or else by its target year.
     */
    static boolean startedAfter(ProjectState state, int baselineYear) {
        if (state.operatingSince() != null) {
            return state.operatingSince().getYear() > baselineYear;
        }
        return state.targetYear() != null && state.targetYear() > baselineYear;
    }

    public SupplyChainSummary finish() {
        List<StageSummary> stages = new ArrayList<>();
        List<CountryStageCell> allCells = new ArrayList<>();
        for (ChainStage stage : ChainStage.values()) {
            CapacityTally operating = CapacityTally.EMPTY;
            CapacityTally pipeline = CapacityTally.EMPTY;
            for (Map.Entry<Country, CellTally> e : cells.get(stage).entrySet()) {
                CellTally t = e.getValue();
                allCells.add(new CountryStageCell(e.getKey(), stage, t.projects, t.operating, t.pipeline));
                operating = sum(operating, t.operating);
                pipeline = sum(pipeline, t.pipeline);
            }
            stages.add(stageSummary(stage, operating, pipeline));
        }
        return new SupplyChainSummary(period, settings, stages, allCells, reported);
    }

    private StageSummary stageSummary(ChainStage stage, CapacityTally operating, CapacityTally pipeline) {
        BaselineSet set = baselineSets.get(stage);
        String unit = settings.canonicalUnit(stage);
        if (set == null) {
            return new StageSummary(stage, unit, Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), publishedShares.get(stage), operating,
                    pipeline, notComparable.get(stage));
        }
        Map<Country, double[]> byCountry = new LinkedHashMap<>();
        set.values().forEach((country, value) -> byCountry.computeIfAbsent(country, c -> new double[2])[0] += value);
        additions.get(stage).forEach((country, value) -> byCountry.computeIfAbsent(country, c -> new double[2])[1] += value);
        double total = byCountry.values().stream().mapToDouble(v -> v[0] + v[1]).sum();
        List<CountryCapacity> countries = byCountry.entrySet().stream()
                .map(e -> new CountryCapacity(e.getKey(), e.getValue()[0], e.getValue()[1],
                        total > 0 ? 100 * (e.getValue()[0] + e.getValue()[1]) / total : 0))
                .sorted(Comparator.comparingDouble(CountryCapacity::total).reversed()
                        .thenComparing(CountryCapacity::country))
                .toList();
        Concentration c = Concentration.of(countries, total);
        return new StageSummary(stage, unit, Optional.of(set.year()), set.rows(), countries, additionIds.get(stage),
                c.chinaShare(), c.top3Share(), c.hhi(), Optional.of(c.exChina()), Optional.empty(), operating,
                pipeline, notComparable.get(stage));
    }

    private static CapacityTally sum(CapacityTally a, CapacityTally b) {
        return new CapacityTally(a.projects() + b.projects(), a.tonnes() + b.tonnes(),
                a.undisclosed() + b.undisclosed(), a.notComparable() + b.notComparable());
    }

    /** Running counts for one country × stage cell. */
    private static final class CellTally {
        int projects;
        CapacityTally operating = CapacityTally.EMPTY;
        CapacityTally pipeline = CapacityTally.EMPTY;

        void add(Project project, ProjectState state, boolean comparable) {
            projects++;
            if (state.operating()) {
                operating = plus(operating, project, comparable);
            } else if (state.pipeline()) {
                pipeline = plus(pipeline, project, comparable);
            }
        }

        private static CapacityTally plus(CapacityTally tally, Project project, boolean comparable) {
            if (project.capacity() == null) {
                return tally.plusUndisclosed();
            }
            return comparable ? tally.plus(project.capacity().tonnesPerYear()) : tally.plusNotComparable();
        }
    }
}
