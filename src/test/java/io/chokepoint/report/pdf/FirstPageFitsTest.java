package io.chokepoint.report.pdf;

import static io.chokepoint.report.pdf.PdfReportWriterTest.squash;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Every sample month's PDF, made by the real job on the embedded sample: page 1 ends on page 1, whatever the month
 * holds. Page 2 opens with the next section ("In brief"), page 1 holds its own layout down to its last line, and a
 * list cut short says how many more there are and where.
 */
class FirstPageFitsTest {

    /** A stage's line under "What is solid and what is soft". */
    private static final Pattern STAGE_LINE = Pattern.compile("•\\s+[a-z]+: \\d+ of \\d+ pipeline projects? soft");
    private static final Pattern MORE_STAGES = Pattern.compile(
            "and (\\d+) more stages? \\(see \"Solid vs soft: what the pipeline rests on\"\\)\\.");

    @TempDir
    Path dir;

    @Test
    void everySampleMonth_firstPageFitsOnePage_cutListsSayHowManyMoreAndWhere() throws Exception {
        Path reports = dir.resolve("reports");
        ReportJob job = new ReportJob(TrackerDatabase.open(dir.resolve("chokepoint.db")));
        List<String> cut = new ArrayList<>();
        int months = 0;
        for (ReportPeriod p = ReportPeriod.parse("2025-01"); !p.equals(ReportPeriod.parse("2026-03")); p = p.next()) {
            job.start(p, reports);
            months++;
            ReportFiles files = new ReportFiles(reports, p);
            String[] pages = pages(files.pdf());
            String one = pages[0].replaceAll("\\s+", " ");

            assertThat(pages[1].strip()).as(p + ": page 2 opens with the next section").startsWith("In brief");
            assertThat(one).as(p.toString()).contains("rare-earth processing capacity, " + p.title(),
                    "What moved this month", "Where each stage stands", "What is solid and what is soft");
            // The page's last line: the definition of soft, or that there is no pipeline at all.
            assertThat(squash(pages[0])).as(p.toString()).containsAnyOf(squash("Soft: missing any of a disclosed "
                    + "capacity, an investment figure, a target year, a binding offtake or a dated source; the "
                    + "workbook's Data gaps sheet lists what each project lacks."),
                    squash("No tracked pipeline projects."));
            // A mover, or "Nothing moved", is never cut away: the section always has its first bullet.
            assertThat(one).as(p.toString()).contains("What moved this month • ");

            // Stage lines shown plus "and N more" = the stages with pipeline projects, counted in the workbook.
            int stagesWithPipeline = stagesWithPipeline(files.workbook());
            int shown = count(STAGE_LINE.matcher(one));
            Matcher more = MORE_STAGES.matcher(one);
            int hidden = more.find() ? Integer.parseInt(more.group(1)) : 0;
            assertThat(shown).as(p + ": stage lines on page 1").isPositive();
            assertThat(shown + hidden).as(p + ": stages with pipeline projects").isEqualTo(stagesWithPipeline);
            if (hidden > 0 || one.contains(" more change")) {
                cut.add(p + " (" + shown + " of " + stagesWithPipeline + " stages"
                        + (one.contains(" more change") ? ", a \"more changes\" line" : "") + ")");
            }
        }
        assertThat(months).isEqualTo(14);
        // The sample's busy months need cutting: the test sees the cut lists, not only pages that fit anyway.
        assertThat(cut).as("months with a list cut short").isNotEmpty();
        System.out.println("Page 1 lists cut short: " + cut);
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The Summary's disclosure table: stages whose "Pipeline projects" is above 0. */
    private static int stagesWithPipeline(Path xlsx) throws IOException {
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet summary = workbook.getSheet("Summary");
            Row header = ReportFileReader.row(summary, "Stage (pipeline projects by disclosure score)").orElseThrow();
            int column = header.getLastCellNum() - 1;
            assertThat(header.getCell(column).getStringCellValue()).isEqualTo("Pipeline projects");
            int stages = 0;
            for (int r = header.getRowNum() + 1; summary.getRow(r) != null; r++) {
                if (summary.getRow(r).getCell(column).getNumericCellValue() > 0) {
                    stages++;
                }
            }
            return stages;
        }
    }

    private static String[] pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String[] pages = new String[2];
            for (int page = 1; page <= 2; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages[page - 1] = stripper.getText(document);
            }
            return pages;
        }
    }
}
