package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.tracking.store.TrackerDatabase;

/** What the mail tests of the command line share: settings files, the tracker's delivery rows, MIME read-back. */
final class MailFixtures {
    static final String FROM = "Chokepoint Reports <reports@example.org>";
    static final String IMAP_PASSWORD = "imap-pw";

    private MailFixtures() {
    }

    /** A chokepoint.properties in {@code dir} for a plain SMTP server on loopback, plus any extra lines. */
    /** The three stakeholders of the mail tests. */
    static final List<String> THREE_STAKEHOLDERS = List.of("ana@example.org", "bo@example.org", "chi@example.net");

    /** A sample tracker made with init (a tracker named by --db must exist), with the three stakeholders. */
    static Path trackerWithThreeStakeholders(Path dir) {
        Path db = dir.resolve("chokepoint.db");
        assertThat(CliRun.run("init", "--sample", "--db", db.toString()).exitCode()).isZero();
        for (String email : THREE_STAKEHOLDERS) {
            assertThat(CliRun.run("stakeholders", "add", email, "--name", "N", "--db", db.toString()).exitCode())
                    .isZero();
        }
        return db;
    }

    static Path smtpSettings(Path dir, String host, int port, String... extra) throws IOException {
        List<String> lines = new ArrayList<>(List.of("smtp.host=" + host, "smtp.port=" + port, "smtp.tls=none",
                "smtp.from=" + FROM));
        lines.addAll(Arrays.asList(extra));
        return Files.write(dir.resolve("chokepoint.properties"), lines);
    }

    static List<DeliveryRecord> deliveries(Path db) {
        return new DeliveryLog(TrackerDatabase.connect(db)).all();
    }

    /** The messages in a GreenMail user's inbox, read over IMAP, detached from the store. */
    static List<MimeMessage> imapInbox(GreenMailOperations greenMail, String login) throws MessagingException {
        Store store = greenMail.getImap().createStore();
        store.connect(login, IMAP_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                copies.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return copies;
        } finally {
            store.close();
        }
    }

    static MimeMessage parse(Path eml) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    static MimeMessage parse(String data) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(data.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The report mail's PDF: the second part of multipart/mixed, decoded. */
    static byte[] attachment(MimeMessage message) throws IOException, MessagingException {
        Multipart mixed = (Multipart) message.getContent();
        BodyPart pdf = mixed.getBodyPart(1);
        if (!pdf.isMimeType("application/pdf")) {
            throw new AssertionError("expected the PDF as the second part, was " + pdf.getContentType());
        }
        return pdf.getInputStream().readAllBytes();
    }

    static String to(MimeMessage message) throws MessagingException {
        return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
