package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.chokepoint.stakeholders.DeliveryRecord.Outcome;

/**
 * With an SMTP password configured, through a successful month, a failed one (wrong password) and an outbox one,
 * the password appears nowhere: not in the job repository, the tracker (deliveries table), the outbox files,
 * the reports, the log, or the command's output.
 */
class MailPasswordHygieneTest {

    private static final String PASSWORD = "s3cr3t-Pa55-9f2c";
    private static final String WRONG_PASSWORD = "wr0ng-Pa55-71aa";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@example.org", "reports", PASSWORD));

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("io.chokepoint"),
            (Logger) LoggerFactory.getLogger("org.jberet"));
    private final List<Level> levels = new ArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final StringBuilder output = new StringBuilder();

    @BeforeEach
    void captureLogs() {
        loggers.forEach(logger -> {
            levels.add(logger.getLevel());
            logger.setLevel(Level.INFO);
        });
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(levels.get(i));
        }
    }

    private CliRun cli(String... args) {
        CliRun run = CliRun.run(Map.of(), args);
        output.append(run.out()).append(run.err());
        return run;
    }

    private String[] job(String command, String period, Path settings) {
        return new String[] {command, "--period", period, "--home", dir.toString(),
                "--reports", dir.resolve("reports").toString(), "--config", settings.toString()};
    }

    @Test
    void configuredPassword_appearsInNoFileLogLineOrOutput() throws Exception {
        // given
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Path good = Files.write(secrets.resolve("good.properties"), List.of("smtp.host=" + GREEN_MAIL.getSmtp().getBindTo(),
                "smtp.port=" + GREEN_MAIL.getSmtp().getPort(), "smtp.tls=none", "smtp.allow-plaintext-auth=true", "smtp.user=reports",
                "smtp.password=" + PASSWORD, "smtp.from=reports@example.org"));
        Files.writeString(secrets.resolve("wrong-password"), WRONG_PASSWORD + "\n");
        Path wrong = Files.write(secrets.resolve("wrong.properties"), List.of("smtp.host=" + GREEN_MAIL.getSmtp().getBindTo(),
                "smtp.port=" + GREEN_MAIL.getSmtp().getPort(), "smtp.tls=none", "smtp.allow-plaintext-auth=true", "smtp.user=reports",
                "smtp.password-file=wrong-password", "smtp.from=reports@example.org"));
        // The outbox chosen with a password still set (issue 25: without delivery.mode=outbox, such settings are
        // refused, exit 3, and that message must not show the password either).
        Path noHost = Files.write(secrets.resolve("no-host.properties"), List.of("delivery.mode=outbox",
                "smtp.user=reports", "smtp.password=" + PASSWORD, "smtp.from=reports@example.org"));
        Path halfDone = Files.write(secrets.resolve("half-done.properties"), List.of("smtp.user=reports",
                "smtp.password=" + PASSWORD, "smtp.from=reports@example.org"));
        for (String email : List.of("ana@example.org", "bo@example.org")) {
            cli("stakeholders", "add", email, "--name", "N", "--home", dir.toString());
        }

        // when: a month sent, a month refused (wrong password) through the job and deliver, a month to the outbox
        CliRun sent = cli(job("run", "2026-01", good));
        CliRun refused = cli(job("run", "2026-02", wrong));
        CliRun refusedAgain = cli(job("deliver", "2026-02", wrong));
        CliRun outbox = cli(job("run", "2026-03", noHost));
        CliRun refusedUpFront = cli(job("run", "2026-04", halfDone));

        // then: each did what it should
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("EMAIL_FAILED: delivery to ana@example.org through SMTP server")
                .contains("authentication failed at");
        assertThat(refusedAgain.exitCode()).isEqualTo(1);
        assertThat(outbox.exitCode()).isZero();
        assertThat(refusedUpFront.exitCode()).isEqualTo(3);
        assertThat(refusedUpFront.err()).startsWith("Invalid mail settings: smtp.host is not set");
        assertThat(MailFixtures.deliveries(dir.resolve("chokepoint.db"))).extracting(r -> r.outcome())
                .containsExactly(Outcome.SENT, Outcome.SENT, Outcome.FAILED, Outcome.FAILED, Outcome.OUTBOX,
                        Outcome.OUTBOX);

        // and the passwords are nowhere: every file written (databases with their WAL files, reports, outbox)...
        List<Path> written;
        try (Stream<Path> files = Files.walk(dir)) {
            written = files.filter(Files::isRegularFile).filter(f -> !f.startsWith(secrets)).toList();
        }
        assertThat(written).contains(dir.resolve("chokepoint-jobs.db"), dir.resolve("chokepoint.db"),
                dir.resolve("reports/2026-03/outbox/2026-03-ana@example.org.eml"));
        for (Path file : written) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
        }
        // ...the deliveries table, the log, the commands' output, and the messages as the server received them
        assertThat(MailFixtures.deliveries(dir.resolve("chokepoint.db")).toString())
                .doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
            }
        });
        assertThat(logs.list).anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("org.jberet"));
        assertThat(output.toString()).isNotBlank().doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
        for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            assertThat(raw.toString(StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
        }
    }
}
