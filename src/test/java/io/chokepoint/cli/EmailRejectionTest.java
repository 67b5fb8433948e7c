package io.chokepoint.cli;

import static io.chokepoint.cli.MailFixtures.deliveries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.FakeSmtpServer;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;

/**
 * A recipient's server refuses the message for good (550, from a fake server: GreenMail cannot on demand): the
 * refusal is recorded with the server's reply, the others are delivered, the month completes, and the refused
 * recipient is not tried again unless resent on purpose.
 */
class EmailRejectionTest {

    private static final String MAILBOX_UNAVAILABLE = "550 5.1.1 <bo@example.org>: mailbox unavailable";

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void threeStakeholders() {
        db = MailFixtures.trackerWithThreeStakeholders(dir);
    }

    private CliRun cli(String command, Path settings, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--period", "2026-01", "--db", db.toString(),
                "--reports", dir.resolve("reports").toString(), "--config", settings.toString()));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    @Test
    void permanentRejection_isRecordedWithTheReply_othersAreDelivered_andItIsRetriedOnlyOnPurpose() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(to -> to.equals("bo@example.org") ? MAILBOX_UNAVAILABLE : null)) {
            Path settings = MailFixtures.smtpSettings(dir, server.host(), server.port());

            // when
            CliRun run = cli("run", settings);

            // then
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Status: COMPLETED (COMPLETED_WITH_REJECTIONS)");
            assertThat(deliveries(db)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome,
                    DeliveryRecord::attempts, DeliveryRecord::serverReply).containsExactly(
                    tuple("ana@example.org", Outcome.SENT, 1, "250 2.0.0 queued as fake-1"),
                    tuple("bo@example.org", Outcome.REJECTED, 1, MAILBOX_UNAVAILABLE),
                    tuple("chi@example.net", Outcome.SENT, 1, "250 2.0.0 queued as fake-2"));
            assertThat(deliveries(db)).filteredOn(r -> r.outcome() == Outcome.REJECTED).singleElement()
                    .satisfies(r -> assertThat(r.messageId()).isNotNull());
            assertThat(server.received()).extracting(FakeSmtpServer.Received::recipients)
                    .containsExactly(List.of("ana@example.org"), List.of("chi@example.net"));

            // when the month is run again and delivered again: the rejected recipient is not retried
            CliRun rerun = cli("run", settings, "--rerun");
            CliRun deliver = cli("deliver", settings);

            assertThat(rerun.exitCode()).isZero();
            assertThat(rerun.out()).contains("Status: COMPLETED\n");
            assertThat(deliver.exitCode()).isZero();
            assertThat(deliver.out()).contains("Not retried (rejected earlier; --resend --to EMAIL sends on purpose):"
                    + " bo@example.org").contains("Nothing to send for 2026-01: 2 of 3 active stakeholders already have it");
            assertThat(deliveries(db)).hasSize(3);

            // when resent on purpose: tried again, refused again, reported with exit 1
            CliRun resend = cli("deliver", settings, "--resend", "--to", "bo@example.org");

            assertThat(resend.exitCode()).isEqualTo(1);
            assertThat(resend.out()).contains("REJECTED bo@example.org <").contains(": " + MAILBOX_UNAVAILABLE);
            assertThat(server.received()).hasSize(2);
            assertThat(Files.exists(dir.resolve("reports/2026-01/chokepoint-2026-01.pdf"))).isTrue();
        }
    }
}
