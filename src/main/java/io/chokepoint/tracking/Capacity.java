package io.chokepoint.tracking;

import java.util.Objects;

/** A disclosed capacity for one stage: tonnes per year in a unit, on a basis. */
public record Capacity(double tonnesPerYear, String unit, CapacityBasis basis) {
    public Capacity {
        if (!(tonnesPerYear >= 0) || Double.isInfinite(tonnesPerYear)) {
            throw new IllegalArgumentException("capacity must be a non-negative number, was " + tonnesPerYear);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("capacity needs a unit");
        }
        Objects.requireNonNull(basis, "basis");
    }
}
