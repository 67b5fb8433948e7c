package io.chokepoint.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** Tables laid out by {@link Layout#add}, rendered and read back page by page with PDFBox. */
class OrphanRowTest {

    private static final Pattern ROW = Pattern.compile("ROW-\\d{2}");

    @TempDir
    Path dir;

    @Test
    void wherever_aTableStarts_noPageHoldsASingleOfItsRows() throws IOException {
        // Filler before the table moves its start down the page a line at a time, so that every split happens:
        // one row left at the foot of the first page, one row alone on the last.
        for (int fillerLines = 0; fillerLines < 44; fillerLines++) {
            for (int rows : new int[]{2, 3, 7, 31, 70}) {
                Path pdf = dir.resolve("table-" + fillerLines + "-" + rows + ".pdf");
                write(pdf, fillerLines, rows);

                try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                    int total = 0;
                    for (int page = 1; page <= document.getNumberOfPages(); page++) {
                        PDFTextStripper stripper = new PDFTextStripper();
                        stripper.setStartPage(page);
                        stripper.setEndPage(page);
                        Matcher m = ROW.matcher(stripper.getText(document));
                        int onPage = 0;
                        while (m.find()) {
                            onPage++;
                        }
                        assertThat(onPage).as("rows on page %d (filler %d, %d rows)", page, fillerLines, rows)
                                .isNotEqualTo(1);
                        total += onPage;
                    }
                    assertThat(total).isEqualTo(rows);
                }
            }
        }
    }

    private static void write(Path pdf, int fillerLines, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            Document document = new Document(PageSize.A4.rotate(), 36, 36, 34, 44);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            Layout layout = new Layout(document, writer, new PdfFonts());
            for (int i = 0; i < fillerLines; i++) {
                layout.paragraph("Filler line " + i, layout.fonts.body());
            }
            PdfPTable table = layout.table(30, 70);
            layout.headers(table, "Key", "Value");
            for (int r = 0; r < rows; r++) {
                layout.row(table, r, layout.cell(String.format("ROW-%02d", r)), layout.cell("value " + r));
            }
            layout.add(table);
            document.close();
        }
    }
}
