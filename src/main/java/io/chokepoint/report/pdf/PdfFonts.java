package io.chokepoint.report.pdf;

import java.awt.Color;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

/**
 * The report's fonts: DejaVu Sans, shipped in the jar and embedded in the PDF, so that every name in the data
 * (Hải Phòng, Société) prints as written and the text stays extractable on any machine. Charts are laid out with
 * AWT fonts made from the same files and drawn with the same embedded fonts, so their labels are real text too.
 * Not thread-safe: one instance per document.
 */
final class PdfFonts {
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x55, 0x5B, 0x66);

    final BaseFont regular;
    final BaseFont bold;
    private final java.awt.Font awtRegular;
    private final java.awt.Font awtBold;

    PdfFonts() {
        byte[] regularBytes = read("/fonts/DejaVuSans.ttf");
        byte[] boldBytes = read("/fonts/DejaVuSans-Bold.ttf");
        regular = pdfFont("DejaVuSans.ttf", regularBytes);
        bold = pdfFont("DejaVuSans-Bold.ttf", boldBytes);
        awtRegular = awtFont(regularBytes);
        awtBold = awtFont(boldBytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + resource, e);
        }
    }

    private static BaseFont pdfFont(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + name, e);
        }
    }

    private static java.awt.Font awtFont(byte[] bytes) {
        try {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot read a shipped font for charts", e);
        }
    }

    /** An AWT font for chart layout, in points. */
    java.awt.Font chart(float size, boolean boldFace) {
        return (boldFace ? awtBold : awtRegular).deriveFont(size);
    }

    /** Maps the chart's AWT fonts back to the embedded PDF fonts they were made from. */
    FontMapper chartFontMapper() {
        return new FontMapper() {
            @Override
            public BaseFont awtToPdf(java.awt.Font font) {
                return font.getFontName().contains("Bold") ? bold : regular;
            }

            @Override
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return chart(size, font == bold);
            }
        };
    }

    Font body() {
        return new Font(regular, 9, Font.NORMAL, TEXT);
    }

    Font lead() {
        return new Font(regular, 10, Font.NORMAL, TEXT);
    }

    Font small() {
        return new Font(regular, 7.5f, Font.NORMAL, MUTED);
    }

    Font tableHeader() {
        return new Font(bold, 7.5f, Font.NORMAL, TEXT);
    }

    Font tableCell() {
        return new Font(regular, 7.5f, Font.NORMAL, TEXT);
    }

    Font tableCellBold() {
        return new Font(bold, 7.5f, Font.NORMAL, TEXT);
    }

    Font tableCellMuted() {
        return new Font(regular, 7.5f, Font.NORMAL, MUTED);
    }

    Font subheading() {
        return new Font(bold, 10.5f, Font.NORMAL, TEXT);
    }

    Font heading() {
        return new Font(bold, 13, Font.NORMAL, TEXT);
    }

    Font title() {
        return new Font(bold, 17, Font.NORMAL, TEXT);
    }
}
