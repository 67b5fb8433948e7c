package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.FakeSmtpServer;

/**
 * Replies GreenMail cannot give on demand (a 550 or a 451 to RCPT TO), from {@link FakeSmtpServer} on a real
 * loopback socket.
 */
class SmtpSenderRejectionTest {

    private static final String MAILBOX_UNAVAILABLE = "550 5.1.1 <bo@example.org>: mailbox unavailable";
    private static final String TRY_LATER = "451 4.3.0 try again later";

    @TempDir
    Path dir;

    private final List<Duration> waits = new ArrayList<>();

    private SmtpSender sender(FakeSmtpServer server) {
        MailSettings settings = MailSettings.of(server.host(), server.port(), null, null, Fixtures.FROM, TlsMode.NONE)
                .withRetry(3, Duration.ofMillis(2));
        return new SmtpSender(settings, Fixtures.CLOCK, waits::add);
    }

    @Test
    void permanentRejection_isRejectedWithTheServersReply_andTheOthersAreSent() throws Exception {
        // given
        ReportMessage report = Fixtures.report(Fixtures.pdf(dir));
        try (FakeSmtpServer server = new FakeSmtpServer(to -> to.equals("bo@example.org") ? MAILBOX_UNAVAILABLE : null)) {
            SmtpSender sender = sender(server);

            // when
            DeliveryOutcome ana = sender.send(report, Recipient.of("ana@example.org"));
            DeliveryOutcome bo = sender.send(report, Recipient.of("bo@example.org"));
            DeliveryOutcome chi = sender.send(report, Recipient.of("chi@example.net"));

            // then
            assertThat(bo.status()).isEqualTo(DeliveryOutcome.Status.REJECTED);
            assertThat(bo.reply()).isEqualTo(MAILBOX_UNAVAILABLE);
            assertThat(bo.attempts()).isEqualTo(1);
            assertThat(List.of(ana, chi)).allSatisfy(outcome -> {
                assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
                assertThat(outcome.reply()).startsWith("250 2.0.0 queued as fake-");
            });
            assertThat(waits).isEmpty();
            assertThat(server.received()).extracting(FakeSmtpServer.Received::recipients)
                    .containsExactly(List.of("ana@example.org"), List.of("chi@example.net"));
        }
    }

    @Test
    void transientRejection_isDeferredAfterOneAttempt_thenSentWhenTriedAgain() throws Exception {
        AtomicInteger rcpts = new AtomicInteger();
        Function<String, String> firstDeferred = to -> rcpts.incrementAndGet() == 1 ? TRY_LATER : null;
        try (FakeSmtpServer server = new FakeSmtpServer(firstDeferred)) {
            SmtpSender sender = sender(server);
            ReportMessage report = Fixtures.report(Fixtures.pdf(dir));

            DeliveryOutcome deferred = sender.send(report, Recipient.of("ana@example.org"));
            DeliveryOutcome later = sender.send(report, Recipient.of("ana@example.org"));

            // The retry of a deferred message is the caller's, after the other recipients (ReportDistribution).
            assertThat(deferred.status()).isEqualTo(DeliveryOutcome.Status.DEFERRED);
            assertThat(deferred.attempts()).isEqualTo(1);
            assertThat(deferred.reply()).isEqualTo(TRY_LATER);
            assertThat(later.status()).isEqualTo(DeliveryOutcome.Status.SENT);
            assertThat(waits).isEmpty();
            assertThat(server.received()).hasSize(1);
            assertThat(server.received().get(0).data()).contains("Message-ID: " + later.messageId());
        }
    }

    @Test
    void busyGreeting_isRetried_thenSent() throws Exception {
        IntFunction<String> busyOnce = connection -> connection == 1 ? "421 4.3.2 too busy, try later" : "220 fake.test";
        try (FakeSmtpServer server = new FakeSmtpServer(to -> null, busyOnce)) {
            DeliveryOutcome outcome = sender(server).send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void refusingGreeting_isFailedWithoutRetry() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(to -> null, connection -> "554 5.3.2 no service for you")) {
            DeliveryOutcome outcome = sender(server).send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

            // The server refuses us, not this recipient: FAILED (a later run may try again), not REJECTED.
            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.reply()).startsWith(server.host() + ":" + server.port() + ": ").contains("554 5.3.2");
        }
    }

    @Test
    void busyGreetingEveryTime_isTheServersState_retriedInline_thenFailed() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(to -> null, connection -> "421 4.3.2 too busy, try later")) {
            DeliveryOutcome outcome = sender(server).send(Fixtures.report(Fixtures.pdf(dir)), Recipient.of("ana@example.org"));

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(3);
            assertThat(outcome.reply()).contains("421 4.3.2 too busy");
            assertThat(waits).containsExactly(Duration.ofMillis(2), Duration.ofMillis(4));
            assertThat(server.received()).isEmpty();
        }
    }
}
