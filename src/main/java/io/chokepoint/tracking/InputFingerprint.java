package io.chokepoint.tracking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;

/**
 * A fingerprint of the tracker's input data: SHA-256 over every row of {@code project}, {@code facility_event} and
 * {@code baseline}, in a deterministic order. Two trackers with the same facts have the same fingerprint, whatever
 * order the rows were imported in; a changed, added or removed fact changes it.
 *
 * <p>Surrogate keys ({@code facility_event.id}, {@code baseline.id}) are left out: they only say in which order
 * rows were inserted. Every other column is hashed, by name, with NULL distinct from an empty string.
 */
public final class InputFingerprint {

    /** The tables that feed a report, in hashing order. */
    static final List<String> TABLES = List.of("project", "facility_event", "baseline");

    /**
     * Orders that are total over a table's rows and that an index serves: ordering 9.9 million events by every
     * column made SQLite sort them all, a third of the job's time at a million projects. The event identity
     * (V1's facility_event_identity, the same expressions) is unique, and so is a project's id.
     */
    private static final Map<String, String> ORDER_BY_UNIQUE_INDEX = Map.of(
            "project", "id",
            "facility_event", "facility_id, date, event, ifnull(status_after, ''), ifnull(value, ''), ifnull(source, '')");

    private InputFingerprint() {
    }

    /** The fingerprint of the tracker's current input rows, as {@code sha256:} followed by 64 hex digits. */
    public static String of(TrackerDatabase tracker) {
        MessageDigest digest = sha256();
        Dialect dialect = tracker.dialect();
        org.jdbi.v3.core.HandleConsumer<RuntimeException> hashAll = h -> {
            // In a run on PostgreSQL: the rows the run read, whatever was imported since.
            tracker.snapshot().ifPresent(id -> InputSnapshot.join(h, id));
            for (String table : TABLES) {
                hashTable(h, table, digest, dialect);
            }
        };
        if (dialect == Dialect.SQLITE) {
            tracker.jdbi().useTransaction(hashAll);
        } else {
            tracker.jdbi().useTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, hashAll);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void hashTable(Handle h, String table, MessageDigest digest, Dialect dialect) {
        List<String> columns = h.createQuery(dialect == Dialect.SQLITE
                        ? "SELECT name FROM pragma_table_info(:table) ORDER BY cid"
                        // PostgreSQL's project.rowid stands for SQLite's implicit one: not a column there either.
                        : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                                + " AND table_name = :table AND column_name <> 'rowid' ORDER BY ordinal_position")
                .bind("table", table)
                .mapTo(String.class)
                .list()
                .stream()
                .filter(c -> !(c.equals("id") && !table.equals("project")))
                // When a fact was recorded is not part of the fact: the same facts give the same fingerprint.
                .filter(c -> !c.equals("recorded_at"))
                .sorted()
                .toList();
        String list = columns.stream().collect(Collectors.joining(", "));
        String order = ORDER_BY_UNIQUE_INDEX.getOrDefault(table,
                // Ordering by every hashed column makes the order total over distinct rows; equal rows hash equally.
                columns.stream().map(c -> c + " IS NULL, " + c).collect(Collectors.joining(", ")));
        update(digest, table);
        update(digest, list);
        h.createQuery("SELECT " + list + " FROM " + table + " ORDER BY " + order)
                .reduceResultSet(digest, (d, rs, ctx) -> {
                    hashRow(rs, columns.size(), d, dialect);
                    return d;
                });
    }

    private static void hashRow(ResultSet rs, int columns, MessageDigest digest, Dialect dialect)
            throws SQLException {
        digest.update((byte) 'R');
        for (int i = 1; i <= columns; i++) {
            String value = dialect == Dialect.SQLITE ? rs.getString(i) : asSqliteText(rs, i);
            if (value == null) {
                digest.update((byte) 0);
            } else {
                digest.update((byte) 1);
                update(digest, value);
            }
        }
    }

    /**
     * A PostgreSQL value as SQLite's text of the same value, so that the same facts have the same fingerprint on
     * both backends: a double as SQLite prints a REAL (shortest round-trip digits, {@code 1234.0}, {@code 1.0e+20});
     * dates and text read the same on both already.
     */
    private static String asSqliteText(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Double d) {
            return sqliteReal(d);
        }
        return value == null ? null : rs.getString(column);
    }

    /** SQLite's text of a REAL: like C's {@code %!.17g} on the shortest digits that read back as the same double. */
    static String sqliteReal(double d) {
        if (d == 0) {
            return "0.0";
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 17) {
            String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = exact.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
