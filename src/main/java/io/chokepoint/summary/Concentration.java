package io.chokepoint.summary;

import java.util.List;
import java.util.Optional;

import io.chokepoint.tracking.Country;

/**
 * Concentration measures over country capacities. Rest of world is a remainder, not a country: it is never in
 * the top three and adds nothing to the HHI, which is therefore a lower bound.
 */
record Concentration(Optional<Double> chinaShare, Optional<Double> top3Share, Optional<Double> hhi, double exChina) {

    static Concentration of(List<CountryCapacity> countries, double total) {
        double china = countries.stream().filter(c -> c.country().equals(Country.CHINA))
                .mapToDouble(CountryCapacity::total).sum();
        if (total <= 0) {
            return new Concentration(Optional.empty(), Optional.empty(), Optional.empty(), total - china);
        }
        List<CountryCapacity> named = countries.stream().filter(c -> !c.country().isRestOfWorld()).toList();
        double top3 = named.stream().map(CountryCapacity::total).sorted((a, b) -> Double.compare(b, a)).limit(3)
                .mapToDouble(Double::doubleValue).sum();
        double hhi = named.stream().mapToDouble(c -> Math.pow(100 * c.total() / total, 2)).sum();
        return new Concentration(Optional.of(100 * china / total), Optional.of(100 * top3 / total), Optional.of(hhi),
                total - china);
    }
}
