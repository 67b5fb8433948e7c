package io.chokepoint.summary;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The valued baseline rows of one stage and year. A set is complete when it has a valued China row and a valued
 * rest-of-world ({@code XX}) row in one unit: only then do its rows add up to the world and China's share can be
 * computed from them (an {@code XX} row alone made September 2025's magnet share 0.0 %).
 */
record BaselineSet(ChainStage stage, int year, List<Baseline> rows) {

    BaselineSet {
        rows = List.copyOf(rows);
    }

    /**
     * The latest current complete set for the stage (rules v3): year ≤ the period's year and at most
     * {@code maxAgeYears} before it, in the stage's unit, made only of rows published by the period's last day (a
     * report never cites a figure published after its date), with a valued China row and a valued rest-of-world
     * ({@code XX}) row of the same {@code ree_group}. Only all-REE rows make a stage's set: a heavy-only figure is
     * never read as the stage's whole.
     */
    static Optional<BaselineSet> latestComplete(List<Baseline> baselines, ChainStage stage, ReportPeriod period,
                                                String unit, int maxAgeYears) {
        return newestComplete(baselines, stage, period, unit)
                .filter(set -> period.year() - set.year() <= maxAgeYears);
    }

    /** The newest complete set whatever its age (for "no current baseline (newest: 2010)"). */
    static Optional<BaselineSet> newestComplete(List<Baseline> baselines, ChainStage stage, ReportPeriod period,
                                                String unit) {
        List<Baseline> usable = baselines.stream()
                .filter(b -> b.stage() == stage && b.hasValue() && b.year() <= period.year() && b.unit().equals(unit)
                        && b.publishedBy(period.lastDay()) && b.allRareEarths())
                .toList();
        return usable.stream()
                .filter(b -> b.country().isRestOfWorld())
                .map(Baseline::year)
                .filter(year -> usable.stream().anyMatch(b -> b.year() == year && b.country().equals(Country.CHINA)))
                .max(Integer::compare)
                .map(year -> new BaselineSet(stage, year, usable.stream().filter(b -> b.year() == year).toList()));
    }

    /**
     * For a stage without a current complete set: the newest published China share, i.e. the share-only or valued
     * China row stating a share that was published last by the period's last day (an unknown publication date
     * ranks first-published), with year ≤ the period's year and within the same age limit as sets. Heavy-only
     * rows are never quoted as the stage's share.
     */
    static Optional<Baseline> latestPublishedShare(List<Baseline> baselines, ChainStage stage, ReportPeriod period,
                                                   int maxAgeYears) {
        return baselines.stream()
                .filter(b -> b.stage() == stage && b.country().equals(Country.CHINA) && b.year() <= period.year()
                        && period.year() - b.year() <= maxAgeYears && b.allRareEarths()
                        && b.sharePercent().isPresent() && b.publishedBy(period.lastDay()))
                .max(Comparator.comparing((Baseline b) -> b.publishedOn() == null ? java.time.LocalDate.MIN
                        : b.publishedOn()).thenComparingInt(Baseline::year));
    }

    /** Whether the set holds a quota row for {@code country}: its tracked projects are then inside the quota. */
    boolean quotaCovers(Country country) {
        return rows.stream().anyMatch(b -> b.country().equals(country) && "quota".equals(b.basis()));
    }

    /**
     * A published projection of China's share for the stage in {@code targetYear} (such as the IEA's base case),
     * published by the period's last day: the latest published one if there are several.
     */
    static Optional<Baseline> publishedProjection(List<Baseline> baselines, ChainStage stage, ReportPeriod period,
                                                  int targetYear) {
        return baselines.stream()
                .filter(b -> b.stage() == stage && b.country().equals(Country.CHINA) && b.year() == targetYear
                        && !b.hasValue() && b.sharePercent().isPresent() && b.publishedBy(period.lastDay()))
                .max(Comparator.comparing(b -> b.publishedOn() == null ? java.time.LocalDate.MIN : b.publishedOn()));
    }

    Map<Country, Double> values() {
        Map<Country, Double> values = new TreeMap<>();
        rows.forEach(b -> values.merge(b.country(), b.valueTpa(), Double::sum));
        return values;
    }
}
