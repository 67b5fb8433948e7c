package io.chokepoint.summary;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * The valued baseline rows of one stage and year. A set is complete when it has a rest-of-world ({@code XX})
 * row: only then do its rows add up to the world and shares can be computed from them.
 */
record BaselineSet(ChainStage stage, int year, List<Baseline> rows) {

    BaselineSet {
        rows = List.copyOf(rows);
    }

    /** The latest complete set for the stage with year ≤ {@code maxYear}, in the stage's unit. */
    static Optional<BaselineSet> latestComplete(List<Baseline> baselines, ChainStage stage, int maxYear, String unit) {
        return baselines.stream()
                .filter(b -> b.stage() == stage && b.hasValue() && b.year() <= maxYear && b.unit().equals(unit)
                        && b.country().isRestOfWorld())
                .map(Baseline::year)
                .max(Integer::compare)
                .map(year -> new BaselineSet(stage, year, baselines.stream()
                        .filter(b -> b.stage() == stage && b.year() == year && b.hasValue() && b.unit().equals(unit))
                        .toList()));
    }

    /**
     * For a stage without a complete set: the latest published China share (a share-only row, or a row whose
     * notes give {@code share_pct}) with year ≤ {@code maxYear}.
     */
    static Optional<Baseline> latestPublishedShare(List<Baseline> baselines, ChainStage stage, int maxYear) {
        return baselines.stream()
                .filter(b -> b.stage() == stage && b.country().equals(Country.CHINA) && b.year() <= maxYear
                        && b.sharePercent().isPresent())
                .max(Comparator.comparingInt(Baseline::year));
    }

    Map<Country, Double> values() {
        Map<Country, Double> values = new TreeMap<>();
        rows.forEach(b -> values.merge(b.country(), b.valueTpa(), Double::sum));
        return values;
    }
}
