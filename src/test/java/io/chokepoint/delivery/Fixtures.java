package io.chokepoint.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Test data shared by the delivery tests: a real PDF, a report mail, a fixed clock, and a MIME reader. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-12-01T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String FROM = "Chokepoint Reports <reports@example.org>";
    static final String SUBJECT = "Chokepoint — rare-earth report 2025-11";
    static final String TEXT = "The November report is attached.\nMetal: China 97 %.";
    static final String HTML = "<p>The November report is attached.</p><p>Metal: China 97&nbsp;%.</p>";

    private Fixtures() {
    }

    /** Writes a small real PDF (compressed, so its bytes are binary) and returns its path. */
    static Path pdf(Path directory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, bytes);
        document.open();
        document.add(new Paragraph("Chokepoint 2025-11: separation, metal, alloy. Ho Chi Minh City."));
        document.close();
        Path file = directory.resolve("chokepoint-2025-11.pdf");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    static ReportMessage report(Path pdf) {
        return new ReportMessage(SUBJECT, TEXT, HTML, pdf, "chokepoint-2025-11.pdf");
    }

    /** The parts of a received or written report mail, read back through Jakarta Mail. */
    record ReadBack(String messageId, String subject, String from, String to, String text, String html,
                    String attachmentType, String attachmentName, String disposition, String transferEncoding,
                    byte[] attachment) {
    }

    static ReadBack readBack(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/mixed")) {
            throw new AssertionError("expected multipart/mixed, was " + message.getContentType());
        }
        Multipart mixed = (Multipart) message.getContent();
        if (mixed.getCount() != 2) {
            throw new AssertionError("expected 2 parts, was " + mixed.getCount());
        }
        BodyPart alternative = mixed.getBodyPart(0);
        if (!alternative.isMimeType("multipart/alternative")) {
            throw new AssertionError("expected multipart/alternative, was " + alternative.getContentType());
        }
        Multipart bodies = (Multipart) alternative.getContent();
        BodyPart text = bodies.getBodyPart(0);
        BodyPart html = bodies.getBodyPart(1);
        if (bodies.getCount() != 2 || !text.isMimeType("text/plain") || !html.isMimeType("text/html")) {
            throw new AssertionError("expected text/plain then text/html");
        }
        BodyPart pdf = mixed.getBodyPart(1);
        String[] encoding = pdf.getHeader("Content-Transfer-Encoding");
        return new ReadBack(message.getMessageID(), message.getSubject(), message.getFrom()[0].toString(),
                message.getAllRecipients()[0].toString(), lf((String) text.getContent()), lf((String) html.getContent()),
                pdf.getContentType().split(";")[0].strip().toLowerCase(), pdf.getFileName(), pdf.getDisposition(),
                encoding == null ? null : encoding[0], pdf.getInputStream().readAllBytes());
    }

    /** Text parts travel with CRLF line ends (MIME canonical form); the bodies were written with LF. */
    private static String lf(String text) {
        return text.replace("\r\n", "\n");
    }
}
