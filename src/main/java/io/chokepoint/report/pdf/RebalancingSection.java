package io.chokepoint.report.pdf;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.Formats;
import io.chokepoint.report.Report;
import io.chokepoint.report.TrackRecordText;
import io.chokepoint.summary.TrackRecord;
import io.chokepoint.summary.Trajectory;

/** "Is it rebalancing?": the trajectory charts, one per stage with a current baseline, and the track record table. */
record RebalancingSection(Layout layout, Report report, Charts charts) {
    private static final int PER_ROW = 3;
    private static final float CHART_HEIGHT = 190;

    void trajectory() {
        Trajectory trajectory = report.rebalancing().trajectory();
        if (trajectory.periods().isEmpty()) {
            return;
        }
        int targetYear = report.summary().settings().targetYear();
        layout.heading("Is it rebalancing? China's share over " + trajectory.periods().size() + " months",
                CHART_HEIGHT);
        if (trajectory.stages().isEmpty()) {
            layout.paragraph("No stage has a current baseline in " + report.period().title()
                    + ", so no share is followed over time.", layout.fonts.body());
            return;
        }
        List<JFreeChart> list = new ArrayList<>();
        for (Trajectory.Stage stage : trajectory.stages()) {
            list.add(charts.trajectory(trajectory, stage, targetYear));
        }
        PdfPTable grid = Layout.grid(1, 1, 1);
        float width = layout.width() / PER_ROW - 12;
        for (JFreeChart chart : list) {
            PdfPCell cell = Layout.frame(charts.vector(layout.writer, chart, width, CHART_HEIGHT));
            cell.setPaddingRight(12);
            cell.setPaddingBottom(8);
            grid.addCell(cell);
        }
        grid.completeRow();
        layout.document.add(grid);
        long published = trajectory.stages().get(0).points().stream().filter(p -> p.published() != null).count();
        layout.note("Solid lines: each month recomputed now from today's tracker by the same as-of rules; dashed "
                + "lines, dots marked: what each month's report published (its latest summary whose run completed; "
                + published + " of " + trajectory.periods().size() + " months have one, this report included). "
                + "Where the two differ, facts dated in that month were recorded after its report.");
    }

    void trackRecord() {
        if (report.rebalancing().trackRecord().isEmpty()) {
            return;
        }
        TrackRecord record = report.rebalancing().trackRecord().get();
        layout.heading("Track record: what was due before " + record.year(), 120);
        PdfPTable table = layout.table(10, 8, 13, 13, 13, 13, 13, 9, 10);
        layout.headers(table, new String[]{"Stage", "Unit", "Due: projects · capacity", "Operating on time",
                "Operating late", "Not yet operating", "Suspended or cancelled", "Operating share",
                "Target moved · median slip"}, 2, 3, 4, 5, 6, 7, 8);
        int index = 0;
        for (TrackRecord.Stage s : record.stages()) {
            if (s.due().projects() == 0) {
                continue;
            }
            layout.row(table, index++, layout.cell(s.stage().code()), layout.cell(s.unit()),
                    layout.number(TrackRecordText.tally(s.due())),
                    layout.number(TrackRecordText.tally(s.outcome(TrackRecord.Outcome.ON_TIME))),
                    layout.number(TrackRecordText.tally(s.outcome(TrackRecord.Outcome.LATE))),
                    layout.number(TrackRecordText.tally(s.outcome(TrackRecord.Outcome.NOT_YET))),
                    layout.number(TrackRecordText.tally(s.outcome(TrackRecord.Outcome.STOPPED))),
                    layout.number(Formats.percent(s.operatingSharePercent())),
                    layout.number(s.moved() + (s.medianSlip().isPresent()
                            ? " \u00b7 " + TrackRecordText.slip(s.medianSlip().get()) : "")));
        }
        if (index == 0) {
            layout.paragraph("No tracked project had a first target year before " + record.year() + ".",
                    layout.fonts.body());
        } else {
            layout.add(table);
        }
        layout.note("Projects whose first announced target year (the earliest-dated typed target year in their "
                + "history, else the row's) is before " + record.year() + ", as of " + report.asOf() + ". On time: "
                + "a first operating fact by the end of that year. Capacity as disclosed in the stage's unit; "
                + "undisclosed capacity is counted, never added. The projection's status weights stay settings, "
                + "beside this record: " + TrackRecordText.weights(record) + ".");
    }
}
