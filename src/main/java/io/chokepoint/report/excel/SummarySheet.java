package io.chokepoint.report.excel;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;

import io.chokepoint.report.ChartData;
import io.chokepoint.report.ChartData.CountryBar;
import io.chokepoint.report.Headline;
import io.chokepoint.report.Movers;
import io.chokepoint.report.Report;
import io.chokepoint.report.StageCitations;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.Disclosure;
import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.SoftData;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;

/**
 * The Summary sheet: headline numbers per stage, the disclosure scores of each stage's pipeline, and native Excel
 * charts drawn from tables of the same sheet, each with axis titles and its source. Written on the XSSF
 * (in-memory) model because streaming sheets cannot hold charts; it is small.
 */
final class SummarySheet {

    /** Countries shown per stage in the capacity chart; the rest are summed as "Others". */
    private static final int TOP_COUNTRIES = 5;
    private static final byte[] NOW_COLOUR = {(byte) 0x2F, (byte) 0x55, (byte) 0x97};
    private static final byte[] FUTURE_COLOUR = {(byte) 0xED, (byte) 0x7D, (byte) 0x31};
    private static final byte[] PUBLISHED_COLOUR = {(byte) 0xA3, (byte) 0xA8, (byte) 0xB0};

    private final XSSFSheet sheet;
    private final Cells cells;
    private final Report report;
    private int next;

    SummarySheet(XSSFSheet sheet, Cells cells, Report report) {
        this.sheet = sheet;
        this.cells = cells;
        this.report = report;
    }

    /** The workbook's title, with the period: the Summary's first line and every printed page's header. */
    static String title(Report report) {
        return "Chokepoint: rare-earth processing geography, " + report.period().title();
    }

    void write() {
        Analysis analysis = report.analysis();
        int target = report.summary().settings().targetYear();
        Row title = sheet.createRow(next++);
        Cells.text(title, 0, title(report));
        title.getCell(0).setCellStyle(cells.title);
        Cells.text(sheet.createRow(next++), 0, "All figures as of " + report.asOf() + "; "
                + report.summary().reportedProjects() + " tracked projects; generated " + report.generatedOn() + ".");
        next++;
        // What moved, as the PDF's first page says it; then the generated sentences.
        Cells.text(sheet.createRow(next++), 0, "What moved this month");
        List<Movers.Mover> movers = Movers.of(report.analysis(), Movers.SHOWN);
        if (movers.isEmpty()) {
            Cells.text(sheet.createRow(next++), 0, "Nothing moved this month.");
        }
        for (Movers.Mover mover : movers) {
            Cells.text(sheet.createRow(next++), 0, mover.sentence());
        }
        next++;
        for (String sentence : Headline.sentences(report)) {
            Cells.text(sheet.createRow(next++), 0, sentence);
        }
        for (StageSummary s : report.summary().stages()) {
            for (String line : StageCitations.differences(s, target)) {
                Cells.text(sheet.createRow(next++), 0, "Why ours differs: " + line);
            }
        }
        next++;
        int headerRow = next++;
        cells.header(sheet, headerRow, "Stage", "China share", "Projected China share " + target + " (risk-weighted)",
                "Projected China share " + target + " (as announced)", "Change since last month",
                "Projected change since last month", "Baseline year", "Note", "Baseline source",
                "Baseline published on", "Published China share " + target + " (projection)");
        for (StageSummary s : report.summary().stages()) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, s.stage().code());
            cells.share(row, 1, s.chinaSharePercent());
            cells.projection(row, 2, s.projectedWeighted());
            cells.projection(row, 3, s.projected());
            Cells.number(row, 4, analysis.chinaShareChange(s.stage()), cells.points);
            Cells.number(row, 5, analysis.projectedShareChange(s.stage()), cells.points);
            s.baselineYear().ifPresent(y -> Cells.number(row, 6, y, cells.integer));
            Cells.text(row, 7, !s.hasCompleteBaseline() ? ExcelReportWriter.noBaselineNote(s)
                    : s.projectionNotComputable() ? "Projection " + s.projected().get().notComputableText() : "");
            Cells.text(row, 8, StageCitations.baselineSource(s));
            s.baselinePublishedOn().ifPresent(d -> cells.date(row, 9, d));
            Cells.text(row, 10, StageCitations.publishedProjection(s));
        }
        cells.table(sheet, headerRow, next - 1, "SummaryStages");
        Cells.wide(sheet, 34, 0);
        Cells.wide(sheet, 18, 1, 2, 3, 4, 5);
        Cells.wide(sheet, 60, 7);
        next++;
        disclosureScores();
        shareChart(target);
        for (StageSummary s : report.summary().stages()) {
            if (s.hasCompleteBaseline()) {
                capacityChart(s, target);
            } else if (ChartData.hasTrackedCapacity(report.summary(), s)) {
                trackedChart(s);
            }
        }
        for (StageSummary s : report.summary().stages()) {
            if (!ChartData.exChina(s).isEmpty()) {
                exChinaChart(s, target);
            }
        }
        placeCharts();
    }

    /** How many of each stage's pipeline projects disclose 0, 1, … 5 of the five facts. */
    private void disclosureScores() {
        Cells.text(sheet.createRow(next++), 0, "Disclosure score of pipeline projects: one point each for a "
                + "capacity, an investment, a target year, a binding offtake and a dated source (5 = solid).");
        int headerRow = next++;
        String[] names = new String[Disclosure.MAX_SCORE + 3];
        names[0] = "Stage (pipeline projects by disclosure score)";
        for (int score = 0; score <= Disclosure.MAX_SCORE; score++) {
            names[score + 1] = "Score " + score;
        }
        names[names.length - 1] = "Pipeline projects";
        cells.blockHeader(sheet, headerRow, names);
        for (StageSummary s : report.summary().stages()) {
            SoftData soft = s.softData();
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, s.stage().code());
            for (int score = 0; score <= Disclosure.MAX_SCORE; score++) {
                Cells.number(row, score + 1, soft.withScore(score), cells.integer);
            }
            Cells.number(row, names.length - 1, soft.pipelineProjects(), cells.integer);
        }
        cells.table(sheet, headerRow, next - 1, "DisclosureScores");
        next++;
    }

    /** The charts, drawn once every table is written: they go below all of them. */
    private final List<Chart> charts = new ArrayList<>();

    /** A chart of the table at {@code headerRow}; {@code share} when its values are shares (fractions of 1). */
    private record Chart(String title, String source, String categoryTitle, String valueTitle, int headerRow,
                         int first, int last, int lastColumn, boolean share) {
    }

    /**
     * China share by stage, now and projected, for the stages with a computed share; a stage with only a published
     * share shows it as a third series, with its year and source in the table beside it.
     */
    private void shareChart(int target) {
        List<StageSummary> shared = report.summary().stages().stream()
                .filter(s -> s.hasCompleteBaseline() || s.publishedShare().isPresent()).toList();
        if (shared.isEmpty()) {
            return;
        }
        int dataHeader = next++;
        cells.blockHeader(sheet, dataHeader, "Chart data: China share by stage", "Now",
                target + " (risk-weighted)", "Published share (no complete baseline)", "Source");
        int first = next;
        for (StageSummary s : shared) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, s.stage().code());
            if (s.hasCompleteBaseline()) {
                cells.share(row, 1, s.chinaSharePercent());
                cells.share(row, 2, s.projectedChinaSharePercent());
            } else {
                Baseline published = s.publishedShare().get();
                cells.share(row, 3, java.util.Optional.of(published.sharePercent().getAsDouble()));
            }
            Cells.text(row, 4, ChartData.sourceLine(s));
        }
        int last = next - 1;
        cells.table(sheet, dataHeader, last, "ChartShareByStage");
        next++;
        charts.add(new Chart("China share by stage: now vs " + target, ChartData.sourceLine(shared), "Stage",
                "China's share", dataHeader, first, last, 3, true));
    }

    /** Capacity outside China by country, now and in the target year (risk-weighted): the rebalancing itself. */
    private void exChinaChart(StageSummary s, int target) {
        List<CountryBar> bars = ChartData.exChina(s);
        int dataHeader = next++;
        cells.blockHeader(sheet, dataHeader, "Chart data: " + s.stage().code() + " capacity outside China ("
                + s.unit() + ")", "Now", target + " (risk-weighted)");
        int first = next;
        for (CountryBar b : bars) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, b.country().displayName());
            Cells.number(row, 1, b.first(), cells.tonnes);
            Cells.number(row, 2, b.second(), cells.tonnes);
        }
        int last = next - 1;
        cells.table(sheet, dataHeader, last, "ChartExChina_" + s.stage().code());
        next++;
        charts.add(new Chart(s.stage().code() + ": capacity outside China, now vs " + target + " risk-weighted ("
                + s.unit() + ")", ChartData.sourceLine(s), "Country", s.unit() + " per year", dataHeader, first, last,
                2, false));
    }

    /** A stage without a complete baseline: its tracked projects' disclosed capacity by location. */
    private void trackedChart(StageSummary s) {
        List<CountryBar> bars = ChartData.tracked(report.summary(), s);
        int dataHeader = next++;
        cells.blockHeader(sheet, dataHeader, "Chart data: " + s.stage().code() + " tracked capacity by location ("
                + s.unit() + ")", "Operating", "Pipeline");
        int first = next;
        for (CountryBar b : bars) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, b.country().displayName());
            Cells.number(row, 1, b.first(), cells.tonnes);
            Cells.number(row, 2, b.second(), cells.tonnes);
        }
        int last = next - 1;
        cells.table(sheet, dataHeader, last, "ChartTracked_" + s.stage().code());
        next++;
        charts.add(new Chart(s.stage().code() + ": tracked capacity by location, no complete baseline ("
                + s.unit() + ")", ChartData.sourceLine(s), "Country (location)", s.unit() + " per year", dataHeader,
                first, last, 2, false));
    }

    /** Operating capacity by country now and in the target year (risk-weighted) for one stage. */
    private void capacityChart(StageSummary s, int target) {
        ProjectedShare projected = s.projectedWeighted().orElseThrow();
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        double otherNow = 0;
        double otherFuture = 0;
        for (CountryCapacity future : projected.countries()) {
            double now = s.countries().stream().filter(c -> c.country().equals(future.country()))
                    .mapToDouble(CountryCapacity::total).sum();
            if (names.size() < TOP_COUNTRIES && !future.country().isRestOfWorld()) {
                names.add(future.country().displayName());
                values.add(new double[]{now, future.total()});
            } else {
                otherNow += now;
                otherFuture += future.total();
            }
        }
        names.add("Others and rest of world");
        values.add(new double[]{otherNow, otherFuture});

        int dataHeader = next++;
        cells.blockHeader(sheet, dataHeader, "Chart data: " + s.stage().code() + " capacity by country ("
                + s.unit() + ")", "Now", target + " (risk-weighted)");
        int first = next;
        for (int i = 0; i < names.size(); i++) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, names.get(i));
            Cells.number(row, 1, values.get(i)[0], cells.tonnes);
            Cells.number(row, 2, values.get(i)[1], cells.tonnes);
        }
        int last = next - 1;
        cells.table(sheet, dataHeader, last, "ChartCapacity_" + s.stage().code());
        next++;
        charts.add(new Chart(s.stage().code() + ": capacity by country, now vs " + target + " (" + s.unit() + ")",
                ChartData.sourceLine(s), "Country", s.unit() + " per year", dataHeader, first, last, 2, false));
    }

    /**
     * Lays the charts out below every table of the sheet, so none covers a cell, in rows of as many as fit side by
     * side within the tables' width (at least one): each spans whole columns, enough of them for
     * {@link #CHART_WIDTH_PX}, measured on the sheet's own column widths.
     */
    private void placeCharts() {
        if (charts.isEmpty()) {
            return;
        }
        int lastDataColumn = 0;
        for (XSSFTable table : sheet.getTables()) {
            lastDataColumn = Math.max(lastDataColumn, table.getEndColIndex());
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int top = next + 1;
        int column = 0;
        for (Chart chart : charts) {
            int end = spanEnd(column);
            if (column > 0 && end > lastDataColumn + 1) {
                top += CHART_ROWS + 2;
                column = 0;
                end = spanEnd(column);
            }
            bar(drawing.createAnchor(0, 0, 0, 0, column, top, end, top + CHART_ROWS), chart);
            column = end;
        }
    }

    /** A chart's width and height on the sheet, in pixels and in (default-height) rows. */
    private static final int CHART_WIDTH_PX = 560;
    private static final int CHART_ROWS = 22;

    /** The column where a chart starting at {@code column} ends (exclusive): the first at least CHART_WIDTH_PX on. */
    private int spanEnd(int column) {
        float width = 0;
        int end = column;
        while (width < CHART_WIDTH_PX) {
            width += sheet.getColumnWidthInPixels(end++);
        }
        return end;
    }

    /**
     * A column chart of the table at the chart's header row: categories in its first column, one series per column
     * up to its last column. The title carries the source on a second line, and both axes have titles; a chart of
     * shares runs from 0 to 100 %.
     */
    private void bar(XSSFClientAnchor anchor, Chart spec) {
        XSSFChart chart = sheet.getDrawingPatriarch().createChart(anchor);
        chart.setTitleText(spec.title() + "\n" + spec.source());
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        categories.setTitle(spec.categoryTitle());
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setTitle(spec.valueTitle());
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        if (spec.share()) {
            // Shares are stored as fractions (Cells.share): 0 to 1 is 0 to 100 %.
            values.setMinimum(0);
            values.setMaximum(1);
        }
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(spec.first(), spec.last(), 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        byte[][] colours = {NOW_COLOUR, FUTURE_COLOUR, PUBLISHED_COLOUR};
        for (int column = 1; column <= spec.lastColumn(); column++) {
            series(data, names, spec.headerRow(), spec.first(), spec.last(), column, colours[column - 1]);
        }
        chart.plot(data);
    }

    private void series(XDDFBarChartData data, XDDFDataSource<String> names, int headerRow, int first, int last,
                        int column, byte[] colour) {
        XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, column, column));
        XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(names, numbers);
        series.setTitle(sheet.getRow(headerRow).getCell(column).getStringCellValue(),
                new CellReference(sheet.getSheetName(), headerRow, column, true, true));
        // LibreOffice draws a bar series only if it has an explicit fill.
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
    }
}
