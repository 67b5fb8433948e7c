package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.chokepoint.FakeSmtpServer;

/** With a password configured, no outcome, exception or log line of this package ever shows it. */
class PasswordHygieneTest {

    private static final String PASSWORD = "s3cr3t-Pa55";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@example.org", "reports", "other"));

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.chokepoint.delivery");
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
        logger.setLevel(previousLevel);
    }

    @Test
    void failedSends_neverShowThePassword() throws Exception {
        // given
        ReportMessage report = Fixtures.report(Fixtures.pdf(dir));
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>();

        // when: the server is down, the server refuses the credentials, the server rejects the recipient
        outcomes.add(sender("127.0.0.1", closedPort).send(report, Recipient.of("ana@example.org")));
        outcomes.add(sender("127.0.0.1", GREEN_MAIL.getSmtp().getPort()).send(report, Recipient.of("ana@example.org")));
        try (FakeSmtpServer fake = FakeSmtpServer.script().rcpt(to -> "550 5.7.1 relaying denied")
                .extensions("AUTH PLAIN LOGIN").login("reports", PASSWORD).start()) {
            outcomes.add(sender(fake.host(), fake.port()).send(report, Recipient.of("bo@example.org")));
        }

        // then
        assertThat(outcomes).extracting(DeliveryOutcome::status).containsExactly(DeliveryOutcome.Status.FAILED,
                DeliveryOutcome.Status.FAILED, DeliveryOutcome.Status.REJECTED);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.toString()).doesNotContain(PASSWORD));
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(PASSWORD);
            }
        });
    }

    @Test
    void settingsErrors_neverShowThePassword() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), PASSWORD + "\n");
        String host = "smtp.host=mail.example.org";
        String user = "smtp.user=reports";
        String password = "smtp.password=" + PASSWORD;
        String from = "smtp.from=reports@example.org";
        List<List<String>> brokenFiles = List.of(
                List.of(host, user, password, from, "smtp.port=x"),
                List.of(host, user, password, from, "smtp.tls=x"),
                List.of(host, user, password, "smtp.from=not an address"),
                List.of(host, password, from),
                List.of(host, user, password, "smtp.password-file=" + secret, from),
                List.of(host, user, "smtp.password-file=" + secret, "smtp.from=" + PASSWORD));
        for (List<String> lines : brokenFiles) {
            Path file = Files.write(dir.resolve("chokepoint.properties"), lines);

            Throwable thrown = catchThrowable(() -> MailSettings.load(file, Map.of()));

            assertThat(thrown).as("%s", lines).isInstanceOf(DeliveryException.class);
            assertThat(stackTrace(thrown)).doesNotContain(PASSWORD);
        }
        Path file = Files.write(dir.resolve("chokepoint.properties"), List.of(host, user, password, from));
        Throwable missingFile = catchThrowable(() -> MailSettings.load(file,
                Map.of("CHOKEPOINT_SMTP_PASSWORD_FILE", dir.resolve("missing").toString())));
        assertThat(missingFile).isInstanceOf(DeliveryException.class);
        assertThat(stackTrace(missingFile)).doesNotContain(PASSWORD);
    }

    @Test
    void recordErrors_neverShowThePassword() {
        Throwable noUser = catchThrowable(() -> MailSettings.of("mail.example.org", 25, null, PASSWORD,
                "r@example.org", TlsMode.NONE));
        Throwable badFrom = catchThrowable(() -> MailSettings.of("mail.example.org", 25, "reports", PASSWORD,
                "r", TlsMode.NONE, true));

        assertThat(noUser).isInstanceOf(IllegalArgumentException.class);
        assertThat(badFrom).isInstanceOf(IllegalArgumentException.class);
        assertThat(stackTrace(noUser) + stackTrace(badFrom)).doesNotContain(PASSWORD);
    }

    private SmtpSender sender(String host, int port) {
        MailSettings settings = MailSettings.of(host, port, "reports", PASSWORD, Fixtures.FROM, TlsMode.NONE, true)
                .withRetry(2, Duration.ZERO);
        return new SmtpSender(settings, Fixtures.CLOCK, wait -> { });
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
