package io.chokepoint.summary;

/**
 * Projects counted together and the capacity they disclose in the stage's canonical unit. Undisclosed and
 * non-comparable capacities are counted, never added as zero.
 */
public record CapacityTally(int projects, double tonnes, int undisclosed, int notComparable) {

    public static final CapacityTally EMPTY = new CapacityTally(0, 0, 0, 0);

    public CapacityTally {
        if (projects < 0 || undisclosed < 0 || notComparable < 0 || undisclosed + notComparable > projects) {
            throw new IllegalArgumentException("inconsistent tally");
        }
        if (!(tonnes >= 0)) {
            throw new IllegalArgumentException("tonnes must be non-negative");
        }
    }

    /** Projects whose capacity was added into {@link #tonnes()}. */
    public int comparable() {
        return projects - undisclosed - notComparable;
    }

    /** There are projects but none disclosed a capacity: the figure is unknown, not zero. */
    public boolean allUndisclosed() {
        return projects > 0 && undisclosed == projects;
    }

    CapacityTally plusUndisclosed() {
        return new CapacityTally(projects + 1, tonnes, undisclosed + 1, notComparable);
    }

    CapacityTally plusNotComparable() {
        return new CapacityTally(projects + 1, tonnes, undisclosed, notComparable + 1);
    }

    CapacityTally plus(double capacity) {
        return new CapacityTally(projects + 1, tonnes + capacity, undisclosed, notComparable);
    }
}
