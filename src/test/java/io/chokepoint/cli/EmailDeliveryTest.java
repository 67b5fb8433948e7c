package io.chokepoint.cli;

import static io.chokepoint.cli.MailFixtures.attachment;
import static io.chokepoint.cli.MailFixtures.deliveries;
import static io.chokepoint.cli.MailFixtures.imapInbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;

/**
 * The monthly job and the deliver command mailing the PDF through GreenMail, a real SMTP server in-process; what
 * arrived is read back over IMAP.
 */
class EmailDeliveryTest {

    private static final String SUBJECT = "Chokepoint report 2026-01: rare-earth processing geography";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("ana@example.org", "ana", MailFixtures.IMAP_PASSWORD)
                    .withUser("bo@example.org", "bo", MailFixtures.IMAP_PASSWORD)
                    .withUser("chi@example.net", "chi", MailFixtures.IMAP_PASSWORD)
                    .withUser("test@example.com", "test", MailFixtures.IMAP_PASSWORD));

    @TempDir
    Path dir;

    private Path db;
    private Path pdf;
    private Path settings;

    @BeforeEach
    void threeStakeholders() throws Exception {
        db = dir.resolve("chokepoint.db");
        // A tracker named by --db must exist: init makes it.
        assertThat(CliRun.run("init", "--sample", "--db", db.toString()).exitCode()).isZero();
        pdf = dir.resolve("reports/2026-01/chokepoint-2026-01.pdf");
        settings = MailFixtures.smtpSettings(dir, GREEN_MAIL.getSmtp().getBindTo(), GREEN_MAIL.getSmtp().getPort());
        assertThat(cli("stakeholders", "add", "ana@example.org", "--name", "Ana Lima", "--stages", "metal").exitCode())
                .isZero();
        assertThat(cli("stakeholders", "add", "bo@example.org", "--name", "Bo \"Procurement\" Nguyễn").exitCode())
                .isZero();
        assertThat(cli("stakeholders", "add", "chi@example.net", "--name", "Chi", "--countries", "VN").exitCode())
                .isZero();
    }

    private CliRun cli(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        if (command.equals("stakeholders")) {
            all.add(args[0]);
            all.addAll(List.of("--db", db.toString()));
            all.addAll(List.of(args).subList(1, args.length));
        } else {
            all.addAll(List.of("--db", db.toString(), "--reports", dir.resolve("reports").toString()));
            all.addAll(List.of(args));
        }
        return CliRun.run(Map.of(), all.toArray(String[]::new));
    }

    @Test
    void threeStakeholders_getOneMessageEach_theSamePeriodAgainSendsNothing_resendSendsAgain() throws Exception {
        // when
        CliRun run = cli("run", "--period", "2026-01", "--config", settings.toString());

        // then: one message per stakeholder, the attachment byte-identical to the PDF on disk
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Status: COMPLETED\n");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
        byte[] onDisk = Files.readAllBytes(pdf);
        List<DeliveryRecord> rows = deliveries(db);
        for (String login : List.of("ana", "bo", "chi")) {
            List<MimeMessage> inbox = imapInbox(GREEN_MAIL, login);
            assertThat(inbox).as(login).hasSize(1);
            MimeMessage mail = inbox.get(0);
            assertThat(mail.getSubject()).isEqualTo(SUBJECT);
            assertThat(mail.getFrom()[0].toString()).isEqualTo(MailFixtures.FROM);
            assertThat(attachment(mail)).isEqualTo(onDisk);
            String to = MailFixtures.to(mail);
            DeliveryRecord row = rows.stream().filter(r -> r.recipient().equals(to)).findFirst().orElseThrow();
            assertThat(row.messageId()).isEqualTo(mail.getMessageID());
        }
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.outcome()).isEqualTo(Outcome.SENT);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.attachmentSha256()).isEqualTo(MailFixtures.sha256(pdf));
            assertThat(row.serverReply()).startsWith("250");
            assertThat(row.resend()).isFalse();
            assertThat(row.finishedAt()).isNotNull();
        });

        // when the period is run again, and delivered again: nothing is sent
        CliRun rerun = cli("run", "--period", "2026-01", "--rerun", "--config", settings.toString());
        CliRun deliver = cli("deliver", "--period", "2026-01", "--config", settings.toString());

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(deliver.exitCode()).isZero();
        assertThat(deliver.out()).contains("Nothing to send for 2026-01: 3 of 3 active stakeholders already have it");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
        assertThat(deliveries(db)).hasSize(3);

        // when resent on purpose: everyone gets it again, with the rerun's PDF
        CliRun resend = cli("deliver", "--period", "2026-01", "--resend", "--config", settings.toString());

        assertThat(resend.exitCode()).as(resend.out() + resend.err()).isZero();
        assertThat(resend.out()).contains("SENT ana@example.org <").contains("SENT bo@example.org <")
                .contains("SENT chi@example.net <").contains(": 3 sent, 0 written to the outbox, 0 rejected, 0 failed");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(6);
        assertThat(attachment(imapInbox(GREEN_MAIL, "ana").get(1))).isEqualTo(Files.readAllBytes(pdf));
        assertThat(deliveries(db)).filteredOn(DeliveryRecord::resend).hasSize(3)
                .allSatisfy(row -> assertThat(row.outcome()).isEqualTo(Outcome.SENT));
    }

    @Test
    void noEmail_skipsTheMail_andDeliverSendsItLater_aStakeholderAddedLaterGetsItAlone() throws Exception {
        CliRun run = cli("run", "--period", "2026-01", "--no-email", "--config", settings.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Status: COMPLETED (EMAIL_SKIPPED)");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

        CliRun dryRun = cli("deliver", "--period", "2026-01", "--dry-run", "--config", settings.toString());

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("Would send 2026-01 to 3 of 3 active stakeholders through SMTP server "
                + GREEN_MAIL.getSmtp().getBindTo() + ":" + GREEN_MAIL.getSmtp().getPort() + " (TLS: none):")
                .contains("  ana@example.org (Ana Lima), following stages metal");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(deliveries(db)).isEmpty();

        CliRun deliver = cli("deliver", "--period", "2026-01", "--config", settings.toString());

        assertThat(deliver.exitCode()).as(deliver.out() + deliver.err()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);

        cli("stakeholders", "add", "test@example.com", "--name", "Late Comer");
        CliRun again = cli("deliver", "--period", "2026-01", "--config", settings.toString());

        assertThat(again.out()).contains("SENT test@example.com").contains(": 1 sent,");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(4);
    }

    @Test
    void deliverTo_sendsOneTestMessage_thatIsNotRecorded() throws Exception {
        cli("run", "--period", "2026-01", "--no-email");

        CliRun test = cli("deliver", "--period", "2026-01", "--to", "test@example.com", "--config", settings.toString());

        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("SENT test@example.com <").contains("(test message, not recorded as a delivery)");
        List<MimeMessage> inbox = imapInbox(GREEN_MAIL, "test");
        assertThat(inbox).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("[test] " + SUBJECT);
            assertThat(attachment(mail)).isEqualTo(Files.readAllBytes(pdf));
        });
        assertThat(deliveries(db)).isEmpty();
        // The stakeholders are still owed their mail.
        assertThat(cli("deliver", "--period", "2026-01", "--dry-run", "--config", settings.toString()).out())
                .contains("Would send 2026-01 to 3 of 3");
    }

    @Test
    void resendTo_oneStakeholder_sendsOnlyToThem_andAnyOtherAddressIsAUsageError() throws Exception {
        cli("run", "--period", "2026-01", "--config", settings.toString());

        CliRun one = cli("deliver", "--period", "2026-01", "--resend", "--to", "BO@example.org", "--config",
                settings.toString());
        CliRun stranger = cli("deliver", "--period", "2026-01", "--resend", "--to", "test@example.com", "--config",
                settings.toString());

        assertThat(one.exitCode()).as(one.out() + one.err()).isZero();
        assertThat(imapInbox(GREEN_MAIL, "bo")).hasSize(2);
        assertThat(imapInbox(GREEN_MAIL, "ana")).hasSize(1);
        assertThat(stranger.exitCode()).isEqualTo(2);
        assertThat(stranger.err()).contains("test@example.com is not an active stakeholder; to send a test message"
                + " to any address, use --to without --resend");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(4);
    }

    @Test
    void deliver_withoutThePdf_isAnInputError() {
        CliRun deliver = cli("deliver", "--period", "2026-02", "--config", settings.toString());

        assertThat(deliver.exitCode()).isEqualTo(3);
        assertThat(deliver.err().strip()).isEqualTo("No report for 2026-02: "
                + dir.resolve("reports/2026-02/chokepoint-2026-02.pdf") + " does not exist; produce it with:"
                + " chokepoint run --period 2026-02");
    }

    @Test
    void deliver_withInvalidSettingsOrAddress_saysWhatIsWrong() throws Exception {
        cli("run", "--period", "2026-01", "--no-email");
        Path broken = Files.writeString(dir.resolve("broken.properties"), "smtp.host=localhost\nsmtp.tls=tls\n"
                + "smtp.from=r@example.org\n");

        CliRun badSettings = cli("deliver", "--period", "2026-01", "--config", broken.toString());
        CliRun badAddress = cli("deliver", "--period", "2026-01", "--to", "not-an-address", "--config",
                settings.toString());

        assertThat(badSettings.exitCode()).isEqualTo(3);
        assertThat(badSettings.err()).contains("Invalid mail settings: smtp.tls in " + broken
                + ": unknown TLS mode 'tls', expected one of none, starttls, ssl");
        assertThat(badAddress.exitCode()).isEqualTo(2);
        assertThat(badAddress.err()).startsWith("--to: recipient address 'not-an-address' is not a single valid"
                + " email address");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }
}
