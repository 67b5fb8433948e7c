package io.chokepoint.tracking;

/** Where a facility stands, from a study to commercial production (or its end). */
public enum ProjectStatus {
    STUDY, ANNOUNCED, APPROVED, FINANCING, UNDER_CONSTRUCTION, COMMISSIONING, OPERATING, SUSPENDED, CANCELLED;

    private static final Codes<ProjectStatus> CODES = Codes.of(values(), "status");

    public String code() {
        return CODES.code(this);
    }

    /** Not yet producing commercially, but still alive: what the report calls the pipeline. */
    public boolean isPipeline() {
        return this != OPERATING && this != SUSPENDED && this != CANCELLED;
    }

    public static ProjectStatus fromCode(String code) {
        return CODES.parse(code);
    }
}
