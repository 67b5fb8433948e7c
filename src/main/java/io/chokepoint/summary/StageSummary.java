package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ProjectStatus;

/**
 * One stage's concentration as of the period's last day.
 *
 * @param baselineYear      year of the complete baseline set used, empty if the stage has none
 * @param baselineRows      the valued baseline rows of that set (their sources are quoted in the report)
 * @param countries         operating capacity by country, largest first; empty without a complete baseline
 * @param additions         how many tracked projects are added on top of the baseline (started operating after
 *                          its year)
 * @param chinaSharePercent China's share of operating capacity; empty without a complete baseline
 * @param top3SharePercent  share of the three largest countries (rest of world is never one of them)
 * @param hhi               Σ of squared percentage shares of named countries (a lower bound: rest of world adds nothing)
 * @param exChinaCapacity   operating capacity outside China
 * @param publishedShare    without a complete baseline: the latest published China share, if any
 * @param trackedOperating  tracked operating projects at this stage (all countries)
 * @param trackedPipeline   tracked pipeline projects at this stage (all countries)
 * @param notComparable     how many tracked projects have their capacity in another unit than {@code unit}
 * @param byStatus          tracked projects at this stage by status (all countries)
 * @param projected         the target-year projection as announced; empty without a complete baseline
 * @param projectedWeighted the target-year projection weighted by status; empty without a complete baseline
 * @param softData          how much of the stage's pipeline rests on soft data
 * @param publishedProjection a published projection of China's share in the target year (the IEA's base case),
 *                          quoted beside ours; empty when none was published by the period's end
 * @param staleBaselineYear without a current complete set: the year of the newest complete set, too old to use
 *                          (more than {@code baseline.max-age-years} before the period's year); empty otherwise
 * @param coveredByQuota    tracked projects inside a country whose baseline row is a national quota: listed, never
 *                          added to that country's total
 */
public record StageSummary(
        ChainStage stage,
        String unit,
        Optional<Integer> baselineYear,
        List<Baseline> baselineRows,
        List<CountryCapacity> countries,
        int additions,
        Optional<Double> chinaSharePercent,
        Optional<Double> top3SharePercent,
        Optional<Double> hhi,
        Optional<Double> exChinaCapacity,
        Optional<Baseline> publishedShare,
        CapacityTally trackedOperating,
        CapacityTally trackedPipeline,
        int notComparable,
        Map<ProjectStatus, CapacityTally> byStatus,
        Optional<ProjectedShare> projected,
        Optional<ProjectedShare> projectedWeighted,
        SoftData softData,
        Optional<Baseline> publishedProjection,
        Optional<Integer> staleBaselineYear,
        int coveredByQuota) {

    public StageSummary {
        Objects.requireNonNull(stage, "stage");
        baselineRows = List.copyOf(baselineRows);
        countries = List.copyOf(countries);
        EnumMap<ProjectStatus, CapacityTally> ordered = new EnumMap<>(ProjectStatus.class);
        ordered.putAll(byStatus);
        byStatus = Collections.unmodifiableMap(ordered);
        Objects.requireNonNull(softData, "softData");
        Objects.requireNonNull(publishedProjection, "publishedProjection");
        staleBaselineYear = baselineYear.isPresent() ? Optional.empty() : staleBaselineYear;
    }

    /**
     * What a stage without a current complete set says instead of a share: "no current baseline (newest: 2010)"
     * when its newest set is too old, else "no complete baseline".
     */
    public String noBaselineText() {
        return staleBaselineYear.map(y -> "no current baseline (newest: " + y + ")").orElse("no complete baseline");
    }

    /**
     * The baseline row that names the set's publication: China's row (the set's largest and the one its source is
     * about), else the first row.
     */
    public Optional<Baseline> baselineCitation() {
        return baselineRows.stream().filter(b -> b.country().equals(Country.CHINA)).findFirst()
                .or(() -> baselineRows.stream().findFirst());
    }

    /** When the baseline set became public: the latest publication date of its rows, if known. */
    public Optional<LocalDate> baselinePublishedOn() {
        return baselineRows.stream().map(Baseline::publishedOn).filter(Objects::nonNull)
                .max(LocalDate::compareTo);
    }

    /** Whether the projection cannot be computed because none of the projects due is quantified. */
    public boolean projectionNotComputable() {
        return projected.map(p -> !p.computable()).orElse(false);
    }

    public boolean hasCompleteBaseline() {
        return baselineYear.isPresent();
    }

    public double totalOperating() {
        return countries.stream().mapToDouble(CountryCapacity::total).sum();
    }

    /** The weighted projected China share, the headline's "projected" figure. */
    public Optional<Double> projectedChinaSharePercent() {
        return projectedWeighted.flatMap(ProjectedShare::chinaSharePercent);
    }
}
