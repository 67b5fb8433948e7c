package io.chokepoint.tracking.store;

import io.chokepoint.tracking.store.StoredColumns.Column;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fingerprint of the tracker's input data: every row of {@code project}, {@code facility_event} and
 * {@code baseline}. Two trackers with the same facts have the same fingerprint, whatever order the rows were
 * imported in; a changed, added or removed fact changes it.
 *
 * <p>Each row is hashed alone (SHA-256 over its columns, typed, NULL distinct from an empty string), and a table's
 * row digests are added up modulo 2<sup>256</sup>, with the table's row count. The sum does not depend on the order
 * rows are read in, so the snapshot step computes it while the rows stream through it, chunk by chunk, keeping the
 * running sums in its checkpoint ({@link Partial}); nothing reads the tables again just to hash them. {@link #of}
 * recomputes the same value by reading each table once, in whatever order the database returns it.
 *
 * <p>Surrogate keys ({@code facility_event.id}, {@code baseline.id}) and when an event was recorded are left out: they
 * say in which order and when rows were inserted, not what they state. The columns are listed here, not asked of
 * the database, so that a column added later is a deliberate change of the fingerprint.
 */
public final class InputFingerprint {

    /** One input table and the columns of it that are hashed, in hashing order. */
    static final class Table {
        final int index;
        final String name;
        final List<Column> columns;
        final Map<String, Integer> positions;

        private Table(int index, String name, List<Column> columns) {
            this.index = index;
            this.name = name;
            this.columns = List.copyOf(columns);
            this.positions = IntStream.range(0, columns.size()).boxed()
                    .collect(Collectors.toMap(i -> columns.get(i).name(), Function.identity()));
        }

        /** The column list, for a SELECT. */
        String names() {
            return columns.stream().map(Column::name).collect(Collectors.joining(", "));
        }
    }

    static final Table PROJECT = new Table(0, "project", StoredColumns.PROJECT);
    static final Table FACILITY_EVENT = new Table(1, "facility_event", StoredColumns.FACILITY_EVENT);
    static final Table BASELINE = new Table(2, "baseline", StoredColumns.BASELINE);
    static final Table EXPORT_CONTROL = new Table(3, "export_control", StoredColumns.CONTROL);

    /** The tables that feed a report, in the order their sums are combined. */
    static final List<Table> TABLES = List.of(PROJECT, FACILITY_EVENT, BASELINE, EXPORT_CONTROL);

    // 4: the export controls are a report input (rules v3).
    private static final String VERSION = "chokepoint input fingerprint 4";

    private InputFingerprint() {
    }

    /** Adds every row of {@code table}, whole, to {@code partial}. */
    static void addAll(org.jdbi.v3.core.Handle h, Table table, Partial partial) {
        HashedRow row = new HashedRow(table);
        h.createQuery("SELECT " + table.names() + " FROM " + table.name)
                .reduceResultSet(partial, (p, rs, ctx) -> {
                    row.read(rs, 1);
                    p.add(row);
                    return p;
                });
    }

    /**
     * The fingerprint of the tracker's current input rows, as {@code sha256:} followed by 64 hex digits, recomputed
     * by reading every table once (within one transaction).
     */
    public static String of(TrackerDatabase tracker) {
        Partial partial = new Partial();
        org.jdbi.v3.core.HandleConsumer<RuntimeException> hashAll = h -> {
            // In a run on PostgreSQL: the rows the run read, whatever was imported since.
            tracker.snapshot().ifPresent(id -> InputSnapshot.join(h, id));
            for (Table table : TABLES) {
                addAll(h, table, partial);
            }
        };
        if (tracker.dialect() == Dialect.SQLITE) {
            tracker.jdbi().useTransaction(hashAll);
        } else {
            tracker.jdbi().useTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, hashAll);
        }
        return partial.complete();
    }

    /**
     * The running fingerprint of the rows hashed so far: per table, how many rows and the sum of their digests.
     * Serializable: the snapshot step keeps it in its checkpoint, so a restart goes on from the rows already hashed.
     * Not thread-safe.
     */
    public static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;

        private final long[] counts = new long[TABLES.size()];
        /** Per table, the 256-bit sum as four 64-bit words, most significant first. */
        private final long[][] sums = new long[TABLES.size()][4];

        public Partial() {
        }

        /** A copy, so that a checkpoint holds the sums as they were when it was taken. */
        public Partial copy() {
            Partial copy = new Partial();
            for (int t = 0; t < counts.length; t++) {
                copy.counts[t] = counts[t];
                copy.sums[t] = sums[t].clone();
            }
            return copy;
        }

        void add(HashedRow row) {
            add(row.table, row.digest());
        }

        /** Adds a row of {@code table} given its {@link HashedRow#digest()}. */
        void add(Table table, byte[] digest) {
            int t = table.index;
            counts[t]++;
            long[] sum = sums[t];
            ByteBuffer words = ByteBuffer.wrap(digest);
            long carry = 0;
            for (int w = 3; w >= 0; w--) {
                long a = sum[w];
                long b = words.getLong(w * 8);
                long s = a + b + carry;
                // Unsigned overflow of a + b + carry.
                carry = Long.compareUnsigned(s, a) < 0 || (carry == 1 && s == a) ? 1 : 0;
                sum[w] = s;
            }
        }

        /** Rows hashed so far, per table in {@link #TABLES} order. */
        long[] counts() {
            return counts.clone();
        }

        /** The fingerprint of every row added, as {@code sha256:} followed by 64 hex digits. */
        public String complete() {
            MessageDigest digest = sha256();
            update(digest, VERSION);
            for (Table table : TABLES) {
                update(digest, table.name);
                update(digest, table.names());
                ByteBuffer totals = ByteBuffer.allocate(8 + 32).putLong(counts[table.index]);
                for (long word : sums[table.index]) {
                    totals.putLong(word);
                }
                digest.update(totals.array());
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Partial p && Arrays.equals(counts, p.counts) && Arrays.deepEquals(sums, p.sums);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(counts) * 31 + Arrays.deepHashCode(sums);
        }
    }

    /**
     * One row of a table, read once by position (the SELECT lists {@link Table#columns} in order, from a given
     * column on), which both hashes it and maps it to a domain value ({@link RowColumns}). Not thread-safe: it is
     * reused for every row of a cursor.
     */
    static final class HashedRow implements RowColumns {
        private final Table table;
        private final Object[] values;
        private final MessageDigest digest = sha256();
        /** The row's encoding, hashed in one update. */
        private byte[] buffer = new byte[512];
        private int length;

        HashedRow(Table table) {
            this.table = table;
            this.values = new Object[table.columns.size()];
        }

        /** Reads the row's columns from {@code rs}, the first at column index {@code first}. */
        void read(ResultSet rs, int first) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                int column = first + i;
                values[i] = switch (table.columns.get(i).type()) {
                    case TEXT -> rs.getString(column);
                    case INTEGER -> {
                        long v = rs.getLong(column);
                        yield rs.wasNull() ? null : v;
                    }
                    case REAL -> {
                        double v = rs.getDouble(column);
                        yield rs.wasNull() ? null : v;
                    }
                };
            }
        }

        /** SHA-256 of the row's values, each tagged with its type and NULL distinct from empty text. */
        byte[] digest() {
            length = 0;
            for (Object value : values) {
                if (value == null) {
                    put((byte) 0);
                } else if (value instanceof String s) {
                    put((byte) 1);
                    putText(s);
                } else if (value instanceof Long l) {
                    put((byte) 2);
                    putLong(l);
                } else {
                    put((byte) 3);
                    putLong(Double.doubleToLongBits((Double) value));
                }
            }
            digest.update(buffer, 0, length);
            return digest.digest();
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        private void put(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        private void putLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (v >>> shift);
            }
        }

        /** UTF-8, length-prefixed (4 bytes), so that ("ab", "c") and ("a", "bc") differ. */
        private void putText(String s) {
            int n = s.length();
            ensure(4 + n);
            int start = length;
            length += 4;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) { // not ASCII: encode the whole text properly
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    length = start + 4;
                    ensure(bytes.length);
                    System.arraycopy(bytes, 0, buffer, length, bytes.length);
                    length += bytes.length;
                    break;
                }
                buffer[length++] = (byte) c;
            }
            int bytes = length - start - 4;
            buffer[start] = (byte) (bytes >>> 24);
            buffer[start + 1] = (byte) (bytes >>> 16);
            buffer[start + 2] = (byte) (bytes >>> 8);
            buffer[start + 3] = (byte) bytes;
        }

        private int position(String column) {
            Integer position = table.positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException(table.name + " has no hashed column " + column);
            }
            return position;
        }

        @Override
        public String text(String column) {
            return (String) values[position(column)];
        }

        @Override
        public Double real(String column) {
            return (Double) values[position(column)];
        }

        @Override
        public Integer integer(String column) {
            Long value = (Long) values[position(column)];
            return value == null ? null : Math.toIntExact(value);
        }
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
