package io.chokepoint.tracking;

/** Whether at least one binding offtake contract is reported for a facility. */
public enum OfftakeBinding {
    YES, NO, UNKNOWN;

    private static final Codes<OfftakeBinding> CODES = Codes.of(values(), "offtake_binding");

    public String code() {
        return CODES.code(this);
    }

    public static OfftakeBinding fromCode(String code) {
        return CODES.parse(code);
    }
}
