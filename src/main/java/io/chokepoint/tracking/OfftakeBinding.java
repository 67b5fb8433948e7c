package io.chokepoint.tracking;

/** Whether at least one binding offtake contract is reported for a facility. */
public enum OfftakeBinding {
    YES("yes"),
    NO("no"),
    UNKNOWN("unknown");

    private final String code;

    OfftakeBinding(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static OfftakeBinding fromCode(String code) {
        // A loop, not a stream: every row read looks codes up, millions of times in a large report.
        for (OfftakeBinding value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "unknown offtake_binding '" + code + "', expected one of " + Codes.list(values(), OfftakeBinding::code));
    }
}
