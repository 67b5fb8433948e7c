package io.chokepoint.tracking;

/** Where a facility stands, from a study to commercial production (or its end). */
public enum ProjectStatus {
    STUDY("study"),
    ANNOUNCED("announced"),
    APPROVED("approved"),
    FINANCING("financing"),
    UNDER_CONSTRUCTION("under_construction"),
    COMMISSIONING("commissioning"),
    OPERATING("operating"),
    SUSPENDED("suspended"),
    CANCELLED("cancelled");

    private final String code;

    ProjectStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Not yet producing commercially, but still alive: what the report calls the pipeline. */
    public boolean isPipeline() {
        return this != OPERATING && this != SUSPENDED && this != CANCELLED;
    }

    public static ProjectStatus fromCode(String code) {
        // A loop, not a stream: every row read looks codes up, millions of times in a large report.
        for (ProjectStatus value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "unknown status '" + code + "', expected one of " + Codes.list(values(), ProjectStatus::code));
    }
}
