package io.chokepoint.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.Formats;
import io.chokepoint.report.Methodology;
import io.chokepoint.report.Report;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;

/** Methodology, in the same statements as the workbook's, then every baseline figure used with its source. */
final class SourcesSection {
    private final Layout layout;
    private final Report report;

    SourcesSection(Layout layout, Report report) {
        this.layout = layout;
        this.report = report;
    }

    void write() {
        PdfFonts fonts = layout.fonts;
        layout.heading("Methodology", 80);
        int number = 1;
        for (String statement : Methodology.statements(report)) {
            Paragraph p = new Paragraph(number++ + ".  " + statement, fonts.body());
            p.setIndentationLeft(14);
            p.setFirstLineIndent(-14);
            p.setLeading(fonts.body().getSize() * 1.35f);
            p.setSpacingAfter(3);
            layout.document.add(p);
        }

        layout.heading("Sources: every baseline figure used", 80);
        List<Row> rows = rows();
        if (rows.isEmpty()) {
            layout.paragraph("No baseline figure was used: no stage has a complete baseline set or a published share.",
                    fonts.body());
            return;
        }
        PdfPTable table = layout.table(9, 10, 5, 11, 6, 16, 8, 35);
        layout.headers(table, new String[]{"Stage", "Country", "Year", "Value", "Share", "Basis / use", "Confidence",
                "Source (full reference below)"}, 2, 3, 4);
        // Sets share sources: each is numbered once, in order of first use, and given in full under the table.
        Map<String, Integer> references = new LinkedHashMap<>();
        int index = 0;
        for (Row row : rows) {
            Baseline b = row.baseline;
            String source = b.source() == null || b.source().isBlank() ? "" : b.source().strip();
            String reference = source.isEmpty() ? "no source recorded"
                    : "[" + references.computeIfAbsent(source, k -> references.size() + 1) + "] " + Layout.shortSource(source);
            layout.row(table, index++,
                    layout.cell(b.stage().code()),
                    layout.cell(b.country().displayName()),
                    layout.cell(String.valueOf(b.year())),
                    layout.number(b.hasValue() ? Formats.tonnes(b.valueTpa()) + " " + b.unit() : "share only"),
                    layout.number(b.sharePercent().isPresent() ? Formats.percent(b.sharePercent().getAsDouble()) : ""),
                    layout.cell(row.use),
                    layout.cell(b.confidence() == null ? "" : b.confidence()),
                    layout.cell(reference));
        }
        layout.add(table);
        layout.note("Baseline sets are used as published: a value derived from a share says so in its basis. "
                + "Published shares are quoted only for stages without a complete baseline set.");
        layout.subheading("References", 30);
        for (Map.Entry<String, Integer> reference : references.entrySet()) {
            Paragraph p = new Paragraph("[" + reference.getValue() + "]  " + reference.getKey(), fonts.small());
            p.setIndentationLeft(16);
            p.setFirstLineIndent(-16);
            p.setLeading(fonts.small().getSize() * 1.35f);
            p.setSpacingAfter(2);
            layout.document.add(p);
        }
    }

    /** The rows of each stage's baseline set (China first, rest of world last), then the published shares quoted. */
    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (StageSummary s : report.summary().stages()) {
            s.baselineRows().stream()
                    .sorted(Comparator.comparing((Baseline b) -> b.country().isRestOfWorld())
                            .thenComparing(b -> !b.country().code().equals("CN"))
                            .thenComparing(Comparator.comparingDouble(Baseline::valueTpa).reversed())
                            .thenComparing(b -> b.country().code()))
                    .forEach(b -> rows.add(new Row(b, basis(b) + ", baseline set")));
            s.publishedShare().ifPresent(b -> rows.add(new Row(b, "published share quoted")));
        }
        return rows;
    }

    private static String basis(Baseline b) {
        return b.basis() == null ? "" : b.basis().replace('_', ' ');
    }

    private record Row(Baseline baseline, String use) {
    }
}
