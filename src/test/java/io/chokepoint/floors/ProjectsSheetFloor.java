package io.chokepoint.floors;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A developer tool of {@code bench/run.sh}, not a test: the floor of writing the workbook's Projects sheet with plain
 * POI SXSSF (window 200, zipped at the fastest deflate level as the job's workbook is, continued on a second sheet past
 * Excel's row limit), kept beside the job's own writer's floor ({@code ProjectsXmlFloor}) for reference. No styles,
 * tables or other sheets. The rows and the timing are {@link ProjectRowsFloor}'s.
 *
 * <pre>java -cp target/test-classes:DIST/lib/* io.chokepoint.floors.ProjectsSheetFloor TRACKER.db ROWS OUT.xlsx</pre>
 */
public final class ProjectsSheetFloor {

    /** Rows per sheet, header included, as the job splits them. */
    private static final int MAX_ROWS = 1_048_576;
    /** SXSSF rows kept in memory, as the job's workbook. */
    private static final int WINDOW = 200;

    private ProjectsSheetFloor() {
    }

    public static void main(String[] args) throws Exception {
        ProjectRowsFloor.run("ProjectsSheetFloor", args, new ProjectRowsFloor.Writer() {
            private SXSSFWorkbook workbook;
            private Path out;

            @Override
            public ProjectRowsFloor.Rows start(Path file) {
                out = file;
                workbook = new FastestZip();
                return new ProjectRowsFloor.Rows() {
                    private SXSSFSheet sheet;
                    private int rowInSheet;
                    private Row row;

                    @Override
                    public void startRow(long index, ResultSetMetaData meta) throws Exception {
                        if (sheet == null || rowInSheet == MAX_ROWS) {
                            sheet = workbook.createSheet("Projects"
                                    + (sheet == null ? "" : " (" + (index / (MAX_ROWS - 1) + 1) + ")"));
                            Row header = sheet.createRow(0);
                            for (int i = 0; i < ProjectRowsFloor.COLUMNS; i++) {
                                header.createCell(i).setCellValue(i < meta.getColumnCount()
                                        ? meta.getColumnName(i + 1) : "derived " + i);
                            }
                            rowInSheet = 1;
                        }
                        row = sheet.createRow(rowInSheet++);
                    }

                    @Override
                    public void number(int column, double value) {
                        row.createCell(column).setCellValue(value);
                    }

                    @Override
                    public void text(int column, String value) {
                        row.createCell(column).setCellValue(value);
                    }
                };
            }

            @Override
            public void finish() throws Exception {
                try (OutputStream file = Files.newOutputStream(out)) {
                    workbook.write(file);
                } finally {
                    workbook.dispose();
                    workbook.close();
                }
            }
        });
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
