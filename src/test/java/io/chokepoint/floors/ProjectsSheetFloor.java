package io.chokepoint.floors;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A developer tool of {@code bench/run.sh}, not a test: the floor of writing the workbook's Projects sheet. It writes
 * ROWS rows of 28 columns (the Projects sheet's width) with plain POI SXSSF, zipped at the fastest deflate level as
 * the job's workbook is, from the tracker's project rows read in id order (every column of {@code project}; the
 * sheet's few derived columns are filled with short text), continuing on a new sheet past Excel's row limit. Nothing
 * else: no styles, no tables, no other sheets. It reads only the {@code project} table, so it does not depend on how
 * the job keeps its period rows.
 *
 * <p>Two passes in one JVM: the rows read through JDBC alone, then read and written; it prints both, and the
 * write floor is the difference (the reading is in the bench's sqlite3 scan floor already).
 *
 * <pre>java -cp target/test-classes:DIST/lib/* io.chokepoint.floors.ProjectsSheetFloor TRACKER.db ROWS OUT.xlsx</pre>
 */
public final class ProjectsSheetFloor {

    /** The Projects sheet's columns (ExcelReportWriter). */
    private static final int COLUMNS = 28;
    /** Rows per sheet, header included, as the job splits them. */
    private static final int MAX_ROWS = 1_048_576;
    /** SXSSF rows kept in memory, as the job's workbook. */
    private static final int WINDOW = 200;

    private ProjectsSheetFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ProjectsSheetFloor TRACKER.db ROWS OUT.xlsx");
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
            try (SXSSFWorkbook workbook = new FastestZip(); OutputStream file = Files.newOutputStream(out)) {
                read(c, rows, workbook);
                workbook.write(file);
                workbook.dispose();
            }
            long bothMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("rows %d columns %d read_ms %d read_and_write_ms %d write_ms %d%n", read, COLUMNS,
                    readMs, bothMs, Math.max(0, bothMs - readMs));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Reads up to {@code rows} projects; writes each as a row when given a workbook. Returns the rows read. */
    private static long read(Connection c, long rows, SXSSFWorkbook workbook) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM project ORDER BY id LIMIT ?")) {
            s.setLong(1, rows);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                int n = meta.getColumnCount();
                long count = 0;
                SXSSFSheet sheet = null;
                int rowInSheet = 0;
                while (r.next()) {
                    if (workbook == null) {
                        for (int i = 1; i <= n; i++) {
                            r.getObject(i);
                        }
                    } else {
                        if (sheet == null || rowInSheet == MAX_ROWS) {
                            sheet = workbook.createSheet("Projects" + (sheet == null ? "" : " (" + (count / (MAX_ROWS - 1) + 1) + ")"));
                            Row header = sheet.createRow(0);
                            for (int i = 0; i < COLUMNS; i++) {
                                header.createCell(i).setCellValue(i < n ? meta.getColumnName(i + 1) : "derived " + i);
                            }
                            rowInSheet = 1;
                        }
                        Row row = sheet.createRow(rowInSheet++);
                        for (int i = 0; i < COLUMNS; i++) {
                            if (i >= n) {
                                row.createCell(i).setCellValue(i % 2 == 0 ? "yes" : "operating");
                            } else if (isNumber(meta.getColumnType(i + 1))) {
                                double v = r.getDouble(i + 1);
                                if (!r.wasNull()) {
                                    row.createCell(i).setCellValue(v);
                                }
                            } else {
                                String v = r.getString(i + 1);
                                if (v != null) {
                                    Cell cell = row.createCell(i);
                                    cell.setCellValue(v);
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

    private static boolean isNumber(int type) {
        return type == Types.INTEGER || type == Types.BIGINT || type == Types.REAL || type == Types.DOUBLE
                || type == Types.FLOAT || type == Types.NUMERIC || type == Types.DECIMAL;
    }

    /** As the job's workbook: zipped at the fastest deflate level. */
    private static final class FastestZip extends SXSSFWorkbook {
        FastestZip() {
            super(WINDOW);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }
}
