package io.chokepoint.tracking;

import java.util.Arrays;

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
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown offtake_binding '" + code + "', expected one of " + Codes.list(values(), OfftakeBinding::code)));
    }
}
