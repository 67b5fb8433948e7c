package io.chokepoint.batch;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.report.Formats;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** The real job on the embedded sample data: the workbook and the PDF carry the same headline numbers. */
class SameNumbersInBothFilesTest {

    @TempDir
    Path dir;

    @Test
    void sampleData_headlineNumbersOfTheWorkbook_appearInThePdf() throws Exception {
        ReportPeriod period = ReportPeriod.parse("2026-01");
        new ReportJob(TrackerDatabase.open(dir.resolve("chokepoint.db"))).start(period, dir.resolve("reports"));
        ReportFiles files = new ReportFiles(dir.resolve("reports"), period);

        String pdf = ReportFileReader.pdfText(files.pdf()).replaceAll("\\s+", " ");
        int checked = 0;
        try (Workbook workbook = ReportFileReader.workbook(files.workbook())) {
            Sheet stages = workbook.getSheet("Stages");
            for (ChainStage stage : ChainStage.values()) {
                Row row = row(stages, stage.code()).orElseThrow();
                Cell share = row.getCell(column(stages, "China share"));
                if (share == null) {
                    // No complete baseline: both files quote the published share instead, or say there is none.
                    assertThat(row.getCell(column(stages, "Note")).getStringCellValue()).startsWith("no complete baseline");
                    continue;
                }
                String now = Formats.percent(share.getNumericCellValue() * 100);
                String top3 = Formats.percent(row.getCell(column(stages, "Top-3 share")).getNumericCellValue() * 100);
                String hhi = Formats.tonnes(row.getCell(column(stages, "HHI")).getNumericCellValue());
                Cell weighted = row.getCell(column(stages, "Projected China share 2030 (risk-weighted)"));
                // A projection is a share, or empty with a note saying why it cannot be computed: the PDF prints
                // either.
                String projected = weighted == null
                        ? row.getCell(column(stages, "Projection note")).getStringCellValue()
                        : Formats.percent(weighted.getNumericCellValue() * 100);
                String change = Formats.points(row.getCell(column(stages, "China share change since last month")).getNumericCellValue());
                // The first page's row and the concentration table's row, as the PDF prints them.
                assertThat(pdf).contains(stage.code() + " " + now + " " + change);
                assertThat(pdf).contains(projected.substring(0, Math.min(projected.length(), 20)));
                // The concentration table names the top three and marks the share a lower bound (rest of world).
                assertThat(pdf).contains(" \u2265 " + top3 + " " + hhi);
                checked++;
            }
        }
        assertThat(checked).as("stages with a computed share").isEqualTo(3);
    }
}
