package io.chokepoint.delivery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The mail that carries one report: a subject, the same text as plain text and as HTML, and one PDF attached
 * under {@code attachmentName}. The attachment is read when the message is sent, not when this is created.
 */
public record ReportMessage(String subject, String textBody, String htmlBody, Path attachment, String attachmentName) {

    public ReportMessage {
        requireText(subject, "subject");
        HeaderText.requireSafe(subject, "subject");
        requireText(textBody, "text body");
        requireText(htmlBody, "HTML body");
        Objects.requireNonNull(attachment, "attachment");
        requireText(attachmentName, "attachment name");
        HeaderText.requireSafe(attachmentName, "attachment name");
        // The name is a suggestion to the recipient's mail program: a path in it would be a trap.
        if (attachmentName.contains("/") || attachmentName.contains("\\")) {
            throw new IllegalArgumentException("attachment name '" + attachmentName
                    + "' must be a plain file name without / or \\");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
