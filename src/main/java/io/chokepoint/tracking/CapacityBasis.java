package io.chokepoint.tracking;

import java.util.Arrays;

/** What a capacity figure measures: a plant's design, a goal, real output, a contract or a state quota. */
public enum CapacityBasis {
    NAMEPLATE("nameplate"),
    TARGET("target"),
    ACTUAL_OUTPUT("actual_output"),
    CONTRACT("contract"),
    QUOTA("quota");

    private final String code;

    CapacityBasis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CapacityBasis fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown capacity basis '" + code + "', expected one of " + Codes.list(values(), CapacityBasis::code)));
    }
}
