package io.chokepoint.tracking;

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
        // A loop, not a stream: every row read looks codes up, millions of times in a large report.
        for (ChainStage value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "unknown stage '" + code + "', expected one of " + Codes.list(values(), ChainStage::code));
    }
}
