package io.chokepoint.tracking;

/** The kinds of dated fact recorded about a facility. */
public enum EventKind {
    ANNOUNCEMENT,
    APPROVAL,
    FINANCING,
    FID,
    CONSTRUCTION_START,
    COMMISSIONING,
    OPERATING_START,
    TARGET_CHANGE,
    SUSPENSION,
    CANCELLATION,
    CAPACITY_REVISION,
    OFFTAKE_SIGNED,
    OWNERSHIP_CHANGE,
    AGREEMENT;

    private static final Codes<EventKind> CODES = Codes.of(values(), "event");

    public String code() {
        return CODES.code(this);
    }

    public static EventKind fromCode(String code) {
        return CODES.parse(code);
    }
}
