package io.chokepoint.report.pdf;

import java.nio.file.Path;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import io.chokepoint.report.AtomicFile;
import io.chokepoint.report.Report;

/**
 * Writes a period's report as an A4 landscape PDF with OpenPDF, in reading order: a first page a busy reader can
 * stop after (headline sentences, China's share per stage now and projected with the month's change, the share
 * chart), capacity by country, what changed this month, the stage concentration table, the midstream focus, the
 * country × stage matrix, solid vs soft, and the methodology with every baseline figure's source. Charts are
 * vector graphics and all text is in the embedded DejaVu fonts, so it can be searched and extracted. Only
 * aggregates and bounded lists go into the PDF, so its size does not grow with the number of projects.
 * Keeps no state between calls; not meant for concurrent writes (OpenPDF shares its font cache), and the job
 * writes one report at a time.
 */
public final class PdfReportWriter {

    public void write(Report report, Path target) {
        AtomicFile.write(target, out -> {
            PdfFonts fonts = new PdfFonts();
            Document document = page();
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(report, fonts));
            document.addTitle("Chokepoint " + report.period() + ": rare-earth processing capacity");
            document.addSubject("Where rare-earth processing capacity is being built and whether it is moving away from China");
            document.addCreator("Chokepoint");
            document.open();
            Layout layout = new Layout(document, writer, fonts);
            Charts charts = new Charts(fonts);
            FirstPage firstPage = new FirstPage(layout, report, charts, new OnePage(PdfReportWriter::page, fonts));
            firstPage.write();
            document.newPage();
            firstPage.writeOverview();
            new CapacitySection(layout, report, charts).write();
            RebalancingSection rebalancing = new RebalancingSection(layout, report, charts);
            rebalancing.trajectory();
            new ChangesSection(layout, report).write();
            new AttributionSection(layout, report).write();
            StageSections stages = new StageSections(layout, report);
            stages.concentration();
            stages.midstream();
            new HeavySection(layout, report, charts).write();
            rebalancing.trackRecord();
            stages.countryStageMatrix();
            stages.solidVsSoft();
            new SourcesSection(layout, report).write();
            document.close();
        });
    }

    /** A new document of the report's page size and margins: A4 landscape. */
    private static Document page() {
        return new Document(PageSize.A4.rotate(), 36, 36, 34, 44);
    }

    /** Period, page number and generation date at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final Report report;
        private final PdfFonts fonts;

        Footer(Report report, PdfFonts fonts) {
            this.report = report;
            this.fonts = fonts;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            PdfContentByte canvas = writer.getDirectContent();
            String text = "Chokepoint " + report.period() + "  ·  page " + writer.getPageNumber()
                    + "  ·  generated " + report.generatedOn();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(text, fonts.small()),
                    (page.getLeft() + page.getRight()) / 2, page.getBottom() + 20, 0);
        }
    }
}
