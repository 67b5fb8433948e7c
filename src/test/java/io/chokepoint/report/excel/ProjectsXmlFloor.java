package io.chokepoint.report.excel;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A developer tool of {@code bench/run.sh}, not a test: the floor of writing the Projects sheet with the job's own
 * writer ({@link SheetXml} rows put into POI's sheet by {@link StreamedWorkbook}, zipped at the fastest level), as
 * {@code io.chokepoint.floors.ProjectsSheetFloor} measures it for plain SXSSF: ROWS rows of 28 columns from the
 * tracker's project rows in id order (the derived columns filled with short text), no styles, tables or other sheets,
 * one sheet (the bench's trackers stay under Excel's row limit). The rows are read once alone and once while written;
 * the floor is the difference.
 *
 * <pre>java -cp target/test-classes:DIST/lib/* io.chokepoint.report.excel.ProjectsXmlFloor TRACKER.db ROWS OUT.xlsx</pre>
 */
public final class ProjectsXmlFloor {

    private static final int COLUMNS = 28;

    private ProjectsXmlFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ProjectsXmlFloor TRACKER.db ROWS OUT.xlsx");
            System.exit(2);
        }
        String url = "jdbc:sqlite:" + Path.of(args[0]).toAbsolutePath();
        long rows = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Path xml = Files.createTempFile("projects-floor-", ".xml");
        try (Connection c = DriverManager.getConnection(url)) {
            long start = System.nanoTime();
            long read = read(c, rows, null);
            long readMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            SheetXml sheet;
            try (BufferedWriter w = Files.newBufferedWriter(xml, StandardCharsets.UTF_8)) {
                sheet = new SheetXml(w);
                read(c, rows, sheet);
            }
            try (StreamedWorkbook workbook = new StreamedWorkbook(new XSSFWorkbook(), 200);
                 OutputStream file = Files.newOutputStream(out)) {
                workbook.createSheet("Projects");
                workbook.appendRows("Projects", xml, sheet);
                workbook.write(file);
                workbook.dispose();
            }
            long bothMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("rows %d columns %d read_ms %d read_and_write_ms %d write_ms %d%n", read, COLUMNS,
                    readMs, bothMs, Math.max(0, bothMs - readMs));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(xml);
        }
    }

    /** Reads up to {@code rows} projects; writes each as a row when given a writer. Returns the rows read. */
    private static long read(Connection c, long rows, SheetXml sheet) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM project ORDER BY id LIMIT ?")) {
            s.setLong(1, rows);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                int n = meta.getColumnCount();
                long count = 0;
                while (r.next()) {
                    if (sheet == null) {
                        for (int i = 1; i <= n; i++) {
                            r.getObject(i);
                        }
                    } else {
                        sheet.startRow((int) count + 1);
                        for (int i = 0; i < COLUMNS; i++) {
                            if (i >= n) {
                                sheet.text(i, i % 2 == 0 ? "yes" : "operating");
                            } else if (isNumber(meta.getColumnType(i + 1))) {
                                double v = r.getDouble(i + 1);
                                if (!r.wasNull()) {
                                    sheet.number(i, v, 0);
                                }
                            } else {
                                sheet.text(i, r.getString(i + 1));
                            }
                        }
                        sheet.endRow();
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
}
