package io.chokepoint.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestReports;
import io.chokepoint.report.Report;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** The PDF's charts of China's share, on the December 2025 sample: the share axis runs from 0 to 100 %. */
class ShareAxesTest {

    @TempDir
    Path dir;

    @Test
    void shareCharts_runFrom0To100Percent_andHoldEveryShare() {
        Report report = TestReports.of(TrackerDatabase.open(dir.resolve("chokepoint.db")), ReportPeriod.parse("2025-12"),
                LocalDate.of(2026, 1, 2));
        Charts charts = new Charts(new PdfFonts());

        JFreeChart byStage = charts.chinaShareByStage(report);
        JFreeChart metal = charts.publishedShare(report.summary().stage(ChainStage.METAL));

        for (JFreeChart chart : new JFreeChart[]{byStage, metal}) {
            CategoryPlot plot = chart.getCategoryPlot();
            assertThat(plot.getRangeAxis().getLabel()).isEqualTo("China's share, %");
            assertThat(plot.getRangeAxis().getRange()).isEqualTo(new Range(0, 100));
            CategoryDataset data = plot.getDataset();
            for (int row = 0; row < data.getRowCount(); row++) {
                for (int column = 0; column < data.getColumnCount(); column++) {
                    Number value = data.getValue(row, column);
                    if (value != null) {
                        assertThat(value.doubleValue()).isBetween(0.0, 100.0);
                    }
                }
            }
        }
        // The shares are in percent, not fractions: metal's published 97 % (2024) is 97 on the axis.
        assertThat(metal.getCategoryPlot().getDataset().getValue(0, 0).doubleValue()).isEqualTo(97.0);
    }
}
