package io.chokepoint.report.excel;

import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.chokepoint.report.Report;
import io.chokepoint.report.TrackRecordText;
import io.chokepoint.summary.TrackRecord;
import io.chokepoint.summary.Trajectory;

/**
 * The Trajectory sheet (one row per stage and period, as known now and as published, with a native line chart per
 * stage beside it) and the Track record sheet. On the XSSF (in-memory) model, like the Summary sheet, because
 * streaming sheets cannot hold charts; both are small (24 rows per stage, one row per stage).
 */
record TrajectorySheets(XSSFWorkbook workbook, Cells cells, Report report) {

    static final String TRAJECTORY = "Trajectory";
    static final String TRACK_RECORD = "Track record";
    private static final byte[][] COLOURS = {
            {(byte) 0x1F, (byte) 0x4E, (byte) 0x79}, {(byte) 0xC5, (byte) 0x5A, (byte) 0x11},
            {(byte) 0x2E, (byte) 0x7D, (byte) 0x32}};

    void write() {
        Trajectory trajectory = report.rebalancing().trajectory();
        if (!trajectory.periods().isEmpty()) {
            trajectory(workbook.createSheet(TRAJECTORY), trajectory);
        }
        report.rebalancing().trackRecord().ifPresent(r -> trackRecord(workbook.createSheet(TRACK_RECORD), r));
    }

    private void trajectory(XSSFSheet sheet, Trajectory trajectory) {
        int target = report.summary().settings().targetYear();
        cells.header(sheet, 0, "Stage", "Period", "Now (as known now)", target + " as announced (as known now)",
                target + " risk-weighted (as known now)", "Now (as published)", target + " as announced (as published)",
                target + " risk-weighted (as published)");
        int next = 1;
        int chartTop = 0;
        for (Trajectory.Stage stage : trajectory.stages()) {
            int first = next;
            for (Trajectory.Point p : stage.points()) {
                Row row = sheet.createRow(next++);
                Cells.text(row, 0, stage.stage().code());
                Cells.text(row, 1, p.period().toString());
                shares(row, 2, p.knownNow());
                if (p.published() != null) {
                    shares(row, 5, p.published());
                }
            }
            chart(sheet, stage.stage().code() + ": China's share, as known now (solid) and as published (dashed)",
                    first, next - 1, chartTop);
            chartTop += 22;
        }
        cells.table(sheet, 0, next - 1, "Trajectory");
    }

    private void shares(Row row, int column, Trajectory.Shares s) {
        cells.share(row, column, Optional.ofNullable(s.now()));
        cells.share(row, column + 1, Optional.ofNullable(s.asAnnounced()));
        cells.share(row, column + 2, Optional.ofNullable(s.riskWeighted()));
    }

    /** A native line chart of one stage's rows: six series, the published ones dashed with markers. */
    private void chart(XSSFSheet sheet, String title, int first, int last, int top) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 9, top, 19, top + 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis periods = chart.createCategoryAxis(AxisPosition.BOTTOM);
        periods.setTitle("Period");
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setTitle("China's share");
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, 1, 1));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, periods, values);
        data.setVaryColors(false);
        for (int column = 2; column <= 7; column++) {
            boolean published = column >= 5;
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, last, column, column));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(names, numbers);
            series.setTitle(sheet.getRow(0).getCell(column).getStringCellValue(),
                    new CellReference(sheet.getSheetName(), 0, column, true, true));
            series.setSmooth(false);
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(
                    XDDFColor.from(COLOURS[(column - 2) % 3])));
            line.setWidth(published ? 1.0 : 2.25);
            if (published) {
                line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
                series.setMarkerStyle(MarkerStyle.CIRCLE);
            } else {
                series.setMarkerStyle(MarkerStyle.NONE);
            }
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setLineProperties(line);
            series.setShapeProperties(shape);
        }
        chart.plot(data);
    }

    private void trackRecord(XSSFSheet sheet, TrackRecord record) {
        cells.header(sheet, 0, "Stage", "Unit", "Due before", "Due: projects", "Due: capacity",
                "On time: projects", "On time: capacity", "Late: projects", "Late: capacity",
                "Not yet operating: projects", "Not yet operating: capacity", "Suspended or cancelled: projects",
                "Suspended or cancelled: capacity", "Undisclosed capacity (projects)", "Operating share",
                "Target moved (projects)", "Median slip (years)");
        int next = 1;
        for (TrackRecord.Stage s : record.stages()) {
            Row row = sheet.createRow(next++);
            Cells.text(row, 0, s.stage().code());
            Cells.text(row, 1, s.unit());
            Cells.number(row, 2, record.year(), cells.integer);
            int column = 3;
            TrackRecord.Tally[] tallies = {s.due(), s.outcome(TrackRecord.Outcome.ON_TIME),
                    s.outcome(TrackRecord.Outcome.LATE), s.outcome(TrackRecord.Outcome.NOT_YET),
                    s.outcome(TrackRecord.Outcome.STOPPED)};
            for (TrackRecord.Tally t : tallies) {
                Cells.number(row, column++, t.projects(), cells.integer);
                Cells.number(row, column++, t.tonnes(), cells.tonnes);
            }
            Cells.number(row, column++, s.due().undisclosed(), cells.integer);
            cells.share(row, column++, s.operatingSharePercent());
            Cells.number(row, column++, s.moved(), cells.integer);
            Cells.number(row, column, s.medianSlip(), cells.decimal);
        }
        cells.table(sheet, 0, next - 1, "TrackRecord");
        int weights = next + 1;
        cells.blockHeader(sheet, weights, "Status", "Projection weight (setting)");
        int firstWeight = weights + 1;
        for (io.chokepoint.tracking.ProjectStatus status : io.chokepoint.tracking.ProjectStatus.values()) {
            Row row = sheet.createRow(++weights);
            Cells.text(row, 0, status.code());
            Cells.number(row, 1, record.weights().get(status), cells.decimal);
        }
        cells.table(sheet, firstWeight - 1, weights, "TrackRecordWeights");
        Row note = sheet.createRow(weights + 2);
        Cells.text(note, 0, "Projects whose first announced target year is before " + record.year()
                + "; on time = first operating fact by the end of that year. Weights: "
                + TrackRecordText.weights(record) + ".");
    }
}
