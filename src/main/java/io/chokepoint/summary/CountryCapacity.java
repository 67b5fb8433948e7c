package io.chokepoint.summary;

import java.util.Objects;

import io.chokepoint.tracking.Country;

/**
 * A country's operating capacity at a stage: its baseline figure plus tracked projects that started operating
 * after the baseline year, and its share of the stage's total.
 */
public record CountryCapacity(Country country, double baseline, double added, double sharePercent) {
    public CountryCapacity {
        Objects.requireNonNull(country, "country");
    }

    public double total() {
        return baseline + added;
    }
}
