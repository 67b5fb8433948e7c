package io.chokepoint.report.pdf;

import java.awt.Color;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import io.chokepoint.tracking.ChainStage;

/**
 * The document being written and the few ways it puts things on the page: headings that never sit alone at the
 * foot of a page, paragraphs, notes and plain ruled tables whose header repeats on every page. Not thread-safe.
 */
final class Layout {
    static final Color HEADER_FILL = new Color(0xE4, 0xEA, 0xF1);
    static final Color ZEBRA_FILL = new Color(0xF6, 0xF8, 0xFA);
    static final Color RULE = new Color(0xC9, 0xD1, 0xDA);

    final Document document;
    final PdfWriter writer;
    final PdfFonts fonts;

    Layout(Document document, PdfWriter writer, PdfFonts fonts) {
        this.document = document;
        this.writer = writer;
        this.fonts = fonts;
    }

    /** Width between the margins, in points. */
    float width() {
        return document.right() - document.left();
    }

    /** Starts a new page unless at least {@code points} are left on this one. */
    void ensureSpace(float points) {
        if (writer.getVerticalPosition(true) - document.bottom() < points) {
            document.newPage();
        }
    }

    /** A section heading, kept on the page with at least {@code following} points of what comes after it. */
    void heading(String text, float following) {
        ensureSpace(30 + following);
        Paragraph p = new Paragraph(text, fonts.heading());
        p.setSpacingBefore(12);
        p.setSpacingAfter(5);
        document.add(p);
    }

    void subheading(String text, float following) {
        ensureSpace(22 + following);
        Paragraph p = new Paragraph(text, fonts.subheading());
        p.setSpacingBefore(9);
        p.setSpacingAfter(3);
        document.add(p);
    }

    void paragraph(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingAfter(3);
        p.setLeading(font.getSize() * 1.35f);
        document.add(p);
    }

    void note(String text) {
        Paragraph p = new Paragraph(text, fonts.small());
        p.setSpacingBefore(3);
        p.setLeading(fonts.small().getSize() * 1.35f);
        document.add(p);
    }

    /** A full-width table with relative column widths; its first row (added with {@link #headers}) repeats. */
    PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        return table;
    }

    /**
     * Adds a full-width table so that no page holds a single one of its body rows. The table is cut into page-sized
     * parts here, each with the repeated header, rather than left to OpenPDF's page breaks: a part is measured at the
     * table's width with some room to spare, so OpenPDF never breaks inside one. If only one row would fit at the
     * foot of this page the table starts on the next, and a lone last row takes the row before it along.
     */
    void add(PdfPTable table) {
        int headerRows = table.getHeaderRows();
        table.setTotalWidth(width());
        float header = 0;
        for (int i = 0; i < headerRows; i++) {
            header += table.getRowHeight(i);
        }
        float page = document.top() - document.bottom() - header - SLACK;
        float here = writer.getVerticalPosition(true) - document.bottom() - table.spacingBefore() - header - SLACK;
        boolean startOnNewPage = fitting(table, headerRows, here) < Math.min(2, table.size() - headerRows);
        java.util.List<Integer> sizes = parts(table, startOnNewPage ? -1 : here, page);
        int parts = sizes.size();
        if (parts > 1 && sizes.get(parts - 1) == 1) {
            if (sizes.get(parts - 2) > 2) {
                sizes.set(parts - 2, sizes.get(parts - 2) - 1);
                sizes.set(parts - 1, 2);
            } else if (!startOnNewPage) {
                // Two rows here and one alone over the page: all of them go over.
                startOnNewPage = true;
                sizes = parts(table, -1, page);
                parts = sizes.size();
            }
        }
        if (startOnNewPage) {
            document.newPage();
        }
        if (parts <= 1) {
            document.add(table);
            return;
        }
        int start = headerRows;
        for (int part = 0; part < parts; part++) {
            PdfPTable piece = new PdfPTable(table);
            int end = start + sizes.get(part);
            while (piece.size() > end) {
                piece.deleteLastRow();
            }
            for (int i = start - headerRows; i > 0; i--) {
                piece.deleteRow(headerRows);
            }
            if (part > 0) {
                document.newPage();
                piece.setSpacingBefore(0);
            }
            document.add(piece);
            start = end;
        }
    }

    /** Body rows per page: from this page's {@code here} points (none if negative), then whole pages. */
    private static java.util.List<Integer> parts(PdfPTable table, float here, float page) {
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        int next = table.getHeaderRows();
        if (here >= 0) {
            int first = fitting(table, next, here);
            sizes.add(first);
            next += first;
        }
        while (next < table.size()) {
            int rows = Math.max(fitting(table, next, page), 1);
            sizes.add(rows);
            next += rows;
        }
        return sizes;
    }

    /** Points kept free on each page: measured row heights and OpenPDF's own layout differ by up to a row or two. */
    private static final float SLACK = 36;

    /** How many rows from {@code start} fit in {@code height} points. */
    private static int fitting(PdfPTable table, int start, float height) {
        int rows = 0;
        float used = 0;
        for (int i = start; i < table.size(); i++) {
            used += table.getRowHeight(i);
            if (used > height) {
                break;
            }
            rows++;
        }
        return rows;
    }

    /** The header row, left-aligned except the columns (counted from 0) that hold numbers. */
    void headers(PdfPTable table, String[] names, int... numberColumns) {
        for (int i = 0; i < names.length; i++) {
            final int column = i;
            boolean number = java.util.Arrays.stream(numberColumns).anyMatch(c -> c == column);
            table.addCell(headerCell(names[i], number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
        }
        table.setHeaderRows(1);
    }

    void headers(PdfPTable table, String... names) {
        headers(table, names, new int[0]);
    }

    PdfPCell headerCell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.tableHeader()));
        cell.setHorizontalAlignment(alignment);
        cell.setBackgroundColor(HEADER_FILL);
        rule(cell);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    PdfPCell cell(String text) {
        return cell(text, fonts.tableCell(), Element.ALIGN_LEFT);
    }

    PdfPCell number(String text) {
        return cell(text, fonts.tableCell(), Element.ALIGN_RIGHT);
    }

    PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        rule(cell);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(3.5f);
        return cell;
    }

    /** Adds a row of cells, shaded on every other row for legibility. */
    void row(PdfPTable table, int index, PdfPCell... cells) {
        for (PdfPCell cell : cells) {
            if (index % 2 == 1) {
                cell.setBackgroundColor(ZEBRA_FILL);
            }
            table.addCell(cell);
        }
    }

    /** A borderless cell holding an element (a nested table or a chart) for side-by-side layout. */
    static PdfPCell frame(Element content) {
        PdfPCell cell = content instanceof Image image ? new PdfPCell(image, false) : new PdfPCell();
        if (!(content instanceof Image)) {
            cell.addElement(content);
        }
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /** A borderless, full-width table with relative column widths, for side-by-side layout. */
    static PdfPTable grid(float... widths) {
        PdfPTable grid = new PdfPTable(widths);
        grid.setWidthPercentage(100);
        grid.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        return grid;
    }

    private static void rule(PdfPCell cell) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
    }

    /** A source as a reader quotes it: without its links, which the workbook and the sources table carry. */
    static String shortSource(String source) {
        return source == null ? "" : io.chokepoint.report.ChartData.withoutLinks(source);
    }

    /** A stage as the midstream section names it. */
    static String stageTitle(ChainStage stage) {
        return switch (stage) {
            case SEPARATION -> "Separation (oxides)";
            case METAL -> "Metal (metallization, oxide to metal)";
            case ALLOY -> "Alloy (NdFeB and other alloys)";
            default -> Character.toUpperCase(stage.code().charAt(0)) + stage.code().substring(1);
        };
    }

    static String status(String code) {
        return code.replace('_', ' ');
    }
}
