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

import io.chokepoint.report.Headline;
import io.chokepoint.report.Report;
import io.chokepoint.report.StageCitations;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.StageSummary;

/**
 * The Summary sheet: headline numbers per stage and native Excel charts drawn from cells of the same sheet.
 * Written on the XSSF (in-memory) model because streaming sheets cannot hold charts; it is small.
 */
final class SummarySheet {

    /** Countries shown per stage in the capacity chart; the rest are summed as "Others". */
    private static final int TOP_COUNTRIES = 5;
    private static final byte[] NOW_COLOUR = {(byte) 0x2F, (byte) 0x55, (byte) 0x97};
    private static final byte[] FUTURE_COLOUR = {(byte) 0xED, (byte) 0x7D, (byte) 0x31};

    private final XSSFSheet sheet;
    private final Cells cells;
    private final Report report;
    private int next;

    SummarySheet(XSSFSheet sheet, Cells cells, Report report) {
        this.sheet = sheet;
        this.cells = cells;
        this.report = report;
    }

    void write() {
        Analysis analysis = report.analysis();
        int target = report.summary().settings().targetYear();
        Row title = sheet.createRow(next++);
        Cells.text(title, 0, "Chokepoint: rare-earth processing geography, " + report.period().title());
        title.getCell(0).setCellStyle(cells.title);
        Cells.text(sheet.createRow(next++), 0, "All figures as of " + report.asOf() + "; "
                + report.summary().reportedProjects() + " tracked projects; generated " + report.generatedOn() + ".");
        next++;
        // The same generated sentences as the PDF's first page.
        for (String sentence : Headline.sentences(report)) {
            Cells.text(sheet.createRow(next++), 0, sentence);
        }
        next++;
        int headerRow = next++;
        cells.header(sheet, headerRow, "Stage", "China share", "Projected China share " + target + " (risk-weighted)",
                "Projected China share " + target + " (as announced)", "Change since last month",
                "Projected change since last month", "Baseline year", "Note", "Baseline source",
                "Baseline published on", "Published China share " + target + " (projection)");
        sheet.createFreezePane(0, 0);
        for (StageSummary s : report.summary().stages()) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, s.stage().code());
            cells.share(row, 1, s.chinaSharePercent());
            cells.projection(row, 2, s.projectedWeighted());
            cells.projection(row, 3, s.projected());
            Cells.number(row, 4, analysis.chinaShareChange(s.stage()), cells.points);
            Cells.number(row, 5, analysis.projectedShareChange(s.stage()), cells.points);
            s.baselineYear().ifPresent(y -> Cells.number(row, 6, y, cells.integer));
            Cells.text(row, 7, s.hasCompleteBaseline() ? "" : ExcelReportWriter.noBaselineNote(s));
            Cells.text(row, 8, StageCitations.baselineSource(s));
            s.baselinePublishedOn().ifPresent(d -> Cells.text(row, 9, d.toString()));
            Cells.text(row, 10, StageCitations.publishedProjection(s));
        }
        Cells.wide(sheet, 34, 0);
        Cells.wide(sheet, 18, 1, 2, 3, 4, 5);
        Cells.wide(sheet, 60, 7);
        next++;
        // Charts stand to the right of the tables (from column J), one under the other.
        shareChart(target);
        for (StageSummary s : report.summary().stages()) {
            if (s.hasCompleteBaseline()) {
                capacityChart(s, target);
            }
        }
    }

    private int chartTop;

    /** China share by stage, now and projected, for the stages with a computed share. */
    private void shareChart(int target) {
        List<StageSummary> shared = report.summary().stages().stream()
                .filter(StageSummary::hasCompleteBaseline).toList();
        if (shared.isEmpty()) {
            return;
        }
        int dataHeader = next++;
        Row header = sheet.createRow(dataHeader);
        Cells.text(header, 0, "Chart data: China share by stage");
        Cells.text(header, 1, "Now");
        Cells.text(header, 2, String.valueOf(target) + " (risk-weighted)");
        int first = next;
        for (StageSummary s : shared) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, s.stage().code());
            Cells.number(row, 1, s.chinaSharePercent().orElse(0.0) / 100, cells.percent);
            Cells.number(row, 2, s.projectedChinaSharePercent().orElse(0.0) / 100, cells.percent);
        }
        int last = next - 1;
        next++;
        bar("China share by stage: now vs " + target, dataHeader, first, last);
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
        Row header = sheet.createRow(dataHeader);
        Cells.text(header, 0, "Chart data: " + s.stage().code() + " capacity by country (" + s.unit() + ")");
        Cells.text(header, 1, "Now");
        Cells.text(header, 2, target + " (risk-weighted)");
        int first = next;
        for (int i = 0; i < names.size(); i++) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, names.get(i));
            Cells.number(row, 1, values.get(i)[0], cells.tonnes);
            Cells.number(row, 2, values.get(i)[1], cells.tonnes);
        }
        int last = next - 1;
        next++;
        bar(s.stage().code() + ": capacity by country, now vs " + target + " (" + s.unit() + ")",
                dataHeader, first, last);
    }

    private void bar(String title, int headerRow, int first, int last) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 9, chartTop, 19, chartTop + 18);
        chartTop += 20;
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        series(data, names, headerRow, first, last, 1, NOW_COLOUR);
        series(data, names, headerRow, first, last, 2, FUTURE_COLOUR);
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
