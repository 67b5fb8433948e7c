package io.chokepoint.report.pdf;

import java.util.List;

import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.Formats;
import io.chokepoint.report.Report;
import io.chokepoint.summary.Attribution;

/**
 * Why each share moved, after the changes: per stage and share that moved, its change since last month and its
 * largest parts (the baseline, then the facts). Short: parts under 0.01 pp are left to the workbook's Attribution
 * sheet.
 */
final class AttributionSection {

    /** Parts smaller than this are not printed (they are in the workbook). */
    static final double SHOWN_FROM = 0.01;

    private final Layout layout;
    private final Report report;

    AttributionSection(Layout layout, Report report) {
        this.layout = layout;
        this.report = report;
    }

    void write() {
        List<Attribution> moved = report.analysis().attribution().stream()
                .filter(a -> Math.abs(a.change()) >= SHOWN_FROM).toList();
        layout.heading("Why each share moved", 40);
        if (moved.isEmpty()) {
            layout.note("No share moved by 0.01 pp or more since last month.");
            return;
        }
        PdfPTable table = layout.table(14, 18, 14, 54);
        layout.headers(table, "Stage", "Share", "Change", "Parts (pp)");
        int index = 0;
        for (Attribution a : moved) {
            StringBuilder parts = new StringBuilder();
            for (Attribution.Part p : a.parts()) {
                if (Math.abs(p.points()) >= SHOWN_FROM) {
                    parts.append(parts.length() == 0 ? "" : "\n").append(Formats.points2(p.points())).append("  ")
                            .append(p.fact()).append(p.date() == null ? "" : " (" + p.precision().label(p.date()) + ")");
                }
            }
            layout.row(table, index++, layout.cell(a.stage().code()), layout.cell(a.share().label(a.targetYear())),
                    layout.cell(Formats.points2(a.change())), layout.cell(parts.toString()));
        }
        layout.add(table);
        layout.note("Each change is the baseline part (this month's set with last month's facts) plus one part per fact"
                + " dated this month, applied in date order; the parts add up to the change. The workbook's"
                + " Attribution sheet lists every part.");
    }
}
