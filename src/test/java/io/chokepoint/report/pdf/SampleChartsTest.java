package io.chokepoint.report.pdf;

import static io.chokepoint.report.pdf.PdfReportWriterTest.squash;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestReports;
import io.chokepoint.report.Report;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** The December 2025 PDF on the embedded sample, read back with PDFBox: a chart for every stage, with sources. */
class SampleChartsTest {

    @TempDir
    Path dir;

    @Test
    void everyStageWithData_hasItsChart_withAxisTitlesAndASourceLine_andAmountsAreReadable() throws Exception {
        TrackerDatabase tracker = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        Report report = TestReports.of(tracker, ReportPeriod.parse("2025-12"), LocalDate.of(2026, 1, 2));
        Path pdf = dir.resolve("report.pdf");
        new PdfReportWriter().write(report, pdf);

        String text = squash(ReportFileReader.pdfText(pdf));

        // Complete baselines (sample baselines.csv): mining, separation, magnet.
        for (String stage : new String[]{"mining·tREO", "separation·tREO", "magnet·tmagnet"}) {
            assertThat(text).contains(stage);
        }
        // Metal: only the published 97 % (2024, Rare Earth Exchanges citing IEEE Spectrum), shown as a point.
        assertThat(text).contains(squash("metal · published share only"), squash("97.0 % (2024)"),
                squash("Source: published share 2024 (Rare Earth Exchanges (citing IEEE Spectrum) n.d.)"));
        // No baseline and no published share, but tracked capacity: concentration, alloy, recycling.
        assertThat(text).contains(squash("concentration · tracked projects · t REO"),
                squash("alloy · tracked projects · t alloy"), squash("recycling · tracked projects · t feed"));
        // Capacity outside China has charts of its own.
        assertThat(text).contains(squash("Capacity outside China, now and in 2030"),
                squash("separation outside China · t REO"), squash("magnet outside China · t magnet"));
        // Axis titles and source lines.
        assertThat(text).contains(squash("t REO per year"), squash("China's share, %"),
                squash("Source: baseline 2024"), squash("Source: tracked projects (Chokepoint tracker); not a census."));
        // LS Eco Energy's approval: the amount in its own currency, with the USD its source gave.
        assertThat(text).contains(squash("KRW 28.5 bn (\u2248 US$19.3 M)"));
        assertThat(text).doesNotContain("28500000000");
    }

    @Test
    void theSourcesTable_neverLeavesOneRowAloneOnAPage() throws Exception {
        TrackerDatabase tracker = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        Report report = TestReports.of(tracker, ReportPeriod.parse("2025-12"), LocalDate.of(2026, 1, 2));
        Path pdf = dir.resolve("report.pdf");
        new PdfReportWriter().write(report, pdf);
        // Each row of the sources table says how its figure is used; nothing else in the report says it that way.
        Pattern sourceRow = Pattern.compile(", baseline\\s*set|published share quoted");

        int rows = 0;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                Matcher m = sourceRow.matcher(stripper.getText(document));
                int onPage = 0;
                while (m.find()) {
                    onPage++;
                }
                assertThat(onPage).as("source rows on page %d", page).isNotEqualTo(1);
                rows += onPage;
            }
        }
        // The baseline sets used (mining 2024: 5 rows, since MCS 2026's 2025 set was published only on 2026-01-31;
        // separation 2024: 2; magnet 2025: 2) and metal's published share.
        assertThat(rows).isEqualTo(10);
    }
}
