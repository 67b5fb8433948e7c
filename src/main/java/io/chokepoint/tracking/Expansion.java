package io.chokepoint.tracking;

import java.util.Objects;

/**
 * A planned expansion of an operating project: a {@code target} capacity stated with the year it is due. In the
 * projection its increment over today's capacity counts from that year on.
 */
public record Expansion(Capacity capacity, int year) {
    public Expansion {
        Objects.requireNonNull(capacity, "capacity");
    }
}
