package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.FakeSmtpServer;
import io.chokepoint.FakeSmtpServer.EndOfData;

/**
 * Faults of a real SMTP conversation on a loopback socket ({@link FakeSmtpServer}): a late or missing reply to the
 * end of the message, 4xx and 5xx replies, a server that hangs, no AUTH, a refused login. Timeouts are a second or
 * less, so that each case stays fast; what matters is their order: command < delay < DATA reply.
 */
class SmtpSenderFaultTest {

    private static final SmtpTimeouts SHORT = new SmtpTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400),
            Duration.ofSeconds(4));

    @TempDir
    Path dir;

    private final List<Duration> waits = new ArrayList<>();

    private SmtpSender sender(FakeSmtpServer server, SmtpTimeouts timeouts) {
        return sender(MailSettings.of(server.host(), server.port(), null, null, Fixtures.FROM, TlsMode.NONE), timeouts);
    }

    private SmtpSender sender(MailSettings settings, SmtpTimeouts timeouts) {
        return new SmtpSender(settings.withTimeouts(timeouts).withRetry(3, Duration.ofMillis(5)), Fixtures.CLOCK,
                waits::add);
    }

    private DeliveryOutcome send(SmtpSender sender) throws Exception {
        return sender.send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));
    }

    @Test
    void replyToTheEndOfDataLaterThanTheCommandTimeout_isWaitedFor_andTheMessageSentOnce() throws Exception {
        // given: the server takes 1.5 s to accept, more than the 0.4 s command timeout, less than the DATA reply's
        try (FakeSmtpServer server = FakeSmtpServer.script()
                .endOfData(message -> EndOfData.after(Duration.ofMillis(1500), "250 2.0.0 queued late")).start()) {

            // when
            DeliveryOutcome outcome = send(sender(server, SHORT));

            // then
            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.reply()).isEqualTo("250 2.0.0 queued late");
            assertThat(server.received()).hasSize(1);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void noReplyToTheEndOfData_isUncertain_andNotSentAgain() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().endOfData(message -> EndOfData.never()).start()) {
            long start = System.nanoTime();

            DeliveryOutcome outcome = send(sender(server, new SmtpTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400),
                    Duration.ofSeconds(1))));

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.UNCERTAIN);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.reply()).isEqualTo("the whole message was sent to " + server.host() + ":" + server.port()
                    + " but no reply within 1s to its end: it may have been accepted, so it is not sent again"
                    + " automatically");
            assertThat(server.received()).hasSize(1);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(waits).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void transientReplyToTheEndOfData_isDeferred_permanentIsRejected() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().endOfData(message -> message == 1
                ? EndOfData.after(Duration.ZERO, "451 4.7.1 greylisted, come back later")
                : EndOfData.after(Duration.ZERO, "554 5.7.1 message refused")).start()) {
            SmtpSender sender = sender(server, SHORT);

            DeliveryOutcome deferred = send(sender);
            DeliveryOutcome rejected = send(sender);

            assertThat(deferred.status()).isEqualTo(DeliveryOutcome.Status.DEFERRED);
            assertThat(deferred.attempts()).isEqualTo(1);
            assertThat(deferred.reply()).isEqualTo("451 4.7.1 greylisted, come back later");
            assertThat(rejected.status()).isEqualTo(DeliveryOutcome.Status.REJECTED);
            assertThat(rejected.reply()).isEqualTo("554 5.7.1 message refused");
            assertThat(server.connections()).isEqualTo(2);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void transientReplyToTheRecipient_isDeferredAtOnce_withoutRetryingInline() throws Exception {
        AtomicInteger rcpts = new AtomicInteger();
        try (FakeSmtpServer server = FakeSmtpServer.script().rcpt(to -> {
            rcpts.incrementAndGet();
            return "451 4.3.0 mailbox busy";
        }).start()) {
            DeliveryOutcome outcome = send(sender(server, SHORT));

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.DEFERRED);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.reply()).isEqualTo("451 4.3.0 mailbox busy");
            assertThat(rcpts).hasValue(1);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void serverThatNeverGreets_timesOutPerCommand_isRetried_thenFailed() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().greeting(connection -> null).start()) {
            long start = System.nanoTime();

            DeliveryOutcome outcome = send(sender(server, SHORT));

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(3);
            assertThat(outcome.reply()).startsWith("connection to " + server.host() + ":" + server.port() + " failed (")
                    .contains("SocketTimeoutException");
            assertThat(waits).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
            assertThat(server.received()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void userAndPassword_serverOfferingNoAuth_isRefusedAndNothingIsSent() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().extensions("8BITMIME").start()) {
            SmtpSender sender = sender(MailSettings.of(server.host(), server.port(), "reports", "s3cr3t-Pa55",
                    Fixtures.FROM, TlsMode.NONE, true), SHORT);

            assertThatThrownBy(() -> send(sender))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessage("SMTP server " + server.host() + ":" + server.port() + " offers no AUTH, but user"
                            + " 'reports' is set (smtp.user): refusing to send unauthenticated; check smtp.host and"
                            + " smtp.port, or remove smtp.user and the password if this server takes mail without"
                            + " login")
                    .hasMessageNotContaining("s3cr3t-Pa55");
            assertThat(server.received()).isEmpty();
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void authOffered_rightLoginSendsAuthenticated_wrongLoginFailsWithoutRetry() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().extensions("AUTH PLAIN LOGIN")
                .login("reports", "s3cr3t-Pa55").start()) {
            SmtpSender right = sender(MailSettings.of(server.host(), server.port(), "reports", "s3cr3t-Pa55",
                    Fixtures.FROM, TlsMode.NONE, true), SHORT);
            SmtpSender wrong = sender(MailSettings.of(server.host(), server.port(), "reports", "not-it",
                    Fixtures.FROM, TlsMode.NONE, true), SHORT);

            DeliveryOutcome sent = send(right);
            DeliveryOutcome refused = send(wrong);

            assertThat(sent.status()).isEqualTo(DeliveryOutcome.Status.SENT);
            assertThat(server.received()).singleElement()
                    .satisfies(r -> assertThat(r.authenticatedAs()).isEqualTo("reports"));
            assertThat(refused.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.reply()).startsWith("authentication failed at " + server.host() + ":" + server.port());
            assertThat(server.received()).hasSize(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void passwordWithoutTls_isRefusedUnlessAllowed() {
        assertThatThrownBy(() -> MailSettings.of("mail.example.org", 25, "reports", "s3cr3t-Pa55", Fixtures.FROM,
                TlsMode.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH=true")
                .hasMessageNotContaining("s3cr3t-Pa55");
        assertThat(MailSettings.of("mail.example.org", 25, "reports", "s3cr3t-Pa55", Fixtures.FROM, TlsMode.NONE, true)
                .allowPlaintextAuth()).isTrue();
        assertThat(MailSettings.of("mail.example.org", 587, "reports", "s3cr3t-Pa55", Fixtures.FROM,
                TlsMode.STARTTLS).allowPlaintextAuth()).isFalse();
    }
}
