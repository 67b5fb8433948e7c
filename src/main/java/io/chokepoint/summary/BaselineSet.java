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
 * The valued baseline rows of one stage and year. A set is complete when it has a rest-of-world ({@code XX})
 * row: only then do its rows add up to the world and shares can be computed from them.
 */
record BaselineSet(ChainStage stage, int year, List<Baseline> rows) {

    BaselineSet {
        rows = List.copyOf(rows);
    }

    /**
     * The latest complete set for the stage with year ≤ the period's year, in the stage's unit, made only of rows
     * published by the period's last day (a report never cites a figure published after its date).
     */
    static Optional<BaselineSet> latestComplete(List<Baseline> baselines, ChainStage stage, ReportPeriod period,
                                                String unit) {
        List<Baseline> usable = baselines.stream()
                .filter(b -> b.stage() == stage && b.hasValue() && b.year() <= period.year() && b.unit().equals(unit)
                        && b.publishedBy(period.lastDay()))
                .toList();
        return usable.stream()
                .filter(b -> b.country().isRestOfWorld())
                .map(Baseline::year)
                .max(Integer::compare)
                .map(year -> new BaselineSet(stage, year, usable.stream().filter(b -> b.year() == year).toList()));
    }

    /**
     * For a stage without a complete set: the latest published China share (a row that states one) with year ≤ the
     * period's year, published by its last day.
     */
    static Optional<Baseline> latestPublishedShare(List<Baseline> baselines, ChainStage stage, ReportPeriod period) {
        return baselines.stream()
                .filter(b -> b.stage() == stage && b.country().equals(Country.CHINA) && b.year() <= period.year()
                        && b.sharePercent().isPresent() && b.publishedBy(period.lastDay()))
                .max(Comparator.comparingInt(Baseline::year));
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
