package io.chokepoint.tracking;

/** What a capacity figure measures: a plant's design, a goal, real output, a contract or a state quota. */
public enum CapacityBasis {
    NAMEPLATE, TARGET, ACTUAL_OUTPUT, CONTRACT, QUOTA;

    private static final Codes<CapacityBasis> CODES = Codes.of(values(), "capacity basis");

    public String code() {
        return CODES.code(this);
    }

    public static CapacityBasis fromCode(String code) {
        return CODES.parse(code);
    }
}
