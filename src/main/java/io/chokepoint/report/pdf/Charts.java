package io.chokepoint.report.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import io.chokepoint.report.ChartData;
import io.chokepoint.report.ChartData.CountryBar;
import io.chokepoint.report.Formats;
import io.chokepoint.report.Report;
import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.Country;

/**
 * The report's two charts, built with JFreeChart and drawn into the PDF as vector graphics (a PDF form, not a
 * picture): lines and bars stay sharp at any zoom and every label is text set in the embedded font.
 */
final class Charts {
    static final Color NOW = new Color(0x1F, 0x3A, 0x5F);
    static final Color PROJECTED = new Color(0x6A, 0x9B, 0xC8);
    static final Color PUBLISHED = new Color(0xA3, 0xA8, 0xB0);
    static final Color CHINA = new Color(0xB0, 0x3A, 0x2E);
    static final Color OTHERS = new Color(0xC8, 0xCC, 0xD2);
    private static final Color[] COUNTRY_COLOURS = {
            new Color(0x1F, 0x3A, 0x5F), new Color(0x3C, 0x8D, 0xAD), new Color(0x7A, 0xA9, 0x5C)};
    private static final Color GRID = new Color(0xDD, 0xE1, 0xE6);

    /** Named countries shown in a capacity chart besides China; the rest are grouped. */
    static final int NAMED_COUNTRIES = 3;
    static final String OTHER_COUNTRIES = "Rest of world and others";

    /** China's bar segment carries its share as a label only when it is at least this wide a part of the bar. */
    private static final double LABELLED_SHARE = 0.3;

    /** A share bar longer than this (in %) carries its label inside its end: past it the label would leave the plot. */
    private static final double LABEL_INSIDE_FROM = 88;

    private final PdfFonts fonts;

    Charts(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** Stages with a computed share or, failing that, a published one; stages with neither are left out. */
    private static List<StageSummary> shareStages(Report report) {
        return report.summary().stages().stream()
                .filter(s -> s.chinaSharePercent().isPresent() || s.publishedShare().isPresent()).toList();
    }

    /**
     * China's share by stage: now and risk-weighted in the target year, side by side; a stage without a complete
     * baseline shows its published share in grey, with no projection.
     */
    JFreeChart chinaShareByStage(Report report) {
        int targetYear = report.summary().settings().targetYear();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String now = "Now: baseline + tracked projects";
        String projected = targetYear + ", risk-weighted";
        Set<String> publishedOnly = new HashSet<>();
        for (StageSummary s : shareStages(report)) {
            if (s.chinaSharePercent().isPresent()) {
                data.addValue(s.chinaSharePercent().get(), now, s.stage().code());
                data.addValue(s.projectedChinaSharePercent().orElse(null), projected, s.stage().code());
            } else {
                String label = s.stage().code() + " (" + s.publishedShare().get().year() + ")";
                publishedOnly.add(label);
                data.addValue(s.publishedShare().get().sharePercent().getAsDouble(), now, label);
                data.addValue(null, projected, label);
            }
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return publishedOnly.contains((String) data.getColumnKey(column)) ? PUBLISHED : super.getItemPaint(row, column);
            }

            // The axis ends at 100 %: a label past a long bar's end would be cut off, so it goes inside, in white.
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int row, int column) {
                return labelInside(row, column) ? new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT)
                        : super.getPositiveItemLabelPosition(row, column);
            }

            @Override
            public Paint getItemLabelPaint(int row, int column) {
                return labelInside(row, column) ? Color.WHITE : super.getItemLabelPaint(row, column);
            }

            private boolean labelInside(int row, int column) {
                Number value = data.getValue(row, column);
                return value != null && value.doubleValue() > LABEL_INSIDE_FROM;
            }
        };
        style(renderer);
        renderer.setSeriesPaint(0, NOW);
        renderer.setSeriesPaint(1, PROJECTED);
        renderer.setItemMargin(0.0);
        renderer.setMaximumBarWidth(0.06);
        renderer.setDefaultItemLabelGenerator(labels((dataset, row, column) -> {
            Number value = dataset.getValue(row, column);
            return value == null ? null : oneDecimal(value.doubleValue());
        }));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(fonts.chart(7.5f, false));
        renderer.setDefaultItemLabelPaint(PdfFonts.TEXT);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(3);

        NumberAxis shares = new NumberAxis("China's share, %");
        shares.setRange(0, 100);
        shares.setTickUnit(new NumberTickUnit(25, new DecimalFormat("0")));
        CategoryAxis stages = new CategoryAxis("Stage");
        stages.setCategoryMargin(0.3);
        stages.setLowerMargin(0.02);
        stages.setUpperMargin(0.02);
        CategoryPlot plot = new CategoryPlot(data, stages, shares, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem(now, NOW));
        legend.add(legendItem(projected, PROJECTED));
        if (!publishedOnly.isEmpty()) {
            legend.add(legendItem("Published share (no complete baseline)", PUBLISHED));
        }
        plot.setFixedLegendItems(legend);
        return chart(null, ChartData.sourceLine(shareStages(report)), plot);
    }

    /**
     * A stage's operating capacity by country now, and in the target year risk-weighted and as announced: China,
     * the largest other named countries, and the rest grouped, with China's share written on its bar.
     */
    JFreeChart capacityByCountry(StageSummary stage) {
        ProjectedShare weighted = stage.projectedWeighted().orElseThrow();
        ProjectedShare announced = stage.projected().orElseThrow();
        Map<String, List<CountryCapacity>> bars = new LinkedHashMap<>();
        bars.put("Now", stage.countries());
        bars.put(weighted.targetYear() + " risk-weighted", weighted.countries());
        bars.put(announced.targetYear() + " as announced", announced.countries());
        List<Country> named = namedCountries(bars.values());

        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> series = new ArrayList<>();
        series.add(Country.CHINA.displayName());
        named.forEach(c -> series.add(c.displayName()));
        series.add(OTHER_COUNTRIES);
        for (Map.Entry<String, List<CountryCapacity>> bar : bars.entrySet()) {
            Map<String, Double> values = new LinkedHashMap<>();
            series.forEach(s -> values.put(s, 0.0));
            for (CountryCapacity c : bar.getValue()) {
                String key = c.country().equals(Country.CHINA) || named.contains(c.country())
                        ? c.country().displayName() : OTHER_COUNTRIES;
                values.merge(key, c.total(), Double::sum);
            }
            values.forEach((country, value) -> data.addValue(value, country, bar.getKey()));
        }

        StackedBarRenderer renderer = new StackedBarRenderer();
        style(renderer);
        renderer.setSeriesPaint(0, CHINA);
        for (int i = 0; i < named.size(); i++) {
            renderer.setSeriesPaint(i + 1, COUNTRY_COLOURS[i % COUNTRY_COLOURS.length]);
        }
        renderer.setSeriesPaint(series.size() - 1, OTHERS);
        renderer.setMaximumBarWidth(0.22);
        renderer.setSeriesItemLabelGenerator(0, labels((dataset, row, column) -> {
            double total = 0;
            for (int r = 0; r < dataset.getRowCount(); r++) {
                Number v = dataset.getValue(r, column);
                total += v == null ? 0 : v.doubleValue();
            }
            Number china = dataset.getValue(row, column);
            if (total <= 0 || china == null || china.doubleValue() / total < LABELLED_SHARE) {
                return null; // too narrow a bar to hold its label; the tables give every share
            }
            return "China " + oneDecimal(100 * china.doubleValue() / total) + " %";
        }));
        renderer.setSeriesItemLabelsVisible(0, true);
        renderer.setSeriesItemLabelFont(0, fonts.chart(7.5f, true));
        renderer.setSeriesItemLabelPaint(0, Color.WHITE);
        renderer.setSeriesPositiveItemLabelPosition(0,
                new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));

        NumberAxis capacity = new NumberAxis(stage.unit() + " per year");
        capacity.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
        capacity.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        capacity.setUpperMargin(0.04);
        CategoryAxis barAxis = new CategoryAxis("Period");
        barAxis.setCategoryMargin(0.2);
        barAxis.setMaximumCategoryLabelLines(2);
        barAxis.setMaximumCategoryLabelWidthRatio(0.28f);
        CategoryPlot plot = new CategoryPlot(data, barAxis, capacity, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart(stage.stage().code() + " · " + stage.unit(), ChartData.sourceLine(stage), plot);
    }

    /**
     * A stage with only a published China share (no complete baseline): the share as a marked point on a 0–100 %
     * scale, labelled with its value and year; the source line names the publication.
     */
    JFreeChart publishedShare(StageSummary stage) {
        Baseline published = stage.publishedShare().orElseThrow();
        double share = published.sharePercent().getAsDouble();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = "Published China share";
        data.addValue(share, series, "China, " + published.year());
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, CHINA);
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setDefaultItemLabelGenerator(labels((dataset, row, column) ->
                Formats.percent(dataset.getValue(row, column).doubleValue()) + " (" + published.year() + ")"));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(fonts.chart(8, true));
        renderer.setDefaultItemLabelPaint(PdfFonts.TEXT);
        // Left of the point: a share near 100 % would run its label off the plot on the right.
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9,
                TextAnchor.CENTER_RIGHT));
        renderer.setItemLabelAnchorOffset(6);
        NumberAxis shares = new NumberAxis("China's share, %");
        shares.setRange(0, 100);
        shares.setTickUnit(new NumberTickUnit(25, new DecimalFormat("0")));
        CategoryAxis axis = new CategoryAxis("Published figure");
        CategoryPlot plot = new CategoryPlot(data, axis, shares, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem(series + " (no complete baseline)", CHINA));
        plot.setFixedLegendItems(legend);
        return chart(stage.stage().code() + " · published share only", ChartData.sourceLine(stage), plot);
    }

    /** Capacity outside China by country, now and risk-weighted in the target year: the rebalancing itself. */
    JFreeChart exChina(StageSummary stage, int targetYear) {
        return countryBars(stage.stage().code() + " outside China · " + stage.unit(), ChartData.sourceLine(stage),
                stage.unit() + " per year", "Now", targetYear + " risk-weighted", ChartData.exChina(stage));
    }

    /** A stage without a complete baseline: its tracked projects' disclosed capacity by location. */
    JFreeChart tracked(Report report, StageSummary stage) {
        return countryBars(stage.stage().code() + " · tracked projects · " + stage.unit(), ChartData.sourceLine(stage),
                stage.unit() + " per year", "Operating", "Pipeline", ChartData.tracked(report.summary(), stage));
    }

    /**
     * Ex-China heavy capacity by country in the heavy view's unit: now, and in the target year as announced and
     * risk-weighted (the heavy section's chart).
     */
    JFreeChart heavyExChina(io.chokepoint.summary.HeavyView view) {
        String unit = view.unit().orElse("");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (io.chokepoint.summary.HeavyView.CountryHeavy c : view.countries()) {
            data.addValue(c.now(), "Now", c.country().displayName());
            data.addValue(c.projected(), view.targetYear() + " as announced", c.country().displayName());
            data.addValue(c.weighted(), view.targetYear() + " risk-weighted", c.country().displayName());
        }
        BarRenderer renderer = new BarRenderer();
        style(renderer);
        renderer.setSeriesPaint(0, NOW);
        renderer.setSeriesPaint(1, PUBLISHED);
        renderer.setSeriesPaint(2, PROJECTED);
        renderer.setItemMargin(0.0);
        renderer.setMaximumBarWidth(0.08);
        NumberAxis capacity = new NumberAxis(unit + " per year");
        capacity.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
        capacity.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        capacity.setUpperMargin(0.06);
        CategoryAxis countries = new CategoryAxis("Country");
        countries.setCategoryMargin(0.25);
        countries.setMaximumCategoryLabelWidthRatio(0.3f);
        CategoryPlot plot = new CategoryPlot(data, countries, capacity, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart("heavy " + view.stage().code() + " outside China · " + unit,
                "Source: tracked projects with ree_group heavy or both (Chokepoint tracker); only capacity in " + unit
                        + " is summed.", plot);
    }

    private JFreeChart countryBars(String title, String source, String valueTitle, String first, String second,
                                   List<CountryBar> bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CountryBar b : bars) {
            data.addValue(b.first(), first, b.country().displayName());
            data.addValue(b.second(), second, b.country().displayName());
        }
        BarRenderer renderer = new BarRenderer();
        style(renderer);
        renderer.setSeriesPaint(0, NOW);
        renderer.setSeriesPaint(1, PROJECTED);
        renderer.setItemMargin(0.0);
        renderer.setMaximumBarWidth(0.08);
        NumberAxis capacity = new NumberAxis(valueTitle);
        capacity.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
        capacity.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        capacity.setUpperMargin(0.06);
        CategoryAxis countries = new CategoryAxis("Country");
        countries.setCategoryMargin(0.25);
        countries.setMaximumCategoryLabelWidthRatio(0.3f);
        CategoryPlot plot = new CategoryPlot(data, countries, capacity, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart(title, source, plot);
    }

    /** China excluded, rest of world and undisclosed locations excluded: the largest countries on any bar. */
    static List<Country> namedCountries(Collection<List<CountryCapacity>> bars) {
        Map<Country, Double> largest = new TreeMap<>();
        for (List<CountryCapacity> bar : bars) {
            for (CountryCapacity c : bar) {
                if (!c.country().equals(Country.CHINA) && !c.country().isRestOfWorld()
                        && !c.country().equals(Country.UNDISCLOSED) && c.total() > 0) {
                    largest.merge(c.country(), c.total(), Math::max);
                }
            }
        }
        return largest.entrySet().stream()
                .sorted(Map.Entry.<Country, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(NAMED_COUNTRIES).map(Map.Entry::getKey).toList();
    }

    /**
     * One stage's trajectory: China's share now and in the target year (as announced, risk-weighted), as known now
     * (solid lines) and as each period's report published it (dashed, each published point marked). A period
     * without a figure breaks its line.
     */
    JFreeChart trajectory(io.chokepoint.summary.Trajectory trajectory, io.chokepoint.summary.Trajectory.Stage stage,
                          int targetYear) {
        java.util.List<io.chokepoint.tracking.ReportPeriod> periods = trajectory.periods();
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
        String[] names = {"now", targetYear + " as announced", targetYear + " risk-weighted"};
        Color[] colours = {NOW, new Color(0xC5, 0x5A, 0x11), new Color(0x2E, 0x7D, 0x32)};
        for (int published = 0; published < 2; published++) {
            for (int share = 0; share < 3; share++) {
                org.jfree.data.xy.XYSeries series = new org.jfree.data.xy.XYSeries(
                        names[share] + (published == 1 ? " (published)" : ""), false, true);
                for (int i = 0; i < stage.points().size(); i++) {
                    io.chokepoint.summary.Trajectory.Point point = stage.points().get(i);
                    io.chokepoint.summary.Trajectory.Shares shares = published == 1 ? point.published() : point.knownNow();
                    Double v = shares == null ? null : share == 0 ? shares.now() : share == 1 ? shares.asAnnounced()
                            : shares.riskWeighted();
                    series.add(i, v);
                }
                data.addSeries(series);
            }
        }
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < 6; k++) {
            boolean published = k >= 3;
            renderer.setSeriesPaint(k, colours[k % 3]);
            renderer.setSeriesStroke(k, published
                    ? new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{3f, 2f}, 0f)
                    : new BasicStroke(1.6f));
            renderer.setSeriesShapesVisible(k, published);
            renderer.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
            renderer.setSeriesVisibleInLegend(k, !published || k == 3);
        }
        renderer.setSeriesPaint(3, colours[0]);
        NumberAxis x = new NumberAxis();
        x.setRange(-0.5, Math.max(0.5, periods.size() - 0.5));
        x.setTickUnit(new NumberTickUnit(6, new PeriodFormat(periods)));
        x.setTickLabelFont(fonts.chart(7, false));
        x.setTickLabelPaint(PdfFonts.MUTED);
        x.setAxisLinePaint(GRID);
        x.setTickMarksVisible(false);
        NumberAxis y = new NumberAxis("China's share (%)");
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(5);
        y.setLabelFont(fonts.chart(7, false));
        y.setLabelPaint(PdfFonts.MUTED);
        y.setTickLabelFont(fonts.chart(7, false));
        y.setTickLabelPaint(PdfFonts.MUTED);
        y.setAxisLineVisible(false);
        y.setTickMarksVisible(false);
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, fonts.chart(9, true), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        TextTitle title = new TextTitle(stage.stage().code() + ": China's share, " + periods.get(0) + " to "
                + periods.get(periods.size() - 1), fonts.chart(9, true));
        title.setPaint(PdfFonts.TEXT);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(title);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(fonts.chart(7f, false));
        legend.setItemPaint(PdfFonts.TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        return chart;
    }

    /** Labels the trajectory's x axis (period indices) with the periods, "2025-06". */
    private static final class PeriodFormat extends java.text.NumberFormat {
        private final java.util.List<io.chokepoint.tracking.ReportPeriod> periods;

        PeriodFormat(java.util.List<io.chokepoint.tracking.ReportPeriod> periods) {
            this.periods = periods;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            return format((long) Math.rint(number), to, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            // A tick every sixth month from the first; indices outside the window have no label.
            return number >= 0 && number < periods.size() ? to.append(periods.get((int) number)) : to;
        }

        /** The index of the period written at {@code pos} ("2025-06"), as {@link #format} writes it; null if none. */
        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            for (int i = 0; i < periods.size(); i++) {
                String label = periods.get(i).toString();
                if (source.startsWith(label, pos.getIndex())) {
                    pos.setIndex(pos.getIndex() + label.length());
                    return (long) i;
                }
            }
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
    }

    /** Draws a chart into a PDF form of the given size, as vector paths and text in the embedded fonts. */
    Image vector(PdfWriter writer, JFreeChart chart, float width, float height) {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D g2 = template.createGraphics(width, height, fonts.chartFontMapper());
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        try {
            return Image.getInstance(template);
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException("cannot place chart", e);
        }
    }

    /** A chart in the report's style: its title, its axes' titles, the legend and the source line at its foot. */
    private JFreeChart chart(String title, String source, CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(4, 2, 2, 18)); // room for the last tick label
        plot.getDomainAxis().setTickLabelFont(fonts.chart(8, false));
        plot.getDomainAxis().setTickLabelPaint(PdfFonts.TEXT);
        plot.getDomainAxis().setAxisLinePaint(GRID);
        plot.getDomainAxis().setTickMarksVisible(false);
        plot.getDomainAxis().setLabelFont(fonts.chart(7.5f, false));
        plot.getDomainAxis().setLabelPaint(PdfFonts.MUTED);
        plot.getRangeAxis().setTickLabelFont(fonts.chart(7.5f, false));
        plot.getRangeAxis().setTickLabelPaint(PdfFonts.MUTED);
        plot.getRangeAxis().setLabelFont(fonts.chart(7.5f, false));
        plot.getRangeAxis().setLabelPaint(PdfFonts.MUTED);
        plot.getRangeAxis().setAxisLineVisible(false);
        plot.getRangeAxis().setTickMarksVisible(false);

        JFreeChart chart = new JFreeChart(null, fonts.chart(9, true), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        if (title != null) {
            TextTitle text = new TextTitle(title, fonts.chart(9, true));
            text.setPaint(PdfFonts.TEXT);
            text.setHorizontalAlignment(HorizontalAlignment.LEFT);
            text.setPadding(new RectangleInsets(0, 4, 4, 0));
            chart.setTitle(text);
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(fonts.chart(7.5f, false));
        legend.setItemPaint(PdfFonts.TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 6));
        // The source at the very foot, under the legend (bottom subtitles stack from the edge in the order added).
        chart.removeLegend();
        TextTitle sourceLine = new TextTitle(source, fonts.chart(6.5f, false));
        sourceLine.setPaint(PdfFonts.MUTED);
        sourceLine.setPosition(RectangleEdge.BOTTOM);
        sourceLine.setHorizontalAlignment(HorizontalAlignment.LEFT);
        sourceLine.setTextAlignment(HorizontalAlignment.LEFT);
        sourceLine.setMaximumLinesToDisplay(5);
        sourceLine.setPadding(new RectangleInsets(3, 4, 0, 0));
        chart.addSubtitle(sourceLine);
        chart.addSubtitle(legend);
        return chart;
    }

    private static void style(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
    }

    private LegendItem legendItem(String label, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, new Rectangle(0, 0, 8, 8), colour);
        item.setLabelFont(fonts.chart(7.5f, false));
        item.setLabelPaint(PdfFonts.TEXT);
        return item;
    }

    private static CategoryItemLabelGenerator labels(LabelFunction f) {
        return new CategoryItemLabelGenerator() {
            @Override
            public String generateRowLabel(CategoryDataset dataset, int row) {
                return dataset.getRowKey(row).toString();
            }

            @Override
            public String generateColumnLabel(CategoryDataset dataset, int column) {
                return dataset.getColumnKey(column).toString();
            }

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return f.label(dataset, row, column);
            }
        };
    }

    @FunctionalInterface
    private interface LabelFunction {
        String label(CategoryDataset dataset, int row, int column);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ENGLISH, "%.1f", value);
    }
}
