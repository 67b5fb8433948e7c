package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stored columns of the input tables, derived from the one column list of each table ({@link TrackerTable}):
 * an event's target year is stored as two columns (the year, and whether the timeline was withdrawn), and a
 * baseline keeps the share its notes state, typed. The store, the import and the input fingerprint all read them.
 */
final class StoredColumns {

    /** A column's declared type: how it is read, bound and hashed. */
    enum Type { TEXT, INTEGER, REAL }

    record Column(String name, Type type) {
    }

    static final List<Column> PROJECT = of(TrackerTable.PROJECTS, null);
    static final List<Column> FACILITY_EVENT = of(TrackerTable.EVENTS, null);
    static final List<Column> BASELINE = of(TrackerTable.BASELINES, new Column("share_pct", Type.REAL));

    private StoredColumns() {
    }

    /** The table's columns with their types, an event's target year as two, and {@code last} (if any) at the end. */
    private static List<Column> of(TrackerTable table, Column last) {
        List<Column> columns = new ArrayList<>();
        for (String name : table.columns()) {
            columns.add(new Column(name, switch (table.typeOf(name)) {
                case TEXT -> Type.TEXT;
                case INTEGER -> Type.INTEGER;
                case DECIMAL -> Type.REAL;
            }));
            if (table == TrackerTable.EVENTS && name.equals("target_year")) {
                columns.add(new Column("target_withdrawn", Type.INTEGER));
            }
        }
        if (last != null) {
            columns.add(last);
        }
        return List.copyOf(columns);
    }

    static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    static String joined(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
