package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP server is down: a GreenMail on a fixed loopback port that is started only when the test says so. */
class SmtpSenderOutageTest {

    @TempDir
    Path dir;

    private int port;
    private GreenMail greenMail;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void reservePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private SmtpSender sender(RetryPause pause) {
        MailSettings settings = MailSettings.of("127.0.0.1", port, null, null, Fixtures.FROM, TlsMode.NONE)
                .withRetry(3, Duration.ofMillis(5));
        return new SmtpSender(settings, Fixtures.CLOCK, pause);
    }

    @Test
    void serverDown_isFailedAfterMaxAttemptsWithDoublingBackoff_thenSentOnceTheServerIsUp() throws Exception {
        // given
        SmtpSender sender = sender(waits::add);
        ReportMessage report = Fixtures.report(Fixtures.pdf(dir));

        // when
        DeliveryOutcome down = sender.send(report, Recipient.of("ana@example.org"));

        // then
        assertThat(down.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(down.attempts()).isEqualTo(3);
        assertThat(down.reply()).startsWith("cannot connect to 127.0.0.1:" + port + " (");
        assertThat(waits).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));

        // when the server is started, the same sender gets through
        greenMail.start();
        DeliveryOutcome up = sender.send(report, Recipient.of("ana@example.org"));

        assertThat(up.status()).isEqualTo(DeliveryOutcome.Status.SENT);
        assertThat(up.attempts()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo(up.messageId());
    }

    @Test
    void serverComesUpDuringBackoff_secondAttemptSendsTheSameMessageId() throws Exception {
        SmtpSender sender = sender(wait -> {
            waits.add(wait);
            greenMail.start();
        });

        DeliveryOutcome outcome = sender.send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofMillis(5));
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo(outcome.messageId());
    }

    @Test
    void interruptedDuringBackoff_isFailedWithoutFurtherAttempts() throws Exception {
        SmtpSender sender = sender(wait -> {
            throw new InterruptedException();
        });

        DeliveryOutcome outcome = sender.send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.reply()).endsWith("(interrupted while waiting to retry)");
    }
}
