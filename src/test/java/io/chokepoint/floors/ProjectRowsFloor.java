package io.chokepoint.floors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * What the bench's Projects-sheet floors share (developer tools of {@code bench/run.sh}, not tests): the tracker's
 * project rows in id order as the sheet's 28 columns (every column of {@code project}; the sheet's few derived columns
 * filled with short text), read once alone and once while a writer writes them; the floor is the difference (the
 * reading is in the bench's sqlite3 scan floor already). It prints
 * {@code rows R columns 28 read_ms A read_and_write_ms B write_ms B-A}.
 */
public final class ProjectRowsFloor {

    /** The Projects sheet's columns (ExcelReportWriter). */
    public static final int COLUMNS = 28;

    /** Receives the rows: a row's start, then each value (nothing for a null). */
    public interface Rows {
        void startRow(long index, ResultSetMetaData meta) throws Exception;

        void number(int column, double value) throws Exception;

        void text(int column, String value) throws Exception;
    }

    /** A writer of the rows into {@code out}, started before the rows and finished after them. */
    public interface Writer {
        Rows start(Path out) throws Exception;

        void finish() throws Exception;
    }

    private ProjectRowsFloor() {
    }

    /** Runs the floor for {@code args} (TRACKER.db ROWS OUT.xlsx) with {@code writer}; {@code name} is for usage. */
    public static void run(String name, String[] args, Writer writer) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: " + name + " TRACKER.db ROWS OUT.xlsx");
            System.exit(2);
        }
        String url = "jdbc:sqlite:" + Path.of(args[0]).toAbsolutePath();
        long rows = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        try (Connection c = DriverManager.getConnection(url)) {
            long start = System.nanoTime();
            long read = read(c, rows, null);
            long readMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            read(c, rows, writer.start(out));
            writer.finish();
            long bothMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("rows %d columns %d read_ms %d read_and_write_ms %d write_ms %d%n", read, COLUMNS,
                    readMs, bothMs, Math.max(0, bothMs - readMs));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Reads up to {@code rows} projects, giving each to {@code sink} when there is one. Returns the rows read. */
    private static long read(Connection c, long rows, Rows sink) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM project ORDER BY id LIMIT ?")) {
            s.setLong(1, rows);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                int n = meta.getColumnCount();
                long count = 0;
                while (r.next()) {
                    if (sink == null) {
                        for (int i = 1; i <= n; i++) {
                            r.getObject(i);
                        }
                    } else {
                        sink.startRow(count, meta);
                        for (int i = 0; i < COLUMNS; i++) {
                            if (i >= n) {
                                sink.text(i, i % 2 == 0 ? "yes" : "operating");
                            } else if (isNumber(meta.getColumnType(i + 1))) {
                                double v = r.getDouble(i + 1);
                                if (!r.wasNull()) {
                                    sink.number(i, v);
                                }
                            } else {
                                String v = r.getString(i + 1);
                                if (v != null) {
                                    sink.text(i, v);
                                }
                            }
                        }
                    }
                    count++;
                }
                return count;
            }
        }
    }

    private static boolean isNumber(int type) throws SQLException {
        return type == Types.INTEGER || type == Types.BIGINT || type == Types.REAL || type == Types.DOUBLE
                || type == Types.FLOAT || type == Types.NUMERIC || type == Types.DECIMAL;
    }
}
