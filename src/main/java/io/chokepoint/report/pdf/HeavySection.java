package io.chokepoint.report.pdf;

import java.util.List;
import java.util.Optional;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.HeavyBlock;
import io.chokepoint.report.Report;
import io.chokepoint.summary.ControlsView;
import io.chokepoint.summary.HeavyView;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ExportControl;

/**
 * The PDF's "Heavy rare earths and controls" section: the heavy view of each stage, the chart of ex-China heavy
 * separation capacity by country (now and in the target year), the projects that would relieve it with what they
 * do not disclose, the controls with their state on the period's last day, and each stage's exposure.
 */
record HeavySection(Layout layout, Report report, Charts charts) {
    private static final float CHART_HEIGHT = 170;

    void write() {
        layout.heading(HeavyBlock.TITLE, CHART_HEIGHT + 60);
        layout.paragraph("The heavy view counts the projects that process heavy rare earths (ree_group heavy or both). "
                + "Only capacity in a heavy unit (t Dy-Tb oxide at separation) is summed; a 'both' plant stating "
                + "t REO or NdPr oxide is heavy-capable with its heavy capacity undisclosed, a 'heavy' plant in "
                + "another unit is not comparable. A control is a fact: it changes no capacity.", layout.fonts.small());
        PdfPTable views = layout.table(10, 26, 14, 14, 14, 22);
        int target = report.summary().settings().targetYear();
        layout.headers(views, "Stage", "China heavy share", "Ex-China now", "Ex-China " + target + " as announced",
                "Ex-China " + target + " risk-weighted", "Heavy-view projects outside China");
        for (HeavyView h : report.summary().heavy()) {
            views.addCell(layout.cell(h.stage().code()));
            views.addCell(layout.cell(h.chinaSharePercent().map(v -> HeavyBlock.share(v) + h.shareRow()
                    .map(b -> " (" + (h.sharePublished() ? "published, " : "heavy set, ") + HeavyBlock.shortSource(b)
                            + ")").orElse("")).orElse("not computable")));
            String unit = h.unit().map(u -> " " + u).orElse("");
            views.addCell(layout.number(h.exChinaNow().map(v -> HeavyBlock.tonnes(v) + unit).orElse("no heavy unit")));
            views.addCell(layout.number(h.exChinaProjected().map(v -> HeavyBlock.tonnes(v) + unit).orElse("—")));
            views.addCell(layout.number(h.exChinaWeighted().map(v -> HeavyBlock.tonnes(v) + unit).orElse("—")));
            views.addCell(layout.cell(h.relieving() + " alive; " + h.undisclosed() + " heavy capacity undisclosed"
                    + (h.notComparable() > 0 ? "; " + h.notComparable() + " not comparable" : "")));
        }
        layout.add(views);

        Optional<HeavyView> separation = report.summary().heavy(ChainStage.SEPARATION);
        if (separation.isPresent() && !separation.get().countries().isEmpty()) {
            PdfPTable grid = Layout.grid(1, 1);
            PdfPCell cell = Layout.frame(charts.vector(layout.writer, charts.heavyExChina(separation.get()),
                    layout.width() / 2 - 12, CHART_HEIGHT));
            grid.addCell(cell);
            grid.completeRow();
            layout.document.add(grid);
        } else {
            layout.note("No ex-China separation capacity in t Dy-Tb oxide is tracked: nothing to chart.");
        }
        separation.ifPresent(this::relieving);
        controls(report.summary().controls());
    }

    private void relieving(HeavyView h) {
        if (h.projects().isEmpty()) {
            return;
        }
        layout.subheading("Projects that would relieve heavy separation outside China", 60);
        PdfPTable table = layout.table(16, 8, 7, 12, 7, 22, 28);
        layout.headers(table, "Project", "Country", "Group", "Status", "Target", "Capacity in the heavy view",
                "Does not disclose");
        for (HeavyView.HeavyProject p : h.projects()) {
            table.addCell(layout.cell(p.id()));
            table.addCell(layout.cell(p.country().code()));
            table.addCell(layout.cell(p.reeGroup()));
            table.addCell(layout.cell(p.status().replace('_', ' ')));
            table.addCell(layout.number(p.targetYear() == null ? "—" : String.valueOf(p.targetYear())));
            table.addCell(layout.cell(p.capacityNote()));
            table.addCell(layout.cell(String.join(", ", p.missing())));
        }
        layout.add(table);
        if (h.relieving() > h.projects().size()) {
            layout.note((h.relieving() - h.projects().size()) + " more in the workbook's Heavy sheet.");
        }
    }

    private void controls(ControlsView view) {
        layout.subheading("Export controls on " + view.day(), 60);
        if (view.controls().isEmpty()) {
            layout.paragraph("No control is tracked.", layout.fonts.body());
            return;
        }
        PdfPTable table = layout.table(11, 5, 11, 16, 20, 10, 10, 17);
        layout.headers(table, "Control", "Country", "Scope", "Elements", "Forms", "Announced", "Effective", "State");
        for (ControlsView.ControlState s : view.controls()) {
            ExportControl c = s.control();
            table.addCell(layout.cell(c.id()));
            table.addCell(layout.cell(c.country().code()));
            table.addCell(layout.cell(c.scope().code()));
            table.addCell(layout.cell(c.elements().isEmpty() ? "not element-specific" : String.join(", ", c.elements())));
            table.addCell(layout.cell(String.join(", ", c.forms().stream().map(ExportControl.Form::code).toList())));
            table.addCell(layout.cell(c.announcedOn().toString()));
            table.addCell(layout.cell(c.effectiveOn() == null ? "—" : c.effectiveOn().toString()));
            table.addCell(layout.cell(s.state().text()));
        }
        layout.add(table);
        List<String> changes = view.changes().stream().map(HeavyBlock::change).toList();
        layout.note(changes.isEmpty() ? "No control changed state this month."
                : "Changed this month: " + String.join("; ", changes) + ".");

        layout.subheading("Exposure by stage", 60);
        PdfPTable exposure = layout.table(12, 8, 45, 35);
        layout.headers(exposure, "Stage", "View", "Exposure (share under a control in force)",
                "Procurement rules (listed, not counted)");
        for (ControlsView.StageExposure e : view.exposure()) {
            exposure.addCell(layout.cell(e.stage().code()));
            exposure.addCell(layout.cell(e.view()));
            exposure.addCell(layout.cell(e.text()));
            exposure.addCell(layout.cell(e.procurement().isEmpty() ? "—" : String.join(", ", e.procurement().stream()
                    .map(p -> p.control().id() + " (" + p.state().text() + ")").toList())));
        }
        layout.add(exposure);
        layout.note("A stage is exposed when an export or extraterritorial control is in force on one of its forms "
                + "(ore: mining; concentrate: concentration; oxide, compound: separation; metal; alloy; magnet): its "
                + "exposure is the imposing country's share of the stage now (heavy view: China's heavy share), "
                + "'partial' naming the elements covered when they are not all rare earths. Technology and "
                + "equipment controls belong to no stage and are listed only.");
    }
}
