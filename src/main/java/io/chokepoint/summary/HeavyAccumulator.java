package io.chokepoint.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.Expansion;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Folds project states into the heavy view of separation, metal, alloy and magnet ({@link HeavyView}). Only
 * capacity in the stage's heavy unit is summed: a {@code both} plant in t REO or NdPr oxide is heavy-capable with
 * its heavy capacity undisclosed, a {@code heavy} plant in another unit is not comparable; neither is ever added.
 * Memory grows with countries and the named projects, not with projects. Not thread-safe.
 */
final class HeavyAccumulator {

    /** The heavy unit of each stage that has one (the data README's only heavy unit is at separation). */
    static final Map<ChainStage, String> HEAVY_UNITS = Map.of(ChainStage.SEPARATION, "t Dy-Tb oxide");

    private final ReportPeriod period;
    private final AnalysisSettings settings;
    private final List<Baseline> baselines;
    private final Map<ChainStage, Tally> stages = new EnumMap<>(ChainStage.class);

    HeavyAccumulator(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines) {
        this.period = period;
        this.settings = settings;
        this.baselines = baselines;
        HeavyView.STAGES.forEach(s -> stages.put(s, new Tally(HEAVY_UNITS.get(s))));
    }

    /** Whether a project belongs to the heavy view. */
    static boolean heavyView(Project project) {
        return "heavy".equals(project.reeGroup()) || "both".equals(project.reeGroup());
    }

    void accept(Project project, ProjectState state) {
        Tally tally = stages.get(project.stage());
        if (tally == null || !heavyView(project) || project.country().equals(Country.CHINA)) {
            return;
        }
        if (state.status() == ProjectStatus.CANCELLED || state.status() == ProjectStatus.SUSPENDED) {
            // Not relieving anything; a suspended plant still counts in the projection at its weight, as in the
            // all-REE projection.
            if (state.status() == ProjectStatus.SUSPENDED) {
                tally.project(project, state, settings);
            }
            return;
        }
        tally.relieving++;
        String note;
        Double heavy = null;
        List<String> missing = new ArrayList<>(Disclosure.of(project, state).missing());
        missing.remove("capacity");
        if (tally.unit != null && state.capacityIn(tally.unit)) {
            heavy = state.capacity().tonnesPerYear();
            note = io.chokepoint.tracking.FactText.plain(heavy) + " " + tally.unit;
        } else if (state.capacity() != null && "heavy".equals(project.reeGroup()) && tally.unit != null) {
            tally.notComparable++;
            note = "not comparable (" + state.capacity().unit() + ")";
            missing.add(0, "heavy capacity");
        } else {
            tally.undisclosed++;
            note = state.capacity() == null ? "capacity undisclosed"
                    : "heavy capacity undisclosed (" + io.chokepoint.tracking.FactText.plain(state.capacity().tonnesPerYear())
                    + " " + state.capacity().unit() + ")";
            missing.add(0, "heavy capacity");
        }
        tally.project(project, state, settings);
        tally.named.add(new HeavyView.HeavyProject(project.id(), project.facility(), project.country(),
                project.reeGroup(), state.status().code(), state.targetYear(), heavy, note, missing));
        if (tally.named.size() > HeavyView.NAMED) {
            tally.named.pollLast();
        }
    }

    List<HeavyView> finish() {
        List<HeavyView> views = new ArrayList<>();
        int targetYear = settings.targetYear();
        stages.forEach((stage, t) -> {
            Optional<BaselineSet> set = heavySet(stage);
            Optional<Double> share = set.map(s -> {
                Map<Country, Double> values = s.values();
                double total = values.values().stream().mapToDouble(Double::doubleValue).sum();
                return total > 0 ? 100 * values.getOrDefault(Country.CHINA, 0.0) / total : 0.0;
            });
            Optional<Baseline> row = set.flatMap(s -> s.rows().stream()
                    .filter(b -> b.country().equals(Country.CHINA)).findFirst());
            boolean published = false;
            if (set.isEmpty()) {
                row = publishedHeavyShare(stage);
                share = row.flatMap(b -> b.sharePercent().isPresent()
                        ? Optional.of(b.sharePercent().getAsDouble()) : Optional.empty());
                published = row.isPresent();
            }
            List<HeavyView.CountryHeavy> countries = new ArrayList<>();
            TreeSet<Country> all = new TreeSet<>(t.now.keySet());
            all.addAll(t.projected.keySet());
            for (Country c : all) {
                double now = t.now.getOrDefault(c, 0.0);
                countries.add(new HeavyView.CountryHeavy(c, now, now + t.projected.getOrDefault(c, 0.0),
                        now + t.weighted.getOrDefault(c, 0.0)));
            }
            countries.sort(Comparator.comparingDouble(HeavyView.CountryHeavy::projected).reversed()
                    .thenComparing(HeavyView.CountryHeavy::country));
            Optional<String> unit = Optional.ofNullable(t.unit);
            double now = sum(t.now);
            views.add(new HeavyView(stage, unit, targetYear, share, row, published,
                    unit.map(u -> now), unit.map(u -> now + sum(t.projected)), unit.map(u -> now + sum(t.weighted)),
                    countries, new ArrayList<>(t.named), t.relieving, t.undisclosed, t.notComparable));
        });
        return views;
    }

    private static double sum(Map<Country, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum(); // TreeMap: the same order every run
    }

    /**
     * A complete heavy set: the newest year ≤ the period's, within the age limit, whose heavy rows (published by
     * the period's last day) include a valued China row and a valued rest-of-world row in one unit.
     */
    private Optional<BaselineSet> heavySet(ChainStage stage) {
        List<Baseline> heavy = baselines.stream()
                .filter(b -> b.stage() == stage && "heavy".equals(b.reeGroup()) && b.hasValue()
                        && b.year() <= period.year() && period.year() - b.year() <= settings.baselineMaxAgeYears()
                        && b.publishedBy(period.lastDay()))
                .toList();
        return heavy.stream()
                .filter(b -> b.country().isRestOfWorld())
                .filter(x -> heavy.stream().anyMatch(b -> b.year() == x.year() && b.country().equals(Country.CHINA)
                        && b.unit().equals(x.unit())))
                .max(Comparator.comparingInt(Baseline::year))
                .map(x -> new BaselineSet(stage, x.year(), heavy.stream()
                        .filter(b -> b.year() == x.year() && b.unit().equals(x.unit())).toList()));
    }

    /** The newest published heavy share (a heavy China row stating a share, by publication date, within the age limit). */
    private Optional<Baseline> publishedHeavyShare(ChainStage stage) {
        return baselines.stream()
                .filter(b -> b.stage() == stage && "heavy".equals(b.reeGroup()) && b.country().equals(Country.CHINA)
                        && b.sharePercent().isPresent() && b.year() <= period.year()
                        && period.year() - b.year() <= settings.baselineMaxAgeYears() && b.publishedBy(period.lastDay()))
                .max(Comparator.comparing((Baseline b) -> b.publishedOn() == null ? java.time.LocalDate.MIN
                        : b.publishedOn()).thenComparingInt(Baseline::year));
    }

    /** One stage's running totals. */
    private static final class Tally {
        final String unit;
        final Map<Country, Double> now = new TreeMap<>();
        final Map<Country, Double> projected = new TreeMap<>();
        final Map<Country, Double> weighted = new TreeMap<>();
        final TreeSet<HeavyView.HeavyProject> named = new TreeSet<>(Comparator.comparing(HeavyView.HeavyProject::id));
        int relieving;
        int undisclosed;
        int notComparable;

        Tally(String unit) {
            this.unit = unit;
        }

        /**
         * The all-REE projection's rules, in the heavy unit: operating capacity is today's, an operating plant's
         * expansion due by the target year adds its increment (at the announced weight), a plant not yet operating
         * and due by then adds its capacity at its status's weight.
         */
        void project(Project project, ProjectState state, AnalysisSettings settings) {
            if (unit == null) {
                return;
            }
            Country country = project.country();
            boolean inUnit = state.capacityIn(unit);
            double capacity = inUnit ? state.capacity().tonnesPerYear() : 0;
            int targetYear = settings.targetYear();
            if (state.operating()) {
                if (inUnit) {
                    now.merge(country, capacity, Double::sum);
                }
                Expansion expansion = state.expansion();
                if (expansion != null && expansion.year() <= targetYear
                        && (inUnit || state.capacity() == null) && expansion.capacity().unit().equals(unit)) {
                    double increment = Math.max(0, expansion.capacity().tonnesPerYear() - capacity);
                    projected.merge(country, increment, Double::sum);
                    weighted.merge(country, increment * settings.weight(ProjectStatus.ANNOUNCED), Double::sum);
                }
            } else if (state.status() != ProjectStatus.CANCELLED && state.targetYear() != null
                    && state.targetYear() <= targetYear && inUnit) {
                projected.merge(country, capacity, Double::sum);
                weighted.merge(country, capacity * settings.weight(state.status()), Double::sum);
            }
        }
    }
}
