package io.chokepoint.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds the MIME form of a {@link ReportMessage}: multipart/mixed holding a multipart/alternative (plain text,
 * then HTML, both UTF-8) and each attachment in base64, the PDF (application/pdf) first.
 */
final class ReportMime {

    /** A message ready to send or write, with the Message-ID it will carry and the report's (the PDF's) digest. */
    record Prepared(MimeMessage message, String messageId, String attachmentSha256) {
    }

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private ReportMime() {
    }

    static Prepared prepare(Session session, InternetAddress from, Recipient to, ReportMessage report, Instant date) {
        List<byte[]> contents = report.attachments().stream().map(a -> read(a.file())).toList();
        String messageId = "<" + UUID.randomUUID() + "@" + idDomain(from) + ">";
        try {
            MimeMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, to.toAddress());
            message.setSubject(report.subject(), UTF_8);
            message.setSentDate(Date.from(date));

            MimeBodyPart text = new MimeBodyPart();
            text.setText(report.textBody(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(report.htmlBody(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);

            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (int i = 0; i < contents.size(); i++) {
                ReportMessage.Attachment file = report.attachments().get(i);
                MimeBodyPart attachment = new MimeBodyPart();
                attachment.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(contents.get(i), file.contentType())));
                attachment.setFileName(file.name());
                attachment.setDisposition(MimeBodyPart.ATTACHMENT);
                attachment.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(attachment);
            }

            message.setContent(mixed);
            message.saveChanges();
            return new Prepared(message, message.getMessageID(), sha256(contents.get(0)));
        } catch (MessagingException e) {
            throw new DeliveryException("cannot build the mail for " + to.email() + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] read(Path attachment) {
        try {
            return Files.readAllBytes(attachment);
        } catch (IOException e) {
            throw new DeliveryException("cannot read attachment " + attachment + ": " + e, e);
        }
    }

    private static String idDomain(InternetAddress from) {
        String domain = Addresses.domain(from);
        return domain == null || domain.isEmpty() ? "chokepoint.invalid" : domain;
    }

    /**
     * Keeps the Message-ID it was given. MimeMessage would otherwise make a new one on every saveChanges(), and
     * the ID recorded in the outcome must be the one the recipient gets, the same on every retry.
     */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
