package io.chokepoint.cli;

import static io.chokepoint.cli.MailFixtures.deliveries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.FakeSmtpServer;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;

/**
 * The SMTP server is down when the month runs: the job fails at email-pdf naming the server, the reports stay,
 * and running the month again (a restart of the failed execution) sends exactly the messages that did not go out.
 */
class EmailOutageTest {

    @TempDir
    Path dir;

    private Path db;
    private GreenMail greenMail;

    @BeforeEach
    void threeStakeholders() {
        db = MailFixtures.trackerWithThreeStakeholders(dir);
    }

    @AfterEach
    void stopServer() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private CliRun run(Path settings) {
        return CliRun.run("run", "--period", "2026-01", "--db", db.toString(), "--reports",
                dir.resolve("reports").toString(), "--config", settings.toString());
    }

    @Test
    void serverDown_jobFailsNamingTheServer_keepsTheReports_restartSendsEveryMessageOnce() throws Exception {
        // given: a port that nothing listens on until the server is started
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        Path settings = MailFixtures.smtpSettings(dir, "127.0.0.1", port);

        // when
        CliRun down = run(settings);

        // then
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.out()).contains("Status: FAILED (EMAIL_FAILED: delivery to ana@example.org through SMTP"
                + " server 127.0.0.1:" + port + " (TLS: none) failed after 3 attempts: cannot connect to 127.0.0.1:"
                + port + " (ConnectException: Connection refused); 3 of 3 messages for 2026-01 not sent, to be sent"
                + " when the delivery runs again)");
        assertThat(down.out()).contains("Wrote: " + dir.resolve("reports/2026-01/chokepoint-2026-01.xlsx"))
                .contains("Wrote: " + dir.resolve("reports/2026-01/chokepoint-2026-01.pdf"));
        assertThat(deliveries(db)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome, DeliveryRecord::attempts)
                .containsExactly(tuple("ana@example.org", Outcome.FAILED, 3));

        // when the server is up and the month is run again
        greenMail.start();
        CliRun up = run(settings);

        // then
        assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
        assertThat(up.out()).contains("Period 2026-01: restarting execution 1 (FAILED)").contains("Status: COMPLETED");
        assertThat(recipients(greenMail.getReceivedMessages()))
                .containsExactlyInAnyOrder("ana@example.org", "bo@example.org", "chi@example.net");
        assertThat(deliveries(db)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome).containsExactly(
                tuple("ana@example.org", Outcome.FAILED), tuple("ana@example.org", Outcome.SENT),
                tuple("bo@example.org", Outcome.SENT), tuple("chi@example.net", Outcome.SENT));
    }

    @Test
    void serverGoesDownMidRun_restartSendsOnlyTheMessagesThatDidNotGoOut() throws Exception {
        // given: a server that accepts the first connection, then answers "421 try later" until it is back up
        AtomicBoolean up = new AtomicBoolean(false);
        try (FakeSmtpServer server = new FakeSmtpServer(to -> null,
                connection -> connection == 1 || up.get() ? "220 fake.test ESMTP" : "421 4.3.2 shutting down")) {
            Path settings = MailFixtures.smtpSettings(dir, server.host(), server.port());

            // when
            CliRun down = run(settings);

            // then: ana got it, bo failed after three attempts, chi was not tried
            assertThat(down.exitCode()).isEqualTo(1);
            assertThat(down.out()).contains("EMAIL_FAILED: delivery to bo@example.org through SMTP server "
                    + server.host() + ":" + server.port() + " (TLS: none) failed after 3 attempts: ")
                    .contains("421 4.3.2 shutting down").contains("2 of 3 messages for 2026-01 not sent");
            assertThat(server.received()).extracting(FakeSmtpServer.Received::recipients)
                    .containsExactly(List.of("ana@example.org"));

            // when the server is back and the month is run again
            up.set(true);
            CliRun again = run(settings);

            // then: exactly the two missing messages, no duplicate for ana
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(server.received()).extracting(FakeSmtpServer.Received::recipients).containsExactly(
                    List.of("ana@example.org"), List.of("bo@example.org"), List.of("chi@example.net"));
            assertThat(deliveries(db)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome).containsExactly(
                    tuple("ana@example.org", Outcome.SENT), tuple("bo@example.org", Outcome.FAILED),
                    tuple("bo@example.org", Outcome.SENT), tuple("chi@example.net", Outcome.SENT));
        }
    }

    private static List<String> recipients(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return MailFixtures.to(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
