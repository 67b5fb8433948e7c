package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;

/**
 * Copies a whole tracker into another, typically a SQLite file into a PostgreSQL database: the input tables, the
 * stakeholders and the deliveries, and the period rows and dates that later reports build on. The target's schema is
 * migrated first; the rows go in one transaction, so a failed copy leaves the target as it was. Afterwards the row
 * counts and the input fingerprints of both sides must agree. The job repository is not copied: runs start afresh.
 */
public final class TrackerCopy {

    /** Every table copied, in an order that inserts nothing before what it refers to. */
    static final List<String> TABLES = List.of("project", "facility_event", "baseline", "export_control",
            "stakeholders", "deliveries", "period_project", "period_report");
    /** How rows are read, so surrogate keys and export order carry over. */
    private static final Map<String, String> ORDER = Map.of("project", "rowid", "facility_event", "id",
            "baseline", "id", "export_control", "id", "stakeholders", "email", "deliveries", "id", "period_project", "period, id",
            "period_report", "period");
    private static final int BATCH = 5_000;

    /** What was copied: rows per table, and the input fingerprint found on both sides. */
    public record Result(Map<String, Long> rows, String fingerprint) {
        public Result {
            rows = Map.copyOf(rows);
        }
    }

    private TrackerCopy() {
    }

    /**
     * @param replace whether rows already in the target may be replaced; without it a target that holds any row is
     *                refused
     * @throws TrackerException one line: a non-empty target, or counts or fingerprints that disagree
     */
    public static Result copy(TrackerDatabase from, TrackerDatabase to, boolean replace) {
        if (from.location().equals(to.location())) {
            throw new TrackerException("cannot copy " + from.location() + " onto itself");
        }
        Map<String, Long> targetRows = counts(to);
        long present = targetRows.values().stream().mapToLong(Long::longValue).sum();
        if (present > 0 && !replace) {
            throw new TrackerException("the target " + to.location() + " is not empty (" + describe(targetRows)
                    + "): nothing was copied; copy into an empty database, or add --replace to replace its rows");
        }
        Map<String, Long> copied = new LinkedHashMap<>();
        try (Handle source = from.jdbi().open(); Handle target = to.jdbi().open()) {
            target.begin();
            try {
                if (present > 0) {
                    for (int i = TABLES.size() - 1; i >= 0; i--) {
                        target.execute("DELETE FROM " + TABLES.get(i));
                    }
                }
                for (String table : TABLES) {
                    copied.put(table, copyTable(source, from.dialect(), target, to.dialect(), table));
                }
                if (to.dialect() == Dialect.POSTGRESQL) {
                    for (String table : List.of("facility_event", "baseline", "deliveries")) {
                        // ids were copied as they are: new rows carry on after the highest
                        target.createQuery("SELECT setval(pg_get_serial_sequence(:t, 'id'),"
                                        + " coalesce((SELECT max(id) FROM " + table + "), 0) + 1, false)")
                                .bind("t", table).mapTo(Long.class).one();
                    }
                }
                target.commit();
            } catch (SQLException e) {
                target.rollback();
                throw new TrackerException("cannot copy " + from.location() + " to " + to.location() + ": "
                        + e.getMessage().lines().findFirst().orElse("") + "; nothing was copied", e);
            } catch (RuntimeException e) {
                target.rollback();
                throw e;
            }
        }
        Map<String, Long> after = counts(to);
        if (!after.equals(copied) || !counts(from).equals(copied)) {
            throw new TrackerException("copied " + describe(copied) + " but the target now holds " + describe(after)
                    + ": check that nothing else writes to " + to.location() + " and copy again with --replace");
        }
        String source = InputFingerprint.of(from);
        String target = InputFingerprint.of(to);
        if (!source.equals(target)) {
            throw new TrackerException("the copy's input fingerprint " + target + " differs from the source's "
                    + source + ": the copy is not faithful; please report it");
        }
        return new Result(copied, source);
    }

    private static long copyTable(Handle source, Dialect from, Handle target, Dialect to, String table)
            throws SQLException {
        List<String> columns = columns(source, from, table);
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        long rows = 0;
        Connection in = source.getConnection();
        boolean autoCommit = in.getAutoCommit();
        if (from == Dialect.POSTGRESQL) {
            in.setAutoCommit(false); // a server-side cursor, fetched in batches
        }
        try (Statement select = in.createStatement();
             PreparedStatement write = target.getConnection().prepareStatement(insert)) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table
                    + " ORDER BY " + ORDER.get(table))) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, value(rs.getObject(i), to));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        } finally {
            if (from == Dialect.POSTGRESQL) {
                in.rollback();
                in.setAutoCommit(autoCommit);
            }
        }
        return rows;
    }

    /** A value as the target stores it: PostgreSQL's dates and timestamps become SQLite's ISO text. */
    private static Object value(Object value, Dialect to) {
        if (to == Dialect.SQLITE && value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (to == Dialect.SQLITE && value instanceof Timestamp t) {
            return java.time.format.DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
        }
        return value;
    }

    private static List<String> columns(Handle h, Dialect dialect, String table) {
        List<String> columns = h.createQuery(dialect == Dialect.SQLITE
                        ? "SELECT name FROM pragma_table_info(:table) ORDER BY cid"
                        : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                                + " AND table_name = :table ORDER BY ordinal_position")
                .bind("table", table).mapTo(String.class).list();
        List<String> copied = new ArrayList<>(columns);
        copied.remove("rowid"); // PostgreSQL's stand-in for SQLite's implicit rowid numbers itself
        return copied;
    }

    private static Map<String, Long> counts(TrackerDatabase tracker) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tracker.jdbi().useHandle(h -> TABLES.forEach(t -> counts.put(t,
                h.createQuery("SELECT count(*) FROM " + t).mapTo(Long.class).one())));
        return counts;
    }

    static String describe(Map<String, Long> rows) {
        return rows.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
