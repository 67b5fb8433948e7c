package io.chokepoint.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.Formats;
import io.chokepoint.report.Headline;
import io.chokepoint.report.Report;
import io.chokepoint.report.StageCitations;
import io.chokepoint.summary.CapacityTally;
import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.CountryStageCell;
import io.chokepoint.summary.PipelineCell;
import io.chokepoint.summary.SoftData;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ProjectStatus;

/**
 * The per-stage sections: the concentration table, the midstream focus, the country × stage matrix and the
 * solid-vs-soft table. Every table has a row per stage, country or status, never per project.
 */
final class StageSections {
    /** Countries named in a midstream stage's capacity sentence; the rest are summed. */
    private static final int LISTED_COUNTRIES = 6;

    private final Layout layout;
    private final SupplyChainSummary summary;

    StageSections(Layout layout, Report report) {
        this.layout = layout;
        this.summary = report.summary();
    }

    void concentration() {
        PdfFonts fonts = layout.fonts;
        layout.heading("Stage concentration", 140);
        PdfPTable table = layout.table(10, 6, 6, 10, 16, 6, 8, 8, 13, 13);
        layout.headers(table, new String[]{"Stage", "Unit", "Baseline year", "China share", "Top 3: countries, share", "HHI",
                "Ex-China operating", "Total operating", "Tracked operating: projects · capacity",
                "Tracked pipeline: projects · capacity"}, 3, 4, 5, 6, 7, 8, 9);
        int index = 0;
        for (StageSummary s : summary.stages()) {
            PdfPCell share = layout.number(Formats.percent(s.chinaSharePercent()));
            if (s.publishedShare().isPresent() && s.chinaSharePercent().isEmpty()) {
                Baseline published = s.publishedShare().get();
                share = layout.cell("published " + Formats.percent(published.sharePercent().getAsDouble()) + " ("
                        + published.year() + ")", fonts.tableCellMuted(), Element.ALIGN_RIGHT);
            }
            layout.row(table, index++,
                    layout.cell(s.stage().code(), fonts.tableCellBold(), Element.ALIGN_LEFT),
                    layout.cell(s.unit()),
                    layout.cell(s.baselineYear().map(String::valueOf).orElse("none")),
                    share,
                    layout.cell(s.top3SharePercent().isPresent() ? StageCitations.top3(s) : "n/a"),
                    layout.number(Formats.hhi(s.hhi())),
                    layout.number(s.exChinaCapacity().map(Formats::tonnes).orElse("n/a")),
                    layout.number(s.hasCompleteBaseline() ? Formats.tonnes(s.totalOperating()) : "n/a"),
                    layout.number(tracked(s.trackedOperating())),
                    layout.number(tracked(s.trackedPipeline())));
        }
        layout.add(table);
        layout.note("Shares use the latest complete baseline set (one with a rest-of-world row) no later than the "
                + "period's year, plus tracked projects in the stage's unit that started operating after it; a stage "
                + "without one quotes a published share instead, never a share of project sums. Rest of world is a "
                + "remainder: never one of the top three, and it adds nothing to the HHI, which is therefore a lower "
                + "bound (above 2,500 is highly concentrated). \"n/d\": projects whose capacity is undisclosed or in "
                + "another unit, counted but not summed.");
    }

    void midstream() {
        layout.heading("Midstream focus: " + Headline.MIDSTREAM.stream().map(ChainStage::code)
                .collect(Collectors.joining(", ")) + ", the chokepoint", 120);
        layout.paragraph("Between the mine and the magnet, concentrate is separated into oxides, reduced to metal and "
                + "alloyed. These steps are where China's lead is widest and alternatives are scarcest.",
                layout.fonts.body());
        for (ChainStage stage : Headline.MIDSTREAM) {
            midstreamStage(summary.stage(stage));
        }
        layout.note("Location tables count every tracked project at the stage; suspended and cancelled ones have "
                + "their capacity in neither column. \"n/d\": projects whose capacity is undisclosed or in another "
                + "unit, counted but not summed.");
    }

    private void midstreamStage(StageSummary s) {
        PdfFonts fonts = layout.fonts;
        layout.subheading(Layout.stageTitle(s.stage()) + " · " + s.unit(), 110);
        layout.paragraph(shareText(s), fonts.body());
        layout.paragraph(softText(s), fonts.body());
        if (s.notComparable() > 0) {
            layout.paragraph(s.notComparable() + " tracked project" + (s.notComparable() == 1
                    ? " reports" : "s report") + " capacity in another unit than " + s.unit()
                    + ": counted, not summed.", fonts.body());
        }
        PdfPTable grid = Layout.grid(45, 55);
        grid.setSpacingBefore(3);
        grid.setSplitLate(false); // long tables continue on the next page rather than leave this one blank
        PdfPCell left = side(countryTable(s.stage()));
        left.setPaddingRight(12);
        grid.addCell(left);
        grid.addCell(side(statusTable(s)));
        layout.ensureSpace(90);
        layout.document.add(grid);
    }

    private String shareText(StageSummary s) {
        int targetYear = summary.settings().targetYear();
        if (!s.hasCompleteBaseline()) {
            return FirstPage.noBaseline(s) + " No share is computed from project sums.";
        }
        List<CountryCapacity> named = s.countries().stream().limit(LISTED_COUNTRIES).toList();
        String countries = named.stream()
                .map(c -> c.country().displayName() + " " + Formats.tonnes(c.total()) + " (" + Formats.percent(c.sharePercent()) + ")")
                .collect(Collectors.joining(", "));
        if (s.countries().size() > named.size()) {
            List<CountryCapacity> rest = s.countries().subList(named.size(), s.countries().size());
            countries += " and " + rest.size() + " more (" + Formats.tonnes(rest.stream().mapToDouble(CountryCapacity::total).sum())
                    + ", " + Formats.percent(rest.stream().mapToDouble(CountryCapacity::sharePercent).sum()) + ")";
        }
        return "China's share of operating capacity is " + Formats.percent(s.chinaSharePercent()) + " (baseline "
                + s.baselineYear().get() + "), top three " + StageCitations.top3(s) + ", HHI "
                + Formats.hhi(s.hhi()) + ". " + StageCitations.lowerBoundReason(s)
                + (StageCitations.lowerBoundReason(s).isEmpty() ? "" : " ") + "Operating capacity by country: " + countries + ". In " + targetYear
                + ", China's share would be " + Formats.percent(s.projectedChinaSharePercent()) + " risk-weighted and "
                + Formats.percent(s.projected().flatMap(p -> p.chinaSharePercent())) + " as announced.";
    }

    private String softText(StageSummary s) {
        SoftData soft = s.softData();
        if (soft.pipelineProjects() == 0) {
            return "No tracked pipeline projects.";
        }
        String text = "Pipeline: " + soft.pipelineProjects() + " project" + (soft.pipelineProjects() == 1 ? "" : "s")
                + ", " + soft.softProjects() + " of them on soft data (" + Formats.percent(soft.countSharePercent())
                + " by count)";
        if (soft.pipelineCapacity() > 0) {
            text += "; " + Formats.tonnes(soft.softCapacity()) + " of " + Formats.tonnes(soft.pipelineCapacity()) + " "
                    + s.unit() + " of disclosed pipeline capacity is soft (" + Formats.percent(soft.capacitySharePercent())
                    + ")";
        } else {
            text += "; no pipeline project discloses a capacity in " + s.unit();
        }
        return text + ".";
    }

    /** A borderless cell holding a table beside another, as tall as its own rows. */
    private static PdfPCell side(PdfPTable table) {
        PdfPCell cell = new PdfPCell(table);
        table.setExtendLastRow(false);
        cell.setBorder(0);
        cell.setPadding(0);
        return cell;
    }

    /** A table's title as its first row, repeated with the header if the table runs onto the next page. */
    private void caption(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, layout.fonts.tableHeader()));
        cell.setColspan(table.getNumberOfColumns());
        cell.setBorder(0);
        cell.setPaddingLeft(0);
        cell.setPaddingBottom(4);
        table.addCell(cell);
    }

    private PdfPTable countryTable(ChainStage stage) {
        PdfPTable table = layout.table(40, 14, 23, 23);
        caption(table, "Tracked projects by location");
        layout.headers(table, new String[]{"Country", "Projects", "Operating", "Pipeline"}, 1, 2, 3);
        table.setHeaderRows(2);
        List<CountryStageCell> cells = summary.cells().stream().filter(c -> c.stage() == stage)
                .sorted(Comparator.comparingDouble((CountryStageCell c) -> c.operating().tonnes() + c.pipeline().tonnes())
                        .reversed().thenComparing(c -> c.country().displayName()))
                .toList();
        int index = 0;
        for (CountryStageCell c : cells) {
            layout.row(table, index++, layout.cell(c.country().displayName()), layout.number(String.valueOf(c.projects())),
                    layout.number(Formats.capacity(c.operating())), layout.number(Formats.capacity(c.pipeline())));
        }
        if (cells.isEmpty()) {
            PdfPCell none = layout.cell("No tracked projects.", layout.fonts.tableCellMuted(), Element.ALIGN_LEFT);
            none.setColspan(4);
            table.addCell(none);
        }
        return table;
    }

    private PdfPTable statusTable(StageSummary s) {
        PdfPTable table = layout.table(24, 12, 22, 42);
        caption(table, "Tracked projects by status");
        layout.headers(table, new String[]{"Status", "Projects", "Capacity", "Where (projects)"}, 1, 2);
        table.setHeaderRows(2);
        Map<ProjectStatus, Map<Country, Integer>> where = new TreeMap<>();
        for (PipelineCell cell : summary.pipeline()) {
            if (cell.stage() == s.stage()) {
                where.computeIfAbsent(cell.status(), k -> new TreeMap<>()).merge(cell.country(), cell.tally().projects(),
                        Integer::sum);
            }
        }
        int index = 0;
        for (Map.Entry<ProjectStatus, CapacityTally> e : s.byStatus().entrySet()) {
            String places = where.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<Country, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(p -> p.getKey().code() + " " + p.getValue())
                    .collect(Collectors.joining(", "));
            String status = Layout.status(e.getKey().code()) + (e.getKey().isPipeline() ? "" : " (not pipeline)");
            layout.row(table, index++, layout.cell(status), layout.number(String.valueOf(e.getValue().projects())),
                    layout.number(Formats.capacity(e.getValue())), layout.cell(places));
        }
        if (s.byStatus().isEmpty()) {
            PdfPCell none = layout.cell("No tracked projects.", layout.fonts.tableCellMuted(), Element.ALIGN_LEFT);
            none.setColspan(4);
            table.addCell(none);
        }
        return table;
    }

    void countryStageMatrix() {
        PdfFonts fonts = layout.fonts;
        layout.heading("Country × stage: tracked projects", 120);
        ChainStage[] stages = ChainStage.values();
        float[] widths = new float[stages.length + 1];
        widths[0] = 16;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 12;
        }
        layout.note("Each cell: the number of tracked projects located there, with \"op\" operating and \"pipe\" "
                + "pipeline capacity in the stage's unit; suspended and cancelled projects are counted, with their "
                + "capacity on neither line. \"undisclosed\" where no project disclosed a capacity (never zero); "
                + "\"n/d\" counts projects whose capacity is undisclosed or in another unit. Tracked projects are not "
                + "a census: the shares above come from the baselines.");
        PdfPTable table = layout.table(widths);
        List<String> headers = new ArrayList<>();
        headers.add("Country (location)");
        for (ChainStage stage : stages) {
            headers.add(stage.code() + " (" + summary.settings().canonicalUnit(stage) + ")");
        }
        layout.headers(table, headers.toArray(String[]::new));
        int index = 0;
        for (Country country : summary.countries()) {
            List<PdfPCell> row = new ArrayList<>();
            row.add(layout.cell(country.displayName(), fonts.tableCellBold(), Element.ALIGN_LEFT));
            for (ChainStage stage : stages) {
                row.add(layout.cell(summary.cell(country, stage).map(StageSections::cellText).orElse("")));
            }
            layout.row(table, index++, row.toArray(PdfPCell[]::new));
        }
        if (summary.countries().isEmpty()) {
            PdfPCell none = layout.cell("No tracked projects in this period.", fonts.tableCellMuted(), Element.ALIGN_LEFT);
            none.setColspan(widths.length);
            table.addCell(none);
        }
        layout.add(table);
    }

    private static String cellText(CountryStageCell c) {
        StringBuilder text = new StringBuilder(c.projects() + (c.projects() == 1 ? " project" : " projects"));
        if (c.operating().projects() > 0) {
            text.append("\nop ").append(Formats.capacity(c.operating()));
        }
        if (c.pipeline().projects() > 0) {
            text.append("\npipe ").append(Formats.capacity(c.pipeline()));
        }
        return text.toString();
    }

    void solidVsSoft() {
        PdfFonts fonts = layout.fonts;
        layout.heading("Solid vs soft: what the pipeline rests on", 140);
        PdfPTable table = layout.table(11, 8, 9, 9, 10, 13, 12, 10, 18);
        layout.headers(table, new String[]{"Stage", "Unit", "Pipeline projects", "Soft projects", "Soft share by count",
                "Disclosed pipeline capacity", "Soft capacity", "Soft share by capacity",
                "Projects by disclosure score 0 · 1 · 2 · 3 · 4 · 5"}, 2, 3, 4, 5, 6, 7, 8);
        int index = 0;
        for (StageSummary s : summary.stages()) {
            SoftData soft = s.softData();
            boolean any = soft.pipelineProjects() > 0;
            layout.row(table, index++,
                    layout.cell(s.stage().code(), fonts.tableCellBold(), Element.ALIGN_LEFT),
                    layout.cell(s.unit()),
                    layout.number(String.valueOf(soft.pipelineProjects())),
                    layout.number(String.valueOf(soft.softProjects())),
                    layout.number(Formats.percent(soft.countSharePercent())),
                    layout.number(!any ? "" : soft.pipelineCapacity() > 0 ? Formats.tonnes(soft.pipelineCapacity()) : "none disclosed"),
                    layout.number(!any || soft.pipelineCapacity() == 0 ? "" : Formats.tonnes(soft.softCapacity())),
                    layout.number(Formats.percent(soft.capacitySharePercent())),
                    layout.number(!any ? "" : soft.scoreCounts().stream().map(String::valueOf)
                            .collect(Collectors.joining(" · "))));
        }
        layout.add(table);
        layout.note("Disclosure score: one point each for a disclosed capacity, an investment figure, a target year, "
                + "a binding offtake and a dated source (YYYY-MM-DD); a pipeline project scoring less than 5 is soft. "
                + "By capacity counts only capacity disclosed in the "
                + "stage's unit, so a stage whose projects disclose none has no share by capacity (n/a).");
    }

    private static String tracked(CapacityTally t) {
        return t.projects() == 0 ? "0" : t.projects() + " · " + Formats.capacity(t);
    }
}
