package io.chokepoint.tracking;

/** The rare-earth supply chain's stages, in chain order. */
public enum ChainStage {
    MINING, CONCENTRATION, SEPARATION, METAL, ALLOY, MAGNET, RECYCLING;

    private static final Codes<ChainStage> CODES = Codes.of(values(), "stage");

    /** The stage's name as written in the tracker data, e.g. {@code separation}. */
    public String code() {
        return CODES.code(this);
    }

    public static ChainStage fromCode(String code) {
        return CODES.parse(code);
    }
}
