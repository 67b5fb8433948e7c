package io.chokepoint.report.pdf;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.ChartData;
import io.chokepoint.report.Report;
import io.chokepoint.summary.StageSummary;

/**
 * A chart for every stage with data: capacity by country now and in the target year, a published share, or the
 * tracked capacity; then capacity outside China by country, where the rebalancing shows.
 */
record CapacitySection(Layout layout, Report report, Charts charts) {
    private static final int PER_ROW = 3;
    private static final float CHART_HEIGHT = 205;
    /** Lower, so that the section usually fits under the last row of stage charts. */
    private static final float EX_CHINA_HEIGHT = 175;

    void write() {
        int targetYear = report.summary().settings().targetYear();
        layout.heading("Capacity by country, now and in " + targetYear, CHART_HEIGHT);
        // Every stage with data has its chart: capacity by country where there is a complete baseline, the
        // published share as a marked point where there is only that, else the tracked projects' capacity.
        List<JFreeChart> stageCharts = new ArrayList<>();
        List<String> uncharted = new ArrayList<>();
        for (StageSummary s : report.summary().stages()) {
            if (s.hasCompleteBaseline() && s.projected().isPresent() && s.projectedWeighted().isPresent()) {
                stageCharts.add(charts.capacityByCountry(s));
            } else if (s.publishedShare().isPresent()) {
                stageCharts.add(charts.publishedShare(s));
            } else if (ChartData.hasTrackedCapacity(report.summary(), s)) {
                stageCharts.add(charts.tracked(report, s));
            } else {
                uncharted.add(s.stage().code());
            }
        }
        if (stageCharts.isEmpty()) {
            layout.paragraph("No stage has a complete baseline, a published share or a tracked capacity this period, "
                    + "so nothing is charted; the stage table and the country × stage matrix give the tracked "
                    + "projects.", layout.fonts.body());
            return;
        }
        grid(stageCharts, CHART_HEIGHT);
        layout.note("Operating capacity (\"Now\") is the stage's latest complete baseline set plus tracked projects that "
                + "started operating after its year. The " + targetYear + " bars add tracked projects due by then: "
                + "risk-weighted by status, and in full as announced. Each stage keeps its own unit; \""
                + Charts.OTHER_COUNTRIES + "\" is the baseline's rest-of-world remainder, undisclosed locations and "
                + "countries outside the " + Charts.NAMED_COUNTRIES + " largest. A stage without a complete baseline "
                + "shows its published China share as a point, or else its tracked projects' capacity (not a census)."
                + (uncharted.isEmpty() ? "" : " No data to chart: " + String.join(", ", uncharted) + "."));

        List<JFreeChart> exChina = new ArrayList<>();
        for (StageSummary s : report.summary().stages()) {
            if (!ChartData.exChina(s).isEmpty()) {
                exChina.add(charts.exChina(s, targetYear));
            }
        }
        if (!exChina.isEmpty()) {
            // Heading, charts and their note on one page: the note explains what is left out.
            layout.heading("Capacity outside China, now and in " + targetYear + " (risk-weighted)", EX_CHINA_HEIGHT + 45);
            grid(exChina, EX_CHINA_HEIGHT);
            layout.note("The same capacity without China, by country, so the rebalancing shows at its own scale: "
                    + "operating capacity now, and in " + targetYear + " with tracked projects due by then weighted "
                    + "by their status. The baseline's rest-of-world remainder and undisclosed locations are not "
                    + "countries and are left out; at most " + ChartData.MAX_COUNTRIES + " countries per stage.");
        }
    }

    private void grid(List<JFreeChart> list, float height) {
        PdfPTable grid = Layout.grid(1, 1, 1);
        float width = layout.width() / PER_ROW - 12;
        for (JFreeChart chart : list) {
            PdfPCell cell = Layout.frame(charts.vector(layout.writer, chart, width, height));
            cell.setPaddingRight(12);
            cell.setPaddingBottom(8);
            grid.addCell(cell);
        }
        grid.completeRow();
        layout.document.add(grid);
    }
}
