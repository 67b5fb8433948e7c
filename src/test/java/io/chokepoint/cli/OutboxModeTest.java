package io.chokepoint.cli;

import static io.chokepoint.cli.MailFixtures.attachment;
import static io.chokepoint.cli.MailFixtures.deliveries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;

/** No SMTP server configured: each message is written to reports/YYYY-MM/outbox/ as a complete .eml file. */
class OutboxModeTest {

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.toString()));
        if (!args[0].equals("stakeholders")) {
            // The settings file is the home's chokepoint.properties, if there is one (no --config).
            all.addAll(List.of("--reports", dir.resolve("reports").toString()));
        }
        return CliRun.run(all.toArray(String[]::new));
    }

    @Test
    void noSmtpHost_writesOneEmlPerStakeholder_thatParsesWithThePdfByteIdentical_once() throws Exception {
        // given
        cli("stakeholders", "add", "ana@example.org", "--name", "Ana Lima");
        cli("stakeholders", "add", "bo@example.org", "--name", "Nguyễn Bo");
        Path outbox = dir.resolve("reports/2026-01/outbox");
        Path pdf = dir.resolve("reports/2026-01/chokepoint-2026-01.pdf");

        // when
        CliRun run = cli("run", "--period", "2026-01");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Status: COMPLETED\n");
        assertThat(MailFixtures.files(outbox)).containsExactly(outbox.resolve("2026-01-ana@example.org.eml"),
                outbox.resolve("2026-01-bo@example.org.eml"));
        byte[] onDisk = Files.readAllBytes(pdf);
        MimeMessage toBo = MailFixtures.parse(outbox.resolve("2026-01-bo@example.org.eml"));
        assertThat(toBo.isMimeType("multipart/mixed")).isTrue();
        assertThat(toBo.getSubject()).isEqualTo("Chokepoint report 2026-01: rare-earth processing geography");
        assertThat(((InternetAddress) toBo.getAllRecipients()[0]).getPersonal()).isEqualTo("Nguyễn Bo");
        assertThat(toBo.getFrom()[0].toString()).isEqualTo("Chokepoint <chokepoint@localhost>");
        assertThat(attachment(toBo)).isEqualTo(onDisk);
        assertThat(attachment(MailFixtures.parse(outbox.resolve("2026-01-ana@example.org.eml")))).isEqualTo(onDisk);
        List<DeliveryRecord> rows = deliveries(dir.resolve("chokepoint.db"));
        assertThat(rows).extracting(DeliveryRecord::outcome).containsExactly(Outcome.OUTBOX, Outcome.OUTBOX);
        assertThat(rows).extracting(DeliveryRecord::outboxFile).containsExactly(
                outbox.resolve("2026-01-ana@example.org.eml"), outbox.resolve("2026-01-bo@example.org.eml"));
        assertThat(rows.get(1).messageId()).isEqualTo(toBo.getMessageID());

        // when the month is run again: the outbox counts as delivered, nothing is rewritten
        byte[] before = Files.readAllBytes(outbox.resolve("2026-01-bo@example.org.eml"));
        CliRun rerun = cli("run", "--period", "2026-01", "--rerun");

        assertThat(rerun.exitCode()).isZero();
        assertThat(deliveries(dir.resolve("chokepoint.db"))).hasSize(2);
        assertThat(Files.readAllBytes(outbox.resolve("2026-01-bo@example.org.eml"))).isEqualTo(before);
    }

    @Test
    void configuredFrom_isUsedWithoutAHost_andATestMessageGoesToItsOwnFile() throws Exception {
        Path settings = Files.writeString(dir.resolve("chokepoint.properties"), "smtp.from=Reports <reports@example.org>\n");
        cli("run", "--period", "2026-01", "--no-email");

        CliRun test = cli("deliver", "--period", "2026-01", "--to", "test@example.com");

        assertThat(test.exitCode()).as(test.err()).isZero();
        Path eml = dir.resolve("reports/2026-01/outbox/2026-01-test-test@example.com.eml");
        assertThat(test.out()).startsWith("OUTBOX test@example.com <").contains("written to " + eml);
        assertThat(MailFixtures.parse(eml).getFrom()[0].toString()).isEqualTo("Reports <reports@example.org>");
        assertThat(deliveries(dir.resolve("chokepoint.db"))).isEmpty();
        assertThat(settings).exists();
    }
}
