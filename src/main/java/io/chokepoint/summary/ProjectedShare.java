package io.chokepoint.summary;

import java.util.List;
import java.util.Optional;

/**
 * A stage's capacity by country in the target year: operating capacity plus pipeline projects whose target
 * year is no later, each counted in full (as announced) or times its status's risk weight.
 */
public record ProjectedShare(int targetYear, boolean riskWeighted, List<CountryCapacity> countries,
                             Optional<Double> chinaSharePercent, double total) {
    public ProjectedShare {
        countries = List.copyOf(countries);
    }
}
