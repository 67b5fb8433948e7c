package io.chokepoint.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The mail that carries one report: a subject, the same text as plain text and as HTML, and its attachments in
 * order, the report's PDF first (its digest is the one recorded for the delivery). The attachments are read when
 * the message is sent, not when this is created.
 */
public record ReportMessage(String subject, String textBody, String htmlBody, List<Attachment> attachments) {

    /** The PDF's media type. */
    public static final String PDF = "application/pdf";
    /** The media type of an Excel workbook (.xlsx). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * One attached file.
     *
     * @param file        read when the message is sent
     * @param name        the file name the recipient sees: a plain name, no path
     * @param contentType its media type, e.g. {@link #PDF}
     */
    public record Attachment(Path file, String name, String contentType) {
        public Attachment {
            Objects.requireNonNull(file, "file");
            requireText(name, "attachment name");
            HeaderText.requireSafe(name, "attachment name");
            // The name is a suggestion to the recipient's mail program: a path in it would be a trap.
            if (name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("attachment name '" + name
                        + "' must be a plain file name without / or \\");
            }
            requireText(contentType, "attachment type");
            HeaderText.requireSafe(contentType, "attachment type");
        }
    }

    public ReportMessage {
        requireText(subject, "subject");
        HeaderText.requireSafe(subject, "subject");
        requireText(textBody, "text body");
        requireText(htmlBody, "HTML body");
        attachments = List.copyOf(attachments);
        if (attachments.isEmpty()) {
            throw new IllegalArgumentException("a report mail attaches at least the report");
        }
    }

    /** A mail with the report's PDF alone. */
    public ReportMessage(String subject, String textBody, String htmlBody, Path attachment, String attachmentName) {
        this(subject, textBody, htmlBody, List.of(new Attachment(attachment, attachmentName, PDF)));
    }

    /** The report's PDF. */
    public Path attachment() {
        return attachments.get(0).file();
    }

    /** The report's PDF's name, as the recipient sees it. */
    public String attachmentName() {
        return attachments.get(0).name();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
