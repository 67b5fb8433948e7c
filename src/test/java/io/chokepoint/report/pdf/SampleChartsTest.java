package io.chokepoint.report.pdf;

import static io.chokepoint.report.pdf.PdfReportWriterTest.squash;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestReports;
import io.chokepoint.report.Report;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.TrackerDatabase;

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
}
