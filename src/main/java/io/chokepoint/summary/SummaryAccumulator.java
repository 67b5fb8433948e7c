package io.chokepoint.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.Expansion;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Folds project snapshots, one at a time, into a {@link SupplyChainSummary}; memory grows with countries,
 * stages and statuses, not with projects. Not thread-safe.
 */
public final class SummaryAccumulator implements Consumer<PeriodProject> {

    private final ReportPeriod period;
    private final AnalysisSettings settings;
    private final Function<PeriodProject, ProjectState> stateOf;
    private final Map<ChainStage, StageTally> stages = new EnumMap<>(ChainStage.class);
    // Hash maps while folding (a million rows: tree lookups by country code were a fifth of the pass); sorted in
    // finish().
    private final Map<Country, Map<ChainStage, CellTally>> owners = new HashMap<>();
    private int reported;
    private final HeavyAccumulator heavy;
    private List<io.chokepoint.tracking.ExportControl> controls = List.of();
    private final boolean sharesOnly;

    SummaryAccumulator(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                       Function<PeriodProject, ProjectState> stateOf) {
        this(period, settings, baselines, stateOf, false);
    }

    /**
     * @param sharesOnly fold only what the China shares and projections need (the trajectory's 24 periods): the
     *                   country, owner, status and disclosure tallies are skipped (the disclosure score parses every
     *                   project's sources), so only the shares of the finished summary are meaningful
     */
    SummaryAccumulator(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                       Function<PeriodProject, ProjectState> stateOf, boolean sharesOnly) {
        this.sharesOnly = sharesOnly;
        this.heavy = new HeavyAccumulator(period, settings, baselines);
        this.period = period;
        this.settings = settings;
        this.stateOf = stateOf;
        for (ChainStage stage : ChainStage.values()) {
            String unit = settings.canonicalUnit(stage);
            stages.put(stage, new StageTally(stage, unit,
                    BaselineSet.latestComplete(baselines, stage, period, unit, settings.baselineMaxAgeYears())
                            .orElse(null),
                    BaselineSet.newestComplete(baselines, stage, period, unit).map(BaselineSet::year),
                    BaselineSet.latestPublishedShare(baselines, stage, period, settings.baselineMaxAgeYears()),
                    BaselineSet.publishedProjection(baselines, stage, period, settings.targetYear())));
        }
    }

    @Override
    public void accept(PeriodProject snapshot) {
        ProjectState state = stateOf.apply(snapshot);
        if (!state.reported()) {
            return;
        }
        reported++;
        Project project = snapshot.project();
        heavy.accept(project, state);
        StageTally stage = stages.get(project.stage());
        boolean comparable = state.capacityIn(stage.unit);
        double capacity = comparable ? state.capacity().tonnesPerYear() : 0;
        if (!sharesOnly) {
            if (state.capacityInOtherUnitThan(stage.unit)) {
                stage.notComparable++;
            }
            stage.cells.computeIfAbsent(project.country(), c -> new CellTally()).add(project, state, comparable);
            stage.byStatus.merge(new StatusKey(project.country(), state.status()),
                    tallyOf(state, comparable), SummaryAccumulator::sum);
            owners.computeIfAbsent(project.primaryOwner(), c -> new EnumMap<>(ChainStage.class))
                    .computeIfAbsent(project.stage(), s -> new CellTally()).add(project, state, comparable);
            if (state.pipeline()) {
                stage.soft = stage.soft.plus(Disclosure.of(project, state), capacity);
            }
        }
        if (stage.baseline == null) {
            return;
        }
        if (stage.baseline.quotaCovers(project.country())) {
            // A national quota already covers every plant in the country: listed above, never added to its total
            // (a Chinese plant's nameplate on top of China's quota put separation above the set's own 92 %).
            stage.coveredByQuota++;
            return;
        }
        int targetYear = settings.targetYear();
        if (state.operating()) {
            if (comparable && startedAfter(state, stage.baseline.year())) {
                stage.added.merge(project.country(), capacity, Double::sum);
                stage.additions++;
            }
            Expansion expansion = state.expansion();
            if (expansion != null && expansion.year() <= targetYear) {
                // Only the increment over today's capacity is new (over nothing while today's is undisclosed); it is
                // known only when both are in the stage's unit.
                if ((comparable || state.capacity() == null) && expansion.capacity().unit().equals(stage.unit)) {
                    double increment = Math.max(0, expansion.capacity().tonnesPerYear() - capacity);
                    stage.project(project, increment, settings.weight(ProjectStatus.ANNOUNCED));
                } else {
                    stage.unquantified(project, state);
                }
            }
        } else if (state.status() != ProjectStatus.CANCELLED && state.targetYear() != null
                && state.targetYear() <= targetYear) {
            if (comparable) {
                stage.project(project, capacity, settings.weight(state.status()));
            } else {
                stage.unquantified(project, state);
            }
        }
    }

    /** What one project adds to its stage's totals: today, to the projection as announced and risk-weighted. */
    record Contribution(double now, double announced, double weighted) {
        static final Contribution NONE = new Contribution(0, 0, 0);
    }

    /**
     * One project's contribution under a stage's baseline set, by the same rules as {@link #accept}: nothing when it
     * is not reported, the stage has no set, or a national quota covers its country.
     */
    static Contribution contribution(Project project, ProjectState state, String unit, BaselineSet baseline,
                                     AnalysisSettings settings) {
        if (!state.reported() || baseline == null || baseline.quotaCovers(project.country())) {
            return Contribution.NONE;
        }
        boolean comparable = state.capacityIn(unit);
        double capacity = comparable ? state.capacity().tonnesPerYear() : 0;
        int targetYear = settings.targetYear();
        if (state.operating()) {
            double now = comparable && startedAfter(state, baseline.year()) ? capacity : 0;
            Expansion expansion = state.expansion();
            double increment = 0;
            if (expansion != null && expansion.year() <= targetYear && (comparable || state.capacity() == null)
                    && expansion.capacity().unit().equals(unit)) {
                increment = Math.max(0, expansion.capacity().tonnesPerYear() - capacity);
            }
            return new Contribution(now, increment, increment * settings.weight(ProjectStatus.ANNOUNCED));
        }
        if (state.status() != ProjectStatus.CANCELLED && state.targetYear() != null
                && state.targetYear() <= targetYear && comparable) {
            return new Contribution(0, capacity, capacity * settings.weight(state.status()));
        }
        return Contribution.NONE;
    }

    /** China's part and the total of each share of a stage: now, as announced, risk-weighted. */
    record Totals(double chinaNow, double totalNow, double chinaAnnounced, double totalAnnounced,
                  double chinaWeighted, double totalWeighted) {

        Totals plus(boolean china, Contribution c, double sign) {
            return new Totals(chinaNow + (china ? sign * c.now() : 0), totalNow + sign * c.now(),
                    chinaAnnounced + (china ? sign * (c.now() + c.announced()) : 0),
                    totalAnnounced + sign * (c.now() + c.announced()),
                    chinaWeighted + (china ? sign * (c.now() + c.weighted()) : 0),
                    totalWeighted + sign * (c.now() + c.weighted()));
        }

        /** The share, in percent, of {@code which}: 0 now, 1 as announced, 2 risk-weighted. */
        double share(int which) {
            double china = which == 0 ? chinaNow : which == 1 ? chinaAnnounced : chinaWeighted;
            double total = which == 0 ? totalNow : which == 1 ? totalAnnounced : totalWeighted;
            return total > 0 ? 100 * china / total : 0;
        }
    }

    /** The stage's totals so far; empty without a current baseline set. */
    Optional<Totals> totals(ChainStage stage) {
        StageTally t = stages.get(stage);
        if (t.baseline == null) {
            return Optional.empty();
        }
        double chinaBase = 0;
        double totalBase = 0;
        for (Map.Entry<Country, Double> e : new TreeMap<>(t.baseline.values()).entrySet()) {
            totalBase += e.getValue();
            chinaBase += e.getKey().equals(Country.CHINA) ? e.getValue() : 0;
        }
        double chinaAdded = t.added.getOrDefault(Country.CHINA, 0.0);
        double added = t.added.values().stream().mapToDouble(Double::doubleValue).sum();
        double chinaProjected = t.projected.getOrDefault(Country.CHINA, 0.0);
        double projected = t.projected.values().stream().mapToDouble(Double::doubleValue).sum();
        double chinaWeighted = t.projectedWeighted.getOrDefault(Country.CHINA, 0.0);
        double weighted = t.projectedWeighted.values().stream().mapToDouble(Double::doubleValue).sum();
        return Optional.of(new Totals(chinaBase + chinaAdded, totalBase + added,
                chinaBase + chinaAdded + chinaProjected, totalBase + added + projected,
                chinaBase + chinaAdded + chinaWeighted, totalBase + added + weighted));
    }

    /** The stage's current baseline set, or null. */
    BaselineSet baseline(ChainStage stage) {
        return stages.get(stage).baseline;
    }

    String unit(ChainStage stage) {
        return stages.get(stage).unit;
    }

    AnalysisSettings settings() {
        return settings;
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

    /** The tracker's export controls, for their state on the period's last day and the stages' exposure. */
    void controls(List<io.chokepoint.tracking.ExportControl> controls) {
        this.controls = List.copyOf(controls);
    }

    public SupplyChainSummary finish() {
        List<StageSummary> summaries = new ArrayList<>();
        List<CountryStageCell> cells = new ArrayList<>();
        List<PipelineCell> pipeline = new ArrayList<>();
        for (StageTally stage : stages.values()) {
            new TreeMap<>(stage.cells).forEach((country, t) ->
                    cells.add(new CountryStageCell(country, stage.stage, t.projects, t.operating, t.pipeline)));
            stage.byStatus.forEach((key, tally) -> pipeline.add(new PipelineCell(stage.stage, key.country, key.status, tally)));
            summaries.add(stage.summary(settings.targetYear()));
        }
        List<OwnerCell> ownerCells = new ArrayList<>();
        new TreeMap<>(owners).forEach((owner, byStage) -> byStage.forEach((stage, t) ->
                ownerCells.add(new OwnerCell(owner, stage, t.projects, t.operating, t.pipeline, t.abroad))));
        pipeline.sort(Comparator.comparing(PipelineCell::stage).thenComparing(PipelineCell::status)
                .thenComparing(PipelineCell::country));
        List<HeavyView> heavyViews = heavy.finish();
        return new SupplyChainSummary(period, settings, summaries, cells, ownerCells, pipeline, reported, heavyViews,
                ControlsView.of(controls, period, summaries, heavyViews));
    }

    private static CapacityTally tallyOf(ProjectState state, boolean comparable) {
        if (state.capacity() == null) {
            return CapacityTally.EMPTY.plusUndisclosed();
        }
        return comparable ? CapacityTally.EMPTY.plus(state.capacity().tonnesPerYear()) : CapacityTally.EMPTY.plusNotComparable();
    }

    static CapacityTally sum(CapacityTally a, CapacityTally b) {
        return new CapacityTally(a.projects() + b.projects(), a.tonnes() + b.tonnes(),
                a.undisclosed() + b.undisclosed(), a.notComparable() + b.notComparable());
    }

    private record StatusKey(Country country, ProjectStatus status) implements Comparable<StatusKey> {
        @Override
        public int compareTo(StatusKey other) {
            int byStatus = status.compareTo(other.status);
            return byStatus != 0 ? byStatus : country.compareTo(other.country);
        }
    }

    /** Running totals for one stage. */
    private static final class StageTally {
        final ChainStage stage;
        final String unit;
        final BaselineSet baseline;
        final Optional<Baseline> publishedShare;
        final Optional<Baseline> publishedProjection;
        final Map<Country, CellTally> cells = new HashMap<>();
        final Map<StatusKey, CapacityTally> byStatus = new HashMap<>();
        final Map<Country, Double> added = new TreeMap<>();
        final Map<Country, Double> projected = new TreeMap<>();
        final Map<Country, Double> projectedWeighted = new TreeMap<>();
        final Optional<Integer> newestSet;
        int additions;
        int coveredByQuota;
        int notComparable;
        int projectedProjects;
        int projectedOtherUnit;
        final java.util.TreeSet<String> otherUnits = new java.util.TreeSet<>();
        int quantifiedProjects;
        /** The first unquantified project ids of the projection set, in id order. */
        final java.util.TreeSet<String> unquantified = new java.util.TreeSet<>();
        SoftData soft = SoftData.EMPTY;

        StageTally(ChainStage stage, String unit, BaselineSet baseline, Optional<Integer> newestSet,
                   Optional<Baseline> publishedShare, Optional<Baseline> publishedProjection) {
            this.stage = stage;
            this.newestSet = newestSet;
            this.unit = unit;
            this.baseline = baseline;
            this.publishedShare = publishedShare;
            this.publishedProjection = publishedProjection;
        }

        /** Counts a quantified project of the projection set: in full as announced, times its weight risk-weighted. */
        void project(Project project, double tonnes, double weight) {
            projectedProjects++;
            quantifiedProjects++;
            projected.merge(project.country(), tonnes, Double::sum);
            projectedWeighted.merge(project.country(), tonnes * weight, Double::sum);
        }

        /** Counts a project of the projection set whose capacity (or increment) is not known in the stage's unit. */
        void unquantified(Project project, ProjectState state) {
            projectedProjects++;
            if (state.capacityInOtherUnitThan(unit)) {
                projectedOtherUnit++;
                otherUnits.add(state.capacity().unit());
            } else if (state.operating() && state.expansion() != null
                    && !state.expansion().capacity().unit().equals(unit)) {
                projectedOtherUnit++;
                otherUnits.add(state.expansion().capacity().unit());
            }
            unquantified.add(project.id());
            if (unquantified.size() > ProjectedShare.NAMED) {
                unquantified.pollLast();
            }
        }

        StageSummary summary(int targetYear) {
            CapacityTally operating = CapacityTally.EMPTY;
            CapacityTally pipeline = CapacityTally.EMPTY;
            for (CellTally t : new TreeMap<>(cells).values()) { // country order: the same sums every run
                operating = sum(operating, t.operating);
                pipeline = sum(pipeline, t.pipeline);
            }
            Map<ProjectStatus, CapacityTally> statuses = new EnumMap<>(ProjectStatus.class);
            new TreeMap<>(byStatus).forEach((key, tally) -> statuses.merge(key.status, tally, SummaryAccumulator::sum));
            if (baseline == null) {
                return new StageSummary(stage, unit, Optional.empty(), List.of(), List.of(), 0,
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), publishedShare,
                        operating, pipeline, notComparable, statuses, Optional.empty(), Optional.empty(), soft,
                        publishedProjection, newestSet, 0);
            }
            Map<Country, Double> now = new TreeMap<>(baseline.values());
            List<CountryCapacity> countries = capacities(baseline.values(), added);
            added.forEach((c, v) -> now.merge(c, v, Double::sum));
            double total = countries.stream().mapToDouble(CountryCapacity::total).sum();
            Concentration c = Concentration.of(countries, total);
            return new StageSummary(stage, unit, Optional.of(baseline.year()), baseline.rows(), countries,
                    additions, c.chinaShare(), c.top3Share(), c.hhi(), Optional.of(c.exChina()), Optional.empty(),
                    operating, pipeline, notComparable, statuses,
                    Optional.of(projection(now, projected, targetYear, false)),
                    Optional.of(projection(now, projectedWeighted, targetYear, true)), soft, publishedProjection,
                    Optional.empty(), coveredByQuota);
        }

        private ProjectedShare projection(Map<Country, Double> now, Map<Country, Double> future, int targetYear,
                                          boolean weighted) {
            List<CountryCapacity> countries = capacities(now, future);
            double total = countries.stream().mapToDouble(CountryCapacity::total).sum();
            return new ProjectedShare(targetYear, weighted, countries, Concentration.of(countries, total).chinaShare(),
                    total, projectedProjects, quantifiedProjects, List.copyOf(unquantified), otherUnits,
                    projectedOtherUnit);
        }

        /** Base plus added per country, with shares, largest first (ties by country code, for determinism). */
        private static List<CountryCapacity> capacities(Map<Country, Double> base, Map<Country, Double> added) {
            Map<Country, double[]> byCountry = new TreeMap<>();
            base.forEach((country, v) -> byCountry.computeIfAbsent(country, k -> new double[2])[0] += v);
            added.forEach((country, v) -> byCountry.computeIfAbsent(country, k -> new double[2])[1] += v);
            double total = byCountry.values().stream().mapToDouble(v -> v[0] + v[1]).sum();
            return byCountry.entrySet().stream()
                    .map(e -> new CountryCapacity(e.getKey(), e.getValue()[0], e.getValue()[1],
                            total > 0 ? 100 * (e.getValue()[0] + e.getValue()[1]) / total : 0))
                    .sorted(Comparator.comparingDouble(CountryCapacity::total).reversed()
                            .thenComparing(CountryCapacity::country))
                    .toList();
        }
    }

    /** Running counts for one country (or owner) × stage cell. */
    private static final class CellTally {
        int projects;
        int abroad;
        CapacityTally operating = CapacityTally.EMPTY;
        CapacityTally pipeline = CapacityTally.EMPTY;

        void add(Project project, ProjectState state, boolean comparable) {
            projects++;
            if (!project.country().equals(project.primaryOwner())) {
                abroad++;
            }
            if (state.operating()) {
                operating = sum(operating, tallyOf(state, comparable));
            } else if (state.pipeline()) {
                pipeline = sum(pipeline, tallyOf(state, comparable));
            }
        }
    }
}
