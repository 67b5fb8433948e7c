package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxWriterTest {

    @TempDir
    Path dir;

    private OutboxWriter writer(Path outbox) {
        return new OutboxWriter(outbox, "2025-11", Fixtures.FROM, Fixtures.CLOCK);
    }

    @Test
    void send_writesAnEmlThatParsesBackWithTheAttachmentByteIdentical() throws Exception {
        // given
        Path pdf = Fixtures.pdf(dir);
        Path outbox = dir.resolve("outbox");

        // when
        DeliveryOutcome outcome = writer(outbox).send(Fixtures.report(pdf), new Recipient("ana@example.org", "Ana Lima"));

        // then
        Path file = outbox.resolve("2025-11-ana@example.org.eml");
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.OUTBOX);
        assertThat(outcome.outboxFile()).isEqualTo(file);
        assertThat(outcome.attempts()).isZero();
        assertThat(outcome.at()).isEqualTo(Fixtures.NOW);
        assertThat(outcome.attachmentSha256()).isEqualTo(ReportMime.sha256(Files.readAllBytes(pdf)));
        Fixtures.ReadBack mail = Fixtures.readBack(parse(file));
        assertThat(mail.messageId()).isEqualTo(outcome.messageId());
        assertThat(mail.subject()).isEqualTo(Fixtures.SUBJECT);
        assertThat(mail.from()).isEqualTo(Fixtures.FROM);
        assertThat(mail.to()).isEqualTo("Ana Lima <ana@example.org>");
        assertThat(mail.text()).isEqualTo(Fixtures.TEXT);
        assertThat(mail.html()).isEqualTo(Fixtures.HTML);
        assertThat(mail.attachmentType()).isEqualTo("application/pdf");
        assertThat(mail.attachmentName()).isEqualTo("chokepoint-2025-11.pdf");
        assertThat(mail.transferEncoding()).isEqualTo("base64");
        assertThat(mail.attachment()).isEqualTo(Files.readAllBytes(pdf));
        assertThat(parse(file).getSentDate().toInstant()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void nonAsciiNames_areEncodedInTheHeaders() throws Exception {
        OutboxWriter writer = new OutboxWriter(dir.resolve("outbox"), "2025-11", "Chokepoint Équipe <reports@example.org>",
                Fixtures.CLOCK);

        DeliveryOutcome outcome = writer.send(Fixtures.report(Fixtures.pdf(dir)), new Recipient("bo@example.org", "Nguyễn Bo"));

        String headers = Files.readString(outcome.outboxFile(), StandardCharsets.ISO_8859_1)
                .split("\r\n\r\n", 2)[0];
        assertThat(headers.chars()).allMatch(c -> c < 128);
        MimeMessage parsed = parse(outcome.outboxFile());
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Chokepoint Équipe");
        assertThat(((InternetAddress) parsed.getAllRecipients()[0]).getPersonal()).isEqualTo("Nguyễn Bo");
        assertThat(parsed.getSubject()).isEqualTo(Fixtures.SUBJECT);
    }

    @Test
    void sendingAgain_replacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        Path pdf = Fixtures.pdf(dir);
        OutboxWriter writer = writer(dir.resolve("outbox"));

        DeliveryOutcome first = writer.send(Fixtures.report(pdf), Recipient.of("ana@example.org"));
        DeliveryOutcome second = writer.send(Fixtures.report(pdf), Recipient.of("ana@example.org"));

        assertThat(second.outboxFile()).isEqualTo(first.outboxFile());
        assertThat(parse(second.outboxFile()).getMessageID()).isEqualTo(second.messageId());
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("2025-11-ana@example.org.eml");
        }
    }

    @Test
    void fileName_keepsSafeAddressesAndHashesOnesThatNeededChanges() {
        assertThat(OutboxWriter.fileName("2025-11", Recipient.of("Ana.Lima+reports@Example.org")))
                .isEqualTo("2025-11-ana.lima+reports@example.org.eml");
        assertThat(OutboxWriter.fileName("2025-11", Recipient.of("o'neil@example.org")))
                .matches("2025-11-o_neil@example\\.org-[0-9a-f]{8}\\.eml");
        assertThat(OutboxWriter.fileName("2025-11", Recipient.of("o'neil@example.org")))
                .isNotEqualTo(OutboxWriter.fileName("2025-11", Recipient.of("o`neil@example.org")));
        assertThat(OutboxWriter.fileName("2025-11", Recipient.of("\"../../etc\"@example.org")))
                .doesNotContain("/").startsWith("2025-11-_.._.._etc_@example.org-");
    }

    @Test
    void unsafePrefix_isRefused() {
        assertThatThrownBy(() -> new OutboxWriter(dir, "../2025-11", Fixtures.FROM, Fixtures.CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../2025-11'");
    }

    @Test
    void missingAttachment_throwsAndWritesNothing() {
        Path outbox = dir.resolve("outbox");
        Path missing = dir.resolve("missing.pdf");

        assertThatThrownBy(() -> writer(outbox).send(Fixtures.report(missing), Recipient.of("ana@example.org")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining(missing.toString());
        assertThat(outbox).doesNotExist();
    }

    @Test
    void outboxThatIsAFile_throwsDeliveryException() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("outbox"), "a file");

        assertThatThrownBy(() -> writer(notADirectory).send(Fixtures.report(Fixtures.pdf(dir)),
                Recipient.of("ana@example.org")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("cannot write outbox file");
    }

    private static MimeMessage parse(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
