package io.chokepoint.cli;

import static io.chokepoint.cli.MailFixtures.deliveries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;

/**
 * The outbox is used only when chosen ({@code delivery.mode=outbox}) or when nothing about mail is set, and then
 * with a line saying so; SMTP settings without a host are an error before any work.
 */
class MailModeTest {

    @TempDir
    Path dir;

    private CliRun cli(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", dir.toString()));
        if (!args[0].equals("stakeholders")) {
            all.addAll(List.of("--reports", dir.resolve("reports").toString()));
        }
        return CliRun.run(env, all.toArray(String[]::new));
    }

    private CliRun cli(String... args) {
        return cli(Map.of(), args);
    }

    /** Runs the command line, adding what our loggers said to {@code logs}. */
    private CliRun logged(List<ILoggingEvent> logs, String... args) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.chokepoint");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            return cli(args);
        } finally {
            logger.detachAppender(appender);
            logs.addAll(appender.list);
        }
    }

    private List<String> filesInHome() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everySmtpSettingButTheHost_runExits3_inOneLineNamingSmtpHost_beforeAnyWork() throws Exception {
        // given: the settings of a real server, but the host forgotten
        Files.write(dir.resolve("chokepoint.properties"), List.of("smtp.port=587", "smtp.tls=starttls",
                "smtp.user=reports", "smtp.password=s3cr3t-Pa55", "smtp.from=Reports <reports@example.org>"));

        // when
        CliRun run = cli("run", "--period", "2026-01");

        // then: no tracker made, no report written, nothing recorded as delivered
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("Invalid mail settings: smtp.host is not set, but other SMTP settings are (")
                .contains("smtp.port in " + dir.resolve("chokepoint.properties"))
                .endsWith("set smtp.host (or CHOKEPOINT_SMTP_HOST), or delivery.mode=outbox to write the mail to"
                        + " files in reports/YYYY-MM/outbox/ instead")
                .doesNotContain("s3cr3t");
        assertThat(filesInHome()).containsExactly("chokepoint.properties");

        // and deliver says the same, after the month is run without mail
        assertThat(cli("run", "--period", "2026-01", "--no-email").exitCode()).isZero();
        cli("stakeholders", "add", "ana@example.org", "--name", "Ana");
        CliRun deliver = cli("deliver", "--period", "2026-01");
        assertThat(deliver.exitCode()).isEqualTo(3);
        assertThat(deliver.err()).startsWith("Invalid mail settings: smtp.host is not set");
        assertThat(dir.resolve("reports/2026-01/outbox")).doesNotExist();
        assertThat(deliveries(dir.resolve("chokepoint.db"))).isEmpty();
    }

    @Test
    void deliveryModeSmtp_withoutAHost_isAnErrorToo() throws Exception {
        CliRun run = cli(Map.of("CHOKEPOINT_DELIVERY_MODE", "smtp"), "run", "--period", "2026-01");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("Invalid mail settings: smtp.host is not set, but environment variable"
                + " CHOKEPOINT_DELIVERY_MODE is smtp: set smtp.host (or CHOKEPOINT_SMTP_HOST), or delivery.mode=outbox"
                + " to write the mail to files in reports/YYYY-MM/outbox/ instead\n");
        assertThat(filesInHome()).isEmpty();
    }

    @Test
    void outboxChosen_isUsedWithoutANote_evenBesideSmtpSettings() throws Exception {
        Files.write(dir.resolve("chokepoint.properties"), List.of("delivery.mode=outbox", "smtp.port=587",
                "smtp.from=Reports <reports@example.org>"));
        cli("stakeholders", "add", "ana@example.org", "--name", "Ana");
        List<ILoggingEvent> logs = new ArrayList<>();

        CliRun run = logged(logs, "run", "--period", "2026-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(logs).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .noneMatch(line -> line.startsWith("no SMTP server is configured"));
        assertThat(deliveries(dir.resolve("chokepoint.db"))).extracting(DeliveryRecord::outcome)
                .containsExactly(Outcome.OUTBOX);
        assertThat(dir.resolve("reports/2026-01/outbox/2026-01-ana@example.org.eml")).exists();
    }

    @Test
    void noMailSettingAtAll_usesTheOutbox_asToday_withALineSayingSo() throws Exception {
        cli("stakeholders", "add", "ana@example.org", "--name", "Ana");
        List<ILoggingEvent> logs = new ArrayList<>();

        CliRun run = logged(logs, "run", "--period", "2026-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(logs).filteredOn(e -> e.getLevel() == Level.INFO).extracting(ILoggingEvent::getFormattedMessage)
                .contains("no SMTP server is configured (smtp.host), so the mail is written to the outbox "
                        + dir.resolve("reports/2026-01/outbox") + ", not sent; set delivery.mode=outbox to choose this"
                        + " without this line");
        assertThat(deliveries(dir.resolve("chokepoint.db"))).extracting(DeliveryRecord::outcome)
                .containsExactly(Outcome.OUTBOX);
    }
}
