package io.chokepoint.report.pdf;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import io.chokepoint.report.AtomicFile;
import io.chokepoint.report.Formats;
import io.chokepoint.report.Report;
import io.chokepoint.summary.CountryStageCell;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * Writes a period's report as a PDF with OpenPDF: headline shares, the stage concentration table, the
 * country × stage matrix and the sources of every baseline figure. Only aggregates go into the PDF, so its
 * size does not grow with the number of projects.
 */
public final class PdfReportWriter {

    public void write(Report report, Path target) {
        AtomicFile.write(target, out -> {
            PdfFonts fonts = new PdfFonts();
            Document document = new Document(PageSize.A4.rotate(), 36, 36, 40, 44);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(report, fonts));
            document.addTitle("Chokepoint " + report.period());
            document.addCreator("Chokepoint");
            document.open();
            new Sections(report, fonts, document).writeAll();
            document.close();
        });
    }

    /** The document's sections, in reading order. */
    private static final class Sections {
        private final Report report;
        private final PdfFonts fonts;
        private final Document document;

        Sections(Report report, PdfFonts fonts, Document document) {
            this.report = report;
            this.fonts = fonts;
            this.document = document;
        }

        void writeAll() {
            title();
            stageTable();
            countryStageMatrix();
            sources();
        }

        private void title() {
            document.add(new Paragraph("Chokepoint: rare-earth processing geography, " + report.period().title()
                    + " (" + report.period() + ")", fonts.title()));
            document.add(new Paragraph("All figures as of " + report.asOf() + ". " + report.summary().reportedProjects()
                    + " tracked projects in this period's report.", fonts.body()));
            StringBuilder headline = new StringBuilder("China's share of operating capacity: ");
            List<String> parts = new ArrayList<>();
            for (StageSummary s : report.summary().stages()) {
                parts.add(s.stage().code() + " " + (s.hasCompleteBaseline()
                        ? Formats.percent(s.chinaSharePercent()) + " (baseline " + s.baselineYear().get() + ")"
                        : s.publishedShare().map(b -> "no complete baseline; published "
                                + Formats.percent(b.sharePercent().getAsDouble()) + " (" + b.year() + ")")
                        .orElse("no complete baseline")));
            }
            headline.append(String.join("; ", parts)).append('.');
            Paragraph p = new Paragraph(headline.toString(), fonts.body());
            p.setSpacingBefore(6);
            document.add(p);
        }

        private void stageTable() {
            heading("Stage concentration");
            PdfPTable table = table(new float[]{11, 8, 7, 8, 8, 7, 11, 11, 11, 11});
            headers(table, "Stage", "Unit", "Baseline year", "China share", "Top-3 share", "HHI", "Ex-China capacity",
                    "Total operating", "Tracked operating", "Tracked pipeline");
            for (StageSummary s : report.summary().stages()) {
                cell(table, s.stage().code());
                cell(table, s.unit());
                cell(table, s.baselineYear().map(String::valueOf).orElse("none"));
                cell(table, Formats.percent(s.chinaSharePercent()));
                cell(table, Formats.percent(s.top3SharePercent()));
                cell(table, Formats.hhi(s.hhi()));
                cell(table, s.exChinaCapacity().map(Formats::tonnes).orElse("n/a"));
                cell(table, s.hasCompleteBaseline() ? Formats.tonnes(s.totalOperating()) : "n/a");
                cell(table, s.trackedOperating().projects() + ": " + Formats.capacity(s.trackedOperating()));
                cell(table, s.trackedPipeline().projects() + ": " + Formats.capacity(s.trackedPipeline()));
            }
            document.add(table);
            note("Shares use the latest complete baseline set (one with a rest-of-world row) no later than the "
                    + "period's year, plus tracked projects in the stage's unit that started operating after it. "
                    + "Rest of world is a remainder, never one of the top three, and adds nothing to the HHI, which "
                    + "is therefore a lower bound (above 2,500 is highly concentrated). Tracked columns: projects: "
                    + "capacity; \"n/d\" counts projects whose capacity is undisclosed or in another unit.");
        }

        private void countryStageMatrix() {
            heading("Country × stage (tracked projects: count, operating / pipeline capacity)");
            ChainStage[] stages = ChainStage.values();
            float[] widths = new float[stages.length + 1];
            widths[0] = 14;
            for (int i = 1; i < widths.length; i++) {
                widths[i] = 12;
            }
            PdfPTable table = table(widths);
            cellHeader(table, "Country");
            for (ChainStage stage : stages) {
                cellHeader(table, stage.code());
            }
            table.setHeaderRows(1);
            for (Country country : report.summary().countries()) {
                cell(table, country.displayName());
                for (ChainStage stage : stages) {
                    cell(table, report.summary().cell(country, stage).map(this::cellText).orElse(""));
                }
            }
            document.add(table);
        }

        private String cellText(CountryStageCell c) {
            StringBuilder text = new StringBuilder(String.valueOf(c.projects()));
            if (c.operating().projects() > 0) {
                text.append("\nop ").append(Formats.capacity(c.operating()));
            }
            if (c.pipeline().projects() > 0) {
                text.append("\npipe ").append(Formats.capacity(c.pipeline()));
            }
            return text.toString();
        }

        private void sources() {
            heading("Baseline figures and sources");
            PdfPTable table = table(new float[]{7, 10, 6, 10, 8, 59});
            headers(table, "Country", "Stage", "Year", "Value", "Share", "Source");
            for (StageSummary s : report.summary().stages()) {
                for (Baseline b : s.baselineRows()) {
                    baselineRow(table, b);
                }
                s.publishedShare().ifPresent(b -> baselineRow(table, b));
            }
            document.add(table);
        }

        private void baselineRow(PdfPTable table, Baseline b) {
            cell(table, b.country().code());
            cell(table, b.stage().code());
            cell(table, String.valueOf(b.year()));
            cell(table, b.hasValue() ? Formats.tonnes(b.valueTpa()) + " " + b.unit() : "share only");
            cell(table, b.sharePercent().isPresent() ? Formats.percent(b.sharePercent().getAsDouble()) : "");
            cell(table, b.source() == null ? "" : b.source());
        }

        private void heading(String text) {
            Paragraph p = new Paragraph(text, fonts.heading());
            p.setSpacingBefore(14);
            p.setSpacingAfter(6);
            document.add(p);
        }

        private void note(String text) {
            Paragraph p = new Paragraph(text, fonts.small());
            p.setSpacingBefore(4);
            document.add(p);
        }

        private PdfPTable table(float[] widths) {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            return table;
        }

        private void headers(PdfPTable table, String... names) {
            for (String name : names) {
                cellHeader(table, name);
            }
            table.setHeaderRows(1);
        }

        private void cellHeader(PdfPTable table, String text) {
            PdfPCell cell = new PdfPCell(new Phrase(text, fonts.tableHeader()));
            cell.setBackgroundColor(new Color(0xE6, 0xEC, 0xF2));
            cell.setPadding(3);
            table.addCell(cell);
        }

        private void cell(PdfPTable table, String text) {
            PdfPCell cell = new PdfPCell(new Phrase(text, fonts.tableCell()));
            cell.setPadding(3);
            table.addCell(cell);
        }
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
