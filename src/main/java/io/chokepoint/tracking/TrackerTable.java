package io.chokepoint.tracking;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The tracker's three tables and their columns: the one list of each table's columns, in the order of the sample
 * data's CSV files, which the CSV format, the store, the fingerprint and the generator all use.
 */
public enum TrackerTable {
    PROJECTS("projects",
            List.of("id", "facility_id", "company", "owner_country", "facility", "country", "region", "stage",
                    "status", "status_as_of", "capacity_tpa", "capacity_unit", "capacity_basis", "investment_amount",
                    "investment_currency", "investment_usd_m", "announced_on", "target_year", "offtake",
                    "offtake_binding", "confidence", "sources", "notes", "status_as_of_precision", "ree_group"),
            23,
            List.of("id", "facility_id", "company", "owner_country", "facility", "country", "stage", "status"),
            Set.of("target_year"), Set.of("capacity_tpa", "investment_usd_m")),
    // Files in the earlier format lack the typed event columns (capacity, money, date precision), a baseline's
    // published_on and the ree_group columns: they still import, and their rows carry no such facts.
    EVENTS("events",
            List.of("facility_id", "date", "event", "status_after", "value", "notes", "source", "stage",
                    "target_year", "capacity_tpa", "capacity_unit", "capacity_basis", "amount", "amount_currency",
                    "amount_usd_m", "funding_kind", "funding_status", "date_precision"),
            7,
            List.of("facility_id", "date", "event"),
            // An amount stays text: KRW 28,500,000,000 must read back exactly.
            Set.of("target_year"), Set.of("capacity_tpa", "amount_usd_m")),
    BASELINES("baselines",
            List.of("country", "stage", "year", "value_tpa", "unit", "basis", "source", "confidence", "notes",
                    "published_on", "ree_group"),
            9,
            List.of("country", "stage", "year", "basis"),
            Set.of("year"), Set.of("value_tpa"));

    /** How a column's values are stored and compared: as text, a whole number or a decimal. */
    public enum ColumnType { TEXT, INTEGER, DECIMAL }

    private final String code;
    private final List<String> columns;
    private final int requiredInHeader;
    private final List<String> requiredValues;
    private final Set<String> integers;
    private final Set<String> decimals;

    TrackerTable(String code, List<String> columns, int requiredInHeader, List<String> requiredValues,
                 Set<String> integers, Set<String> decimals) {
        this.code = code;
        this.columns = columns;
        this.requiredInHeader = requiredInHeader;
        this.requiredValues = requiredValues;
        this.integers = integers;
        this.decimals = decimals;
    }

    /** The type of one of {@link #columns()}: an amount of money is text, so that no digit is lost. */
    public ColumnType typeOf(String column) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("table " + code + " has no column " + column);
        }
        return integers.contains(column) ? ColumnType.INTEGER
                : decimals.contains(column) ? ColumnType.DECIMAL : ColumnType.TEXT;
    }

    /** The name used on the command line and in the sample file names, e.g. {@code projects}. */
    public String code() {
        return code;
    }

    /** The columns, in the order the sample files use and exports write. */
    public List<String> columns() {
        return columns;
    }

    /** The columns a file of this table must have (the rest may be missing, as in files of an earlier format). */
    public List<String> headerRequired() {
        return columns.subList(0, requiredInHeader);
    }

    /** The columns every row must give a value for. */
    public List<String> requiredValues() {
        return requiredValues;
    }

    public static TrackerTable fromCode(String code) {
        return Arrays.stream(values())
                .filter(t -> t.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown table '" + code + "', expected one of " + Codes.list(values(), TrackerTable::code)));
    }
}
