package io.chokepoint.tracking;

import java.util.Arrays;

/** The rare-earth supply chain's stages, in chain order. */
public enum ChainStage {
    MINING("mining"),
    CONCENTRATION("concentration"),
    SEPARATION("separation"),
    METAL("metal"),
    ALLOY("alloy"),
    MAGNET("magnet"),
    RECYCLING("recycling");

    private final String code;

    ChainStage(String code) {
        this.code = code;
    }

    /** The stage's name as written in the tracker data, e.g. {@code separation}. */
    public String code() {
        return code;
    }

    public static ChainStage fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown stage '" + code + "', expected one of " + Codes.list(values(), ChainStage::code)));
    }
}
