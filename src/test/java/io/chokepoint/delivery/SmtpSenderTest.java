package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sends through GreenMail, a real SMTP server in-process, and reads what arrived back over IMAP. */
class SmtpSenderTest {

    private static final Map<String, String> MAILBOXES = Map.of(
            "ana@example.org", "ana", "bo@example.org", "bo", "chi@example.net", "chi");
    private static final String IMAP_PASSWORD = "imap-pw";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("ana@example.org", "ana", IMAP_PASSWORD)
                    .withUser("bo@example.org", "bo", IMAP_PASSWORD)
                    .withUser("chi@example.net", "chi", IMAP_PASSWORD)
                    .withUser("reports@example.org", "reports", "s3cr3t-Pa55"));

    @TempDir
    Path dir;

    private final List<Duration> waits = new ArrayList<>();

    private MailSettings settings(String user, String password, TlsMode tls) {
        ServerSetup smtp = GREEN_MAIL.getSmtp().getServerSetup();
        // Plain SMTP on loopback: the password may go in clear here.
        return MailSettings.of(smtp.getBindAddress(), GREEN_MAIL.getSmtp().getPort(), user, password,
                Fixtures.FROM, tls, true).withRetry(3, Duration.ofMillis(1));
    }

    private SmtpSender sender(MailSettings settings) {
        return new SmtpSender(settings, Fixtures.CLOCK, waits::add);
    }

    @Test
    void threeRecipients_eachReceiveOneMessageWithTheAttachmentByteIdentical() throws Exception {
        // given
        Path pdf = Fixtures.pdf(dir);
        byte[] onDisk = Files.readAllBytes(pdf);
        SmtpSender sender = sender(settings(null, null, TlsMode.NONE));
        List<Recipient> recipients = List.of(new Recipient("ana@example.org", "Ana Lima"),
                new Recipient("bo@example.org", "Bo \"Procurement\" Nguyễn, Hanoi"), Recipient.of("chi@example.net"));

        // when
        List<DeliveryOutcome> outcomes = recipients.stream().map(r -> sender.send(Fixtures.report(pdf), r)).toList();

        // then
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.reply()).startsWith("250");
            assertThat(outcome.attachmentSha256()).isEqualTo(ReportMime.sha256(onDisk));
            assertThat(outcome.at()).isEqualTo(Fixtures.NOW);
            assertThat(outcome.outboxFile()).isNull();
            assertThat(outcome.messageId()).matches("<[0-9a-f-]{36}@example\\.org>");
        });
        assertThat(outcomes).extracting(DeliveryOutcome::messageId).doesNotHaveDuplicates();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
        assertThat(waits).isEmpty();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            List<MimeMessage> inbox = imapInbox(MAILBOXES.get(recipient.email()));
            assertThat(inbox).hasSize(1);
            Fixtures.ReadBack mail = Fixtures.readBack(inbox.get(0));
            assertThat(mail.messageId()).isEqualTo(outcomes.get(i).messageId());
            assertThat(mail.subject()).isEqualTo(Fixtures.SUBJECT);
            assertThat(mail.from()).isEqualTo(Fixtures.FROM);
            assertThat(mail.text()).isEqualTo(Fixtures.TEXT);
            assertThat(mail.html()).isEqualTo(Fixtures.HTML);
            assertThat(mail.attachmentType()).isEqualTo("application/pdf");
            assertThat(mail.attachmentName()).isEqualTo("chokepoint-2025-11.pdf");
            assertThat(mail.disposition()).isEqualTo("attachment");
            assertThat(mail.transferEncoding()).isEqualTo("base64");
            assertThat(mail.attachment()).isEqualTo(onDisk);
        }
        // The display name with quotes and a comma stayed one address.
        MimeMessage toBo = imapInbox("bo").get(0);
        assertThat(toBo.getAllRecipients()).hasSize(1);
        assertThat(((InternetAddress) toBo.getAllRecipients()[0]).getPersonal())
                .isEqualTo("Bo \"Procurement\" Nguyễn, Hanoi");
    }

    @Test
    void userAndPassword_authenticateAndSend() throws Exception {
        SmtpSender sender = sender(settings("reports", "s3cr3t-Pa55", TlsMode.NONE));

        DeliveryOutcome outcome = sender.send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
        assertThat(imapInbox("ana")).hasSize(1);
    }

    @Test
    void wrongPassword_isFailedAfterOneAttempt() throws Exception {
        SmtpSender sender = sender(settings("reports", "wrong-password", TlsMode.NONE));

        DeliveryOutcome outcome = sender.send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.reply()).startsWith("authentication failed at " + settings(null, null, TlsMode.NONE).endpoint());
        assertThat(waits).isEmpty();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsRequired_serverWithoutStarttls_isFailedAndNothingIsSentInClear() throws Exception {
        SmtpSender sender = sender(settings(null, null, TlsMode.STARTTLS));

        DeliveryOutcome outcome = sender.send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.reply()).contains("STARTTLS");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void missingAttachment_throwsDeliveryExceptionNamingTheFile() {
        SmtpSender sender = sender(settings(null, null, TlsMode.NONE));
        Path missing = dir.resolve("missing.pdf");

        assertThatThrownBy(
                        () -> sender.send(Fixtures.report(missing), Recipient.of("ana@example.org")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining(missing.toString());
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    private static List<MimeMessage> imapInbox(String login) throws Exception {
        Store store = GREEN_MAIL.getImap().createStore();
        store.connect(login, IMAP_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                // A detached copy: it stays readable after the store is closed.
                copies.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return copies;
        } finally {
            store.close();
        }
    }
}
