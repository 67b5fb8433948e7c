package io.chokepoint.summary;

import java.util.List;
import java.util.Optional;

/**
 * A stage's capacity by country in the target year: operating capacity plus the projects counted toward it, each in
 * full (as announced) or times its status's risk weight. Both count the same set: every reported project that is
 * neither operating nor cancelled, with a target year no later and a capacity, plus the planned expansions of
 * operating projects due by then.
 *
 * @param projects     how many projects the set holds (quantified or not)
 * @param quantified   how many of them have a capacity in the stage's unit, so that they are added
 * @param unquantified the ids of the others (the first few, in id order): counted and named, never added as 0
 */
public record ProjectedShare(int targetYear, boolean riskWeighted, List<CountryCapacity> countries,
                             Optional<Double> chinaSharePercent, double total, int projects, int quantified,
                             List<String> unquantified, java.util.SortedSet<String> otherUnits, int notComparable) {

    /** How many unquantified projects are named at most. */
    public static final int NAMED = 20;

    public ProjectedShare {
        countries = List.copyOf(countries);
        unquantified = List.copyOf(unquantified);
        otherUnits = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(otherUnits));
        if (projects > 0 && quantified == 0) { // not computable(): the fields are not assigned yet
            chinaSharePercent = Optional.empty();
        }
    }

    /**
     * Whether the projection can be computed: either nothing is due by the target year (the projection is today's
     * capacity), or at least one project due is quantified. When none is, the result is unknown, not "+0.0 pp".
     */
    public boolean computable() {
        return projects == 0 || quantified > 0;
    }

    /** What the report prints instead of a share when the projection is not computable. */
    public String notComputableText() {
        if (notComparable == 0) {
            return "not computable (" + projects + (projects == 1 ? " project" : " projects") + ", capacity undisclosed)";
        }
        // A capacity disclosed in another unit is not comparable, never "undisclosed".
        int undisclosed = projects - notComparable;
        return "not computable (" + projects + (projects == 1 ? " project" : " projects") + ": "
                + (undisclosed > 0 ? undisclosed + " capacity undisclosed, " : "") + notComparable
                + " not comparable (" + String.join(", ", otherUnits) + "))";
    }

    /** A projection with every unquantified project's capacity undisclosed. */
    public ProjectedShare(int targetYear, boolean riskWeighted, List<CountryCapacity> countries,
                          Optional<Double> chinaSharePercent, double total, int projects, int quantified,
                          List<String> unquantified) {
        this(targetYear, riskWeighted, countries, chinaSharePercent, total, projects, quantified, unquantified,
                new java.util.TreeSet<>(), 0);
    }
}
