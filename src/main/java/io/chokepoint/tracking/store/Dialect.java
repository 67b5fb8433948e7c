package io.chokepoint.tracking.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The SQL that differs between the two backends a tracker can live in. Everything else is written once, in SQL
 * both understand; a statement that cannot be asks its tracker's dialect for the part that differs.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The dialect of a connection (for Flyway's Java migrations, which get a bare connection). */
    public static Dialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? POSTGRESQL : SQLITE;
    }

    /** {@code a} and {@code b} differ, NULL counting as a value: SQLite's {@code IS NOT}. */
    public String distinct(String a, String b) {
        return this == SQLITE ? a + " IS NOT " + b : a + " IS DISTINCT FROM " + b;
    }

    /** {@code a} and {@code b} are equal, NULL counting as a value: SQLite's {@code IS}. */
    public String same(String a, String b) {
        return this == SQLITE ? a + " IS " + b : a + " IS NOT DISTINCT FROM " + b;
    }

    /**
     * {@code INSERT OR IGNORE} on SQLite; on PostgreSQL the same insert followed by {@code ON CONFLICT DO NOTHING}.
     *
     * @param insert an {@code INSERT INTO ...} statement
     */
    public String insertOrIgnore(String insert) {
        if (this == SQLITE) {
            return insert.replaceFirst("^INSERT INTO", "INSERT OR IGNORE INTO");
        }
        return insert + " ON CONFLICT DO NOTHING";
    }

    /**
     * {@code INSERT OR REPLACE} on SQLite; on PostgreSQL an upsert on {@code key} that sets every other column.
     *
     * @param insert  an {@code INSERT INTO t (columns) VALUES (...)} statement
     * @param key     the conflict target, e.g. {@code "period, id"}
     * @param columns every column of the insert, comma-separated
     */
    public String insertOrReplace(String insert, String key, String columns) {
        if (this == SQLITE) {
            return insert.replaceFirst("^INSERT INTO", "INSERT OR REPLACE INTO");
        }
        java.util.Set<String> keys = java.util.Set.of(key.replace(" ", "").split(","));
        StringBuilder set = new StringBuilder();
        for (String column : columns.split(",")) {
            String c = column.strip();
            if (!keys.contains(c)) {
                set.append(set.length() == 0 ? "" : ", ").append(c).append(" = excluded.").append(c);
            }
        }
        return insert + " ON CONFLICT (" + key + ") DO UPDATE SET " + set;
    }

    /**
     * A timestamp column read as an instant: ISO-8601 text on SQLite, {@code timestamptz} on PostgreSQL.
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
