package io.chokepoint.report.excel;

import java.util.Set;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How each sheet prints: A4, landscape when its tables are wider than a portrait page, scaled to one page wide and
 * as many pages tall as it needs, the rows above its frozen pane (its header) repeated on every page, the report's
 * title and period in the page header and "Page n of m" in the footer. Set on the in-memory model behind the
 * streamed sheets, which holds everything but their rows.
 */
final class PrintLayout {

    /** The printable width of a portrait A4 page at Excel's default margins (0.7"), in points. */
    static final double PORTRAIT_WIDTH_PT = 595.3 - 2 * 0.7 * 72;
    /** Points per pixel of a column width: Excel's widths are in pixels at 96 dpi. */
    private static final double PT_PER_PX = 72.0 / 96;

    private PrintLayout() {
    }

    /**
     * Sets up every sheet of {@code workbook} with {@code title} (such as "…, December 2025") in its header.
     * {@code blockSheets} are made of several tables, each with its own header, such as the Summary: their frozen
     * rows (the title and sentences above the first table) are not repeated on every page.
     */
    static void apply(XSSFWorkbook workbook, String title, Set<String> blockSheets) {
        for (Sheet sheet : workbook) {
            apply((XSSFSheet) sheet, title, !blockSheets.contains(sheet.getSheetName()));
        }
    }

    private static void apply(XSSFSheet sheet, String title, boolean repeatHeader) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(widthPt(sheet) > PORTRAIT_WIDTH_PT);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0); // as many pages tall as the rows need
        sheet.setAutobreaks(true);
        PaneInformation pane = sheet.getPaneInformation();
        if (repeatHeader && pane != null && pane.isFreezePane() && pane.getHorizontalSplitPosition() > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, pane.getHorizontalSplitPosition() - 1, -1, -1));
        }
        // In header and footer text '&' starts a code: a literal one is doubled.
        sheet.getHeader().setLeft("&A");
        sheet.getHeader().setCenter(title.replace("&", "&&"));
        sheet.getFooter().setCenter("Page &P of &N");
    }

    /** The width of the sheet's tables (its data), from column A, in points. */
    static double widthPt(XSSFSheet sheet) {
        int last = 0;
        for (XSSFTable table : sheet.getTables()) {
            last = Math.max(last, table.getEndColIndex());
        }
        double px = 0;
        for (int column = 0; column <= last; column++) {
            px += sheet.getColumnWidthInPixels(column);
        }
        return px * PT_PER_PX;
    }
}
