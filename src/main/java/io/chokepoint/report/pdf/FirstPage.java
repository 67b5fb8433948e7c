package io.chokepoint.report.pdf;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.chokepoint.report.Formats;
import io.chokepoint.report.Headline;
import io.chokepoint.report.TrackRecordText;
import io.chokepoint.report.Movers;
import io.chokepoint.report.Report;
import io.chokepoint.report.StageCitations;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ProjectStatus;

/**
 * The page a busy reader can stop after: the period, the headline sentences, China's share per stage now and
 * projected with the change since last month, and the share chart.
 */
final class FirstPage {
    private static final float CHART_HEIGHT = 118;

    /** The names of page 1's cuttable lists, which {@link OnePage} cuts until the page fits. */
    static final String MOVERS = "movers";
    static final String SOLID_AND_SOFT = "solid and soft";
    static final String WHY_IT_MOVED = "why it moved";
    static final String FUNDING = "funding";
    static final String HEAVY = "heavy rare earths";
    static final String DIFFERENCES = "why ours differs";

    private final Layout layout;
    private final Report report;
    private final Charts charts;
    private final OnePage onePage;

    FirstPage(Layout layout, Report report, Charts charts, OnePage onePage) {
        this.layout = layout;
        this.report = report;
        this.charts = charts;
        this.onePage = onePage;
    }

    /**
     * Page 1 answers three questions, in this order: what moved this month, where each stage stands, and what is
     * solid and what is soft. The headline sentences and the share chart follow on page 2. Page 1 always fits
     * one page: its lists are cut, longest first, until it does (measured by rendering it; see {@link OnePage}),
     * each cut list ending with how many more there are and where. Whatever is added to the page, add a list
     * through {@link OnePage.Lists#shown} so it can be cut too.
     */
    /** How many funding lines page 1 prints; the rest are in the workbook. */
    static final int FUNDING_SHOWN = 4;

    void write() {
        OnePage.Lists lists = onePage.fit((trial, trialLists) ->
                new FirstPage(trial, report, charts, onePage).content(trialLists));
        content(lists);
    }

    private void content(OnePage.Lists lists) {
        PdfFonts fonts = layout.fonts;
        Paragraph title = new Paragraph("Chokepoint: rare-earth processing capacity, " + report.period().title(),
                fonts.title());
        title.setSpacingAfter(2);
        layout.document.add(title);
        int targetYear = report.summary().settings().targetYear();
        layout.paragraph("Where rare-earth processing capacity is being built, stage by stage, and whether it is "
                + "moving away from China. Figures as of " + report.asOf() + "; " + report.summary().reportedProjects()
                + " tracked projects; projections to " + targetYear + " weight each project by its status.",
                fonts.small());

        heading("What moved this month");
        List<Movers.Mover> movers = lists.shown(MOVERS, Movers.of(report.analysis(), Movers.SHOWN), 1);
        if (movers.isEmpty()) {
            bullet("Nothing moved: no project was added, and no status, target year or capacity changed in "
                    + report.period().title() + ".");
        }
        for (Movers.Mover mover : movers) {
            bullet(mover.sentence());
        }
        int more = (int) report.analysis().changes().stream().filter(c -> c.project() != null).count() - movers.size();
        if (more > 0) {
            layout.paragraph(more + " more change" + (more == 1 ? "" : "s") + " in \"What changed this month\" and "
                    + "the workbook's Changes sheet.", fonts.small());
        }

        whyItMoved(lists);
        funding(lists);

        heading("Where each stage stands");
        PdfPTable stages = headlineTable();
        stages.setSpacingBefore(2);
        layout.document.add(stages);
        List<String> differences = report.summary().stages().stream()
                .flatMap(st -> StageCitations.differences(st, targetYear).stream()).toList();
        // Cut first when page 1 is full: the workbook's Summary sheet keeps every one of them.
        List<String> shownDifferences = lists.shown(DIFFERENCES, differences, 0);
        for (String line : shownDifferences) {
            Paragraph p = new Paragraph("Why ours differs \u2014 " + line, fonts.small());
            p.setLeading(fonts.small().getSize() * 1.3f);
            layout.document.add(p);
        }
        int moreDifferences = differences.size() - shownDifferences.size();
        if (moreDifferences > 0) {
            layout.paragraph("Why ours differs from " + moreDifferences + " more published figure"
                    + (moreDifferences == 1 ? "" : "s") + ": the workbook's Summary sheet.", fonts.small());
        }

        // A short block of its own: one paragraph of three sentences whatever the tracker holds (the lists are in
        // the heavy section), with its title run in, so it costs page 1 no heading line.
        // Its sentences are a cut list: the heavy share first, then this month's changes of state, then every
        // control's state, which page 1 drops first when it must (the heavy section lists them all).
        List<String> sentences = io.chokepoint.report.HeavyBlock.lines(report.summary());
        List<String> ordered = sentences.size() == 3 ? List.of(sentences.get(0), sentences.get(2), sentences.get(1))
                : sentences;
        // All three when page 1 can hold them: the controls are the chokepoint's news (cut after every other list).
        List<String> kept = lists.shown(HEAVY, ordered, ordered.size());
        String statesElsewhere = kept.size() < ordered.size()
                ? " The controls' states are in \"" + io.chokepoint.report.HeavyBlock.TITLE + "\"." : "";
        Paragraph heavy = new Paragraph();
        heavy.add(new com.lowagie.text.Chunk(io.chokepoint.report.HeavyBlock.TITLE + ". ", fonts.tableCellBold()));
        heavy.add(new com.lowagie.text.Chunk(String.join(" ", kept) + statesElsewhere, fonts.small()));
        heavy.setLeading(fonts.small().getSize() * 1.3f);
        heavy.setSpacingBefore(4);
        layout.document.add(heavy);
        // One separate sentence, so that page 1's fitting can keep or drop it whole.
        report.rebalancing().trackRecord().flatMap(TrackRecordText::pageOne).ifPresent(this::bullet);

        heading("What is solid and what is soft");
        List<String> stageLines = solidAndSoft();
        List<String> shown = lists.shown(SOLID_AND_SOFT, stageLines, 1);
        for (String line : shown) {
            bullet(line);
        }
        int hidden = stageLines.size() - shown.size();
        if (hidden > 0) {
            layout.paragraph("and " + hidden + " more stage" + (hidden == 1 ? "" : "s") + " (see \"Solid vs soft: "
                    + "what the pipeline rests on\").", fonts.small());
        }
        if (!stageLines.isEmpty()) {
            bullet("Soft: missing any of a disclosed capacity, an investment figure, a target year, a binding "
                    + "offtake or a dated source; the workbook's Data gaps sheet lists what each project lacks.");
        } else {
            bullet("No tracked pipeline projects.");
        }
    }

    /**
     * A short block of its own: a restatement of last month is one line each, and a change that is mostly its
     * baseline says so in one sentence.
     */
    private void whyItMoved(OnePage.Lists lists) {
        List<String> lines = new java.util.ArrayList<>(io.chokepoint.report.Restatements.lines(report));
        lines.addAll(Movers.baselineMoves(report.analysis()));
        if (lines.isEmpty()) {
            return;
        }
        List<String> shown = lists.shown(WHY_IT_MOVED, lines, 1);
        for (String line : shown) {
            Paragraph p = new Paragraph(line, layout.fonts.small());
            p.setLeading(layout.fonts.small().getSize() * 1.3f);
            layout.document.add(p);
        }
        int hidden = lines.size() - shown.size();
        if (hidden > 0) {
            layout.paragraph("and " + hidden + " more in \"Why each share moved\".", layout.fonts.small());
        }
    }

    /**
     * A short block of its own: the month's funding, every news event with a typed amount, each in its own
     * currency (the source's US$ only where it gave one; never converted), closed and committed before proposed.
     */
    private void funding(OnePage.Lists lists) {
        List<io.chokepoint.summary.News> money = report.analysis().news().stream()
                .filter(n -> n.event().funding() != null)
                .sorted(java.util.Comparator.comparing((io.chokepoint.summary.News n) -> n.event().funding().status())
                        .thenComparing(io.chokepoint.summary.News::date))
                .toList();
        if (money.isEmpty()) {
            return;
        }
        heading("Funding this month");
        List<io.chokepoint.summary.News> fits = lists.shown(FUNDING, money.subList(0, Math.min(money.size(),
                FUNDING_SHOWN)), 1);
        int shown = fits.size();
        for (io.chokepoint.summary.News n : fits) {
            Paragraph p = new Paragraph("\u2022  " + n.company() + " (" + String.join(", ", n.stages().stream()
                    .map(s -> s.code()).toList()) + ", " + n.dateLabel() + "): " + n.event().kind().code()
                    .replace('_', ' ') + " " + io.chokepoint.report.Formats.funding(n.event().funding()) + ".",
                    layout.fonts.small());
            p.setLeading(layout.fonts.small().getSize() * 1.3f);
            layout.document.add(p);
        }
        if (money.size() > shown) {
            layout.paragraph((money.size() - shown) + " more in the workbook's Changes sheet.", layout.fonts.small());
        }
    }

    /** Page 2's opening: the headline sentences and the share chart, with how to read the first page. */
    void writeOverview() {
        PdfFonts fonts = layout.fonts;
        int targetYear = report.summary().settings().targetYear();
        heading("In brief");
        for (String sentence : Headline.sentences(report)) {
            bullet(sentence);
        }
        PdfPTable grid = Layout.grid(44, 56);
        grid.setSpacingBefore(6);
        PdfPCell left = new PdfPCell();
        left.setBorder(0);
        left.setPadding(0);
        Paragraph caption = new Paragraph(chartCaption(targetYear), fonts.small());
        caption.setLeading(fonts.small().getSize() * 1.35f);
        left.addElement(caption);
        Paragraph howToRead = new Paragraph(howToRead(targetYear), fonts.small());
        howToRead.setLeading(fonts.small().getSize() * 1.35f);
        howToRead.setSpacingBefore(4);
        left.addElement(howToRead);
        left.setPaddingRight(14);
        grid.addCell(left);
        PdfPCell right = new PdfPCell();
        right.setBorder(0);
        right.setPadding(0);
        float chartWidth = layout.width() * 0.56f;
        right.addElement(charts.vector(layout.writer, charts.chinaShareByStage(report), chartWidth, CHART_HEIGHT));
        grid.addCell(right);
        layout.document.add(grid);
    }

    private void heading(String text) {
        Paragraph heading = new Paragraph(text, layout.fonts.subheading());
        heading.setSpacingBefore(6);
        heading.setSpacingAfter(2);
        layout.document.add(heading);
    }

    private void bullet(String text) {
        Paragraph p = new Paragraph("\u2022  " + text, layout.fonts.lead());
        p.setIndentationLeft(11);
        p.setFirstLineIndent(-11);
        p.setLeading(13.5f);
        p.setSpacingAfter(2);
        layout.document.add(p);
    }

    /**
     * Per stage with pipeline projects: how many, how many rest on soft data and how much of the disclosed pipeline
     * capacity that is; the midstream first. Empty without pipeline projects.
     */
    private List<String> solidAndSoft() {
        List<String> lines = new java.util.ArrayList<>();
        List<ChainStage> order = new java.util.ArrayList<>(Headline.MIDSTREAM);
        for (ChainStage stage : ChainStage.values()) {
            if (!order.contains(stage)) {
                order.add(stage);
            }
        }
        for (ChainStage stage : order) {
            StageSummary s = report.summary().stage(stage);
            io.chokepoint.summary.SoftData soft = s.softData();
            if (soft.pipelineProjects() == 0) {
                continue;
            }
            String line = stage.code() + ": " + soft.softProjects() + " of " + soft.pipelineProjects()
                    + " pipeline project" + (soft.pipelineProjects() == 1 ? "" : "s") + " soft"
                    + soft.capacitySharePercent().map(p -> " (" + Formats.percent(p) + " of the disclosed pipeline "
                    + "capacity)").orElse(" (no pipeline capacity disclosed)");
            if (s.projectionNotComputable()) {
                line += "; the " + report.summary().settings().targetYear() + " projection is "
                        + s.projected().get().notComputableText();
            }
            lines.add(line + ".");
        }
        return lines;
    }

    private PdfPTable headlineTable() {
        PdfFonts fonts = layout.fonts;
        String previous = report.period().previous().month()
                .format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
        int targetYear = report.summary().settings().targetYear();
        PdfPTable table = layout.table(10, 8, 8, 12, 12, 8, 19, 23);
        layout.headers(table, new String[]{"Stage", "China share now", "change since " + previous,
                targetYear + " as announced", targetYear + " risk-weighted", "change since " + previous,
                "Published " + targetYear + " projection", "Baseline (year, basis, source, published)"}, 1, 2, 3, 4, 5);
        Analysis analysis = report.analysis();
        int index = 0;
        for (StageSummary s : report.summary().stages()) {
            ChainStage stage = s.stage();
            PdfPCell name = layout.cell(stage.code(), fonts.tableCellBold(), Element.ALIGN_LEFT);
            if (s.hasCompleteBaseline()) {
                layout.row(table, index++, name,
                        layout.cell(Formats.percent(s.chinaSharePercent()), fonts.tableCellBold(), Element.ALIGN_RIGHT),
                        layout.number(Formats.points(analysis.chinaShareChange(stage))),
                        projectionCell(StageCitations.projection(s.projected())),
                        projectionCell(StageCitations.projection(s.projectedWeighted())),
                        layout.number(Formats.points(analysis.projectedShareChange(stage))),
                        layout.cell(StageCitations.publishedProjection(s), fonts.tableCellMuted(), Element.ALIGN_LEFT),
                        layout.cell(StageCitations.baseline(s) + "; share of " + StageCitations.basis(s),
                                fonts.tableCellMuted(), Element.ALIGN_LEFT));
            } else {
                PdfPCell note = layout.cell(noBaseline(s), fonts.tableCellMuted(), Element.ALIGN_LEFT);
                note.setColspan(7);
                layout.row(table, index++, name, note);
            }
        }
        return table;
    }

    /** A projection: a bold share, or the muted "not computable (…)" that stands in for it. */
    private PdfPCell projectionCell(String text) {
        boolean share = text.endsWith("%");
        return layout.cell(text, share ? layout.fonts.tableCellBold() : layout.fonts.tableCellMuted(),
                share ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
    }

    /** What the first page says for a stage without a complete baseline, quoting a published share if any. */
    static String noBaseline(StageSummary s) {
        if (s.publishedShare().isEmpty()) {
            return "No complete baseline and no published share: only tracked capacity is reported.";
        }
        Baseline published = s.publishedShare().get();
        return "No complete baseline. Published China share " + Formats.percent(published.sharePercent().getAsDouble())
                + " (" + published.year() + "; " + Layout.shortSource(published.source()) + ").";
    }

    private String howToRead(int targetYear) {
        AnalysisSettings settings = report.summary().settings();
        String weights = Arrays.stream(ProjectStatus.values()).filter(ProjectStatus::isPipeline)
                .map(s -> Layout.status(s.code()) + " " + String.format(Locale.ENGLISH, "%.2f", settings.weight(s)))
                .collect(Collectors.joining(", "));
        return "China share now: operating capacity from the stage's latest complete baseline set published by the "
                + "month's end, plus tracked projects that started operating since. " + targetYear + " as announced: "
                + "tracked projects due by " + targetYear + " (and planned expansions) added in full; risk-weighted: "
                + "the same projects at the weight of their status (" + weights + "; expansions as announced). A "
                + "projection none of whose projects discloses a capacity is not computable, never +0.0 pp. The "
                + "published projection (IEA base case) is quoted beside ours. Changes are in percentage "
                + "points since " + report.period().previous().title() + ", both months computed from today's data. "
                + "Sources and methodology are on the last pages.";
    }

    private String chartCaption(int targetYear) {
        List<String> omitted = report.summary().stages().stream()
                .filter(s -> s.chinaSharePercent().isEmpty() && s.publishedShare().isEmpty())
                .map(s -> s.stage().code()).toList();
        String caption = "China's share of operating capacity by stage, now and in " + targetYear
                + " (risk-weighted). A stage without a complete baseline shows its published share in grey, with its "
                + "year and no projection.";
        if (!omitted.isEmpty()) {
            caption += " Not shown, with neither a complete baseline nor a published share: "
                    + String.join(", ", omitted) + ".";
        }
        return caption;
    }
}
