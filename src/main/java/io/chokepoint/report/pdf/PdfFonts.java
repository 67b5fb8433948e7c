package io.chokepoint.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The report's fonts: DejaVu Sans, shipped in the jar and embedded in the PDF, so that every name in the data
 * (Hải Phòng, Société) prints as written and the text stays extractable on any machine.
 */
final class PdfFonts {
    final BaseFont regular;
    final BaseFont bold;

    PdfFonts() {
        regular = load("/fonts/DejaVuSans.ttf");
        bold = load("/fonts/DejaVuSans-Bold.ttf");
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + resource, e);
        }
    }

    Font body() {
        return new Font(regular, 9);
    }

    Font small() {
        return new Font(regular, 7.5f, Font.NORMAL, Color.DARK_GRAY);
    }

    Font tableHeader() {
        return new Font(bold, 8);
    }

    Font tableCell() {
        return new Font(regular, 8);
    }

    Font heading() {
        return new Font(bold, 13);
    }

    Font title() {
        return new Font(bold, 18);
    }
}
