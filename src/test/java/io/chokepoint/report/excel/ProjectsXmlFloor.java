package io.chokepoint.report.excel;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.chokepoint.floors.ProjectRowsFloor;

/**
 * A developer tool of {@code bench/run.sh}, not a test: the floor of writing the Projects sheet with the job's own
 * writer ({@link SheetXml} rows in a temporary file, put into POI's sheet by {@link StreamedWorkbook}, zipped at the
 * fastest level), one sheet (the bench's trackers stay under Excel's row limit), no styles, tables or other sheets.
 * The rows and the timing are {@link ProjectRowsFloor}'s, as for plain SXSSF's floor.
 *
 * <pre>java -cp target/test-classes:DIST/lib/* io.chokepoint.report.excel.ProjectsXmlFloor TRACKER.db ROWS OUT.xlsx</pre>
 */
public final class ProjectsXmlFloor {

    private ProjectsXmlFloor() {
    }

    public static void main(String[] args) throws Exception {
        ProjectRowsFloor.run("ProjectsXmlFloor", args, new ProjectRowsFloor.Writer() {
            private Path out;
            private Path xml;
            private BufferedWriter writer;
            private SheetXml sheet;

            @Override
            public ProjectRowsFloor.Rows start(Path file) throws Exception {
                out = file;
                xml = Files.createTempFile("projects-floor-", ".xml");
                writer = Files.newBufferedWriter(xml, StandardCharsets.UTF_8);
                sheet = new SheetXml(writer);
                return new ProjectRowsFloor.Rows() {
                    private boolean open;

                    @Override
                    public void startRow(long index, ResultSetMetaData meta) {
                        if (open) {
                            sheet.endRow();
                        }
                        sheet.startRow((int) index + 1);
                        open = true;
                    }

                    @Override
                    public void number(int column, double value) {
                        sheet.number(column, value, 0);
                    }

                    @Override
                    public void text(int column, String value) {
                        sheet.text(column, value);
                    }
                };
            }

            @Override
            public void finish() throws Exception {
                try {
                    if (sheet.lastRow() >= 0) {
                        sheet.endRow();
                    }
                    writer.close();
                    try (StreamedWorkbook workbook = new StreamedWorkbook(new XSSFWorkbook(), 200);
                         OutputStream file = Files.newOutputStream(out)) {
                        workbook.createSheet("Projects");
                        workbook.appendRows("Projects", xml, sheet);
                        workbook.write(file);
                        workbook.dispose();
                    }
                } finally {
                    Files.deleteIfExists(xml);
                }
            }
        });
    }
}
