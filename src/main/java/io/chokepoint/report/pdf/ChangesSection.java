package io.chokepoint.report.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.ChangeDetails;
import io.chokepoint.report.Report;
import io.chokepoint.summary.Change;
import io.chokepoint.tracking.ChainStage;

/** What changed this month: the most recent changes, newest first, never more than {@link #MAX_ROWS}. */
final class ChangesSection {
    /** The PDF stays short whatever happened; the workbook lists every change. */
    static final int MAX_ROWS = 40;

    private final Layout layout;
    private final Report report;

    ChangesSection(Layout layout, Report report) {
        this.layout = layout;
        this.report = report;
    }

    void write() {
        List<Change> changes = report.analysis().changes();
        layout.heading("What changed this month", 60);
        if (changes.isEmpty()) {
            layout.paragraph("No changes were recorded in " + report.period().title() + ": no dated event, no new "
                    + "project, no status or target-year change.", layout.fonts.body());
            return;
        }
        // The analysis lists changes oldest first; the most recent ones are shown, newest first.
        List<Change> shown = new ArrayList<>(changes.subList(Math.max(0, changes.size() - MAX_ROWS), changes.size()));
        Collections.reverse(shown);
        PdfPTable table = layout.table(8, 11, 19, 10, 12, 25, 15);
        layout.headers(table, "Date", "Change", "Facility / company", "Stages", "From → to", "Detail", "Source");
        ChangeDetails details = ChangeDetails.of(report);
        int index = 0;
        for (Change c : shown) {
            layout.row(table, index++,
                    layout.cell(c.date().toString()),
                    layout.cell(Layout.status(c.kind())),
                    layout.cell(c.facilityId() + "\n" + (c.company() == null ? "" : c.company())),
                    layout.cell(c.stages().stream().map(ChainStage::code).collect(Collectors.joining(", "))),
                    layout.cell(fromTo(c)),
                    layout.cell(details.detail(c)),
                    layout.cell(Layout.shortSource(c.source())));
        }
        layout.add(table);
        int more = changes.size() - shown.size();
        String count = changes.size() + " change" + (changes.size() == 1 ? "" : "s") + " in "
                + report.period().title() + ". ";
        layout.note(count + (more > 0
                ? "The " + shown.size() + " most recent are shown; " + more + " more "
                + (more == 1 ? "is" : "are") + " listed in the workbook, with every source and link."
                : "Sources are shown without their links; the workbook has them."));
    }

    private static String fromTo(Change c) {
        if (c.from().isEmpty() && c.to().isEmpty()) {
            return "";
        }
        return (c.from().isEmpty() ? "–" : Layout.status(c.from())) + " → " + (c.to().isEmpty() ? "–" : Layout.status(c.to()));
    }
}
