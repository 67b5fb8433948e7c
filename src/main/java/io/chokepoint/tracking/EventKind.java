package io.chokepoint.tracking;

import java.util.Arrays;

/** The kinds of dated fact recorded about a facility. */
public enum EventKind {
    ANNOUNCEMENT("announcement"),
    APPROVAL("approval"),
    FINANCING("financing"),
    FID("fid"),
    CONSTRUCTION_START("construction_start"),
    COMMISSIONING("commissioning"),
    OPERATING_START("operating_start"),
    TARGET_CHANGE("target_change"),
    SUSPENSION("suspension"),
    CANCELLATION("cancellation"),
    CAPACITY_REVISION("capacity_revision"),
    OFFTAKE_SIGNED("offtake_signed"),
    OWNERSHIP_CHANGE("ownership_change"),
    AGREEMENT("agreement");

    private final String code;

    EventKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static EventKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown event '" + code + "', expected one of " + Codes.list(values(), EventKind::code)));
    }
}
