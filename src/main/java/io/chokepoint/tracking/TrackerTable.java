package io.chokepoint.tracking;

import java.util.Arrays;
import java.util.List;

/** The tracker's three tables, each with its CSV file format (the columns of the sample data, in their order). */
public enum TrackerTable {
    PROJECTS("projects", TrackerCsv.PROJECT_COLUMNS),
    EVENTS("events", TrackerCsv.EVENT_COLUMNS),
    BASELINES("baselines", TrackerCsv.BASELINE_COLUMNS);

    private final String code;
    private final List<String> columns;

    TrackerTable(String code, List<String> columns) {
        this.code = code;
        this.columns = columns;
    }

    /** The name used on the command line and in the sample file names, e.g. {@code projects}. */
    public String code() {
        return code;
    }

    /** The CSV header, in the order the sample files use and exports write. */
    public List<String> columns() {
        return columns;
    }

    public static TrackerTable fromCode(String code) {
        return Arrays.stream(values())
                .filter(t -> t.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown table '" + code + "', expected one of " + Codes.list(values(), TrackerTable::code)));
    }
}
