package io.chokepoint.report.pdf;

import java.util.List;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.Report;
import io.chokepoint.summary.StageSummary;

/** Capacity by country for each stage with a complete baseline: now, and in the target year. */
final class CapacitySection {
    private static final int PER_ROW = 3;
    private static final float CHART_HEIGHT = 205;

    private final Layout layout;
    private final Report report;
    private final Charts charts;

    CapacitySection(Layout layout, Report report, Charts charts) {
        this.layout = layout;
        this.report = report;
        this.charts = charts;
    }

    void write() {
        int targetYear = report.summary().settings().targetYear();
        List<StageSummary> stages = report.summary().stages().stream()
                .filter(s -> s.hasCompleteBaseline() && s.projected().isPresent() && s.projectedWeighted().isPresent())
                .toList();
        layout.heading("Capacity by country, now and in " + targetYear, CHART_HEIGHT);
        if (stages.isEmpty()) {
            layout.paragraph("No stage has a complete baseline this period, so capacity by country is not charted; "
                    + "the stage table and the country × stage matrix give the tracked capacity.", layout.fonts.body());
            return;
        }
        PdfPTable grid = Layout.grid(1, 1, 1);
        float width = layout.width() / PER_ROW - 12;
        for (StageSummary stage : stages) {
            PdfPCell cell = Layout.frame(charts.vector(layout.writer, charts.capacityByCountry(stage), width,
                    CHART_HEIGHT));
            cell.setPaddingRight(12);
            cell.setPaddingBottom(8);
            grid.addCell(cell);
        }
        grid.completeRow();
        layout.document.add(grid);
        layout.note("Operating capacity (\"Now\") is the stage's latest complete baseline set plus tracked projects that "
                + "started operating after its year. The " + targetYear + " bars add tracked projects due by then: "
                + "risk-weighted by status, and in full as announced. Each stage keeps its own unit; \""
                + Charts.OTHER_COUNTRIES + "\" is the baseline's rest-of-world remainder, undisclosed locations and "
                + "countries outside the " + Charts.NAMED_COUNTRIES + " largest. Stages without a complete baseline "
                + "are not charted.");
    }
}
