package io.chokepoint.tracking;

import java.util.Objects;

/**
 * What a period's tallies read of a project row: where it is, who owns it, its capacity and which facts it
 * discloses. The analysis reads these straight from SQLite, without the rest of the row.
 *
 * @param capacityTonnes tonnes per year in {@code capacityUnit}; null when the capacity is undisclosed
 * @param capacityUnit   the capacity's unit; null when the capacity is undisclosed
 * @param investment     whether an investment figure is disclosed
 * @param sourced        whether the row cites a source
 */
public record ProjectFacts(ChainStage stage, Country country, Country primaryOwner, Double capacityTonnes,
                           String capacityUnit, boolean investment, OfftakeBinding offtakeBinding, boolean sourced) {

    public ProjectFacts {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(primaryOwner, "primaryOwner");
        Objects.requireNonNull(offtakeBinding, "offtakeBinding");
        if ((capacityTonnes == null) != (capacityUnit == null)) {
            throw new IllegalArgumentException("a capacity needs both tonnes and a unit");
        }
    }

    public static ProjectFacts of(Project project) {
        Capacity c = project.capacity();
        return new ProjectFacts(project.stage(), project.country(), project.primaryOwner(),
                c == null ? null : c.tonnesPerYear(), c == null ? null : c.unit(), project.investment() != null,
                project.offtakeBinding(), isSourced(project.sources()));
    }

    /** A source is any non-blank text. */
    static boolean isSourced(String sources) {
        return sources != null && !sources.isBlank();
    }

    public boolean capacityDisclosed() {
        return capacityUnit != null;
    }

    /** Whether the capacity can be summed with others measured in {@code unit}. */
    public boolean comparableIn(String unit) {
        return capacityUnit != null && capacityUnit.equals(unit);
    }

    /** Whether a capacity is disclosed, but in another unit than {@code unit}: counted, never summed. */
    public boolean inOtherUnitThan(String unit) {
        return capacityUnit != null && !capacityUnit.equals(unit);
    }
}
