package io.chokepoint.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestReports;
import io.chokepoint.TestTrackers;
import io.chokepoint.report.Report;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.summary.Change;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** The real writer on reports built from the small fixture (and edge cases of it), read back with PDFBox. */
class PdfReportWriterTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");
    private static final LocalDate GENERATED = LocalDate.of(2026, 2, 3);

    @TempDir
    Path dir;

    @Test
    void charts_areVectorForms_withTextLabels_andNoPictures() throws IOException {
        Path pdf = write(fixtureReport(JANUARY), "report.pdf");

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // Page 1 is words and a table (what moved, where each stage stands, solid vs soft); the share chart
            // opens page 2 and the capacity charts follow on page 3.
            for (int page = 1; page < 3; page++) {
                List<PDImageXObject> images = new ArrayList<>();
                List<PDFormXObject> forms = new ArrayList<>();
                collect(document.getPage(page).getResources(), images, forms);
                assertThat(images).as("images on page %d", page + 1).isEmpty();
                assertThat(forms).as("chart forms on page %d", page + 1).isNotEmpty();
                for (PDFormXObject form : forms) {
                    // Bars are filled paths (move, line, fill) and labels are text shown in a font, not pixels.
                    assertThat(operators(form)).as("operators of a chart on page %d", page + 1)
                            .contains("m", "l", "f", "BT", "Tf").containsAnyOf("Tj", "TJ");
                }
            }
            // Labels only the charts carry: the share chart's legend and axis, the capacity chart's bar label.
            assertThat(squash(pageText(document, 2))).contains(squash("Now: baseline + tracked projects"),
                    squash("China's share, %"), squash("2030, risk-weighted"));
            assertThat(squash(pageText(document, 3))).contains(squash("China 90.9 %"), squash("t magnet per year"),
                    squash("2030 as announced"));
        }
    }

    @Test
    void sameReport_writtenTwice_sameText() throws IOException {
        Report report = fixtureReport(ReportPeriod.parse("2026-02"));

        String first = ReportFileReader.pdfText(write(report, "first.pdf"));
        String second = ReportFileReader.pdfText(write(report, "second.pdf"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void moreThanFortyChanges_showsTheFortyMostRecent_andCountsTheRest() throws IOException {
        Report fixture = fixtureReport(JANUARY);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // Oldest first, as the analysis lists them: FAC-00 on 1 January ... FAC-44 on 23 January.
            changes.add(new Change(LocalDate.of(2026, 1, 1).plusDays(i / 2), "approval", String.format("FAC-%02d", i),
                    List.of(String.format("FAC-%02d-MET", i)), "Company " + i, List.of(ChainStage.METAL), "announced",
                    "approved", "Board approval", "Source " + i, true));
        }
        Analysis analysis = new Analysis(fixture.analysis().current(), fixture.analysis().previous(), changes);
        Report report = new Report(JANUARY, GENERATED, analysis, fixture.baselines(), fixture.projects());

        String text = ReportFileReader.pdfText(write(report, "report.pdf"));

        for (int i = 5; i < 45; i++) {
            assertThat(text).contains(String.format("FAC-%02d", i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(text).doesNotContain(String.format("FAC-%02d", i));
        }
        assertThat(squash(text)).contains(squash("45 changes in January 2026. The 40 most recent are shown; 5 more are "
                + "listed in the workbook"));
        // Newest first.
        assertThat(text.indexOf("FAC-44")).isLessThan(text.indexOf("FAC-05"));
    }

    @Test
    void trackerWithNoData_stillWritesEverySection() throws IOException {
        Analysis nothing = Analysis.builder(JANUARY, AnalysisSettings.defaults(), List.of(), List.of()).finish();
        Report report = new Report(JANUARY, GENERATED, nothing, List.of(), sink -> { });

        String text = ReportFileReader.pdfText(write(report, "empty.pdf"));

        assertThat(squash(text)).contains(squash("No stage has a complete baseline this period, so no China share is computed."),
                squash("No stage has a complete baseline, a published share or a tracked capacity this period, so nothing is charted"),
                squash("No changes were recorded in January 2026"),
                squash("No tracked projects in this period."),
                squash("No baseline figure was used"),
                "Methodology");
        assertThat(text).doesNotContain("NaN", "Infinity");
    }

    private Report fixtureReport(ReportPeriod period) {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker-" + period + ".db"), "small-tracker");
        return TestReports.of(tracker, period, GENERATED);
    }

    private Path write(Report report, String name) throws IOException {
        Path pdf = dir.resolve(name);
        new PdfReportWriter().write(report, pdf);
        assertThat(Files.size(pdf)).isPositive();
        return pdf;
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static void collect(PDResources resources, List<PDImageXObject> images, List<PDFormXObject> forms)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image);
            } else if (object instanceof PDFormXObject form) {
                forms.add(form);
                collect(form.getResources(), images, forms);
            }
        }
    }

    private static List<String> operators(PDFormXObject form) throws IOException {
        List<String> operators = new ArrayList<>();
        for (Object token : new PDFStreamParser(form).parse()) {
            if (token instanceof Operator operator) {
                operators.add(operator.getName());
            }
        }
        return operators;
    }

    /** Text without whitespace: line breaks fall wherever the layout puts them. */
    static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
