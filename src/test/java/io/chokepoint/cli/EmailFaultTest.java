package io.chokepoint.cli;

import static io.chokepoint.cli.MailFixtures.deliveries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.FakeSmtpServer;
import io.chokepoint.FakeSmtpServer.EndOfData;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The month's mail against a scripted SMTP server on a real socket (issue 17): a late reply to the end of the
 * message, none at all, a recipient deferred with 4xx, a server that never greets, no AUTH, a password without
 * TLS. Timeouts and back-offs are set to a second or less in the settings file, so each case stays fast.
 */
class EmailFaultTest {

    private static final String BUSY = "451 4.3.0 mailbox busy";

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void threeStakeholders() {
        db = MailFixtures.trackerWithThreeStakeholders(dir);
    }

    private CliRun cli(String command, Path settings, String... args) {
        return cli(Map.of(), command, settings, args);
    }

    private CliRun cli(Map<String, String> env, String command, Path settings, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--period", "2026-01", "--db", db.toString(),
                "--reports", dir.resolve("reports").toString(), "--config", settings.toString()));
        all.addAll(List.of(args));
        return CliRun.run(env, all.toArray(String[]::new));
    }

    private Path settings(FakeSmtpServer server, String... extra) throws Exception {
        return MailFixtures.smtpSettings(dir, server.host(), server.port(), extra);
    }

    private static List<List<String>> recipients(FakeSmtpServer server) {
        return server.received().stream().map(FakeSmtpServer.Received::recipients).toList();
    }

    @Test
    void replyToTheEndOfDataAfterTheCommandTimeout_eachMessageIsSentOnce() throws Exception {
        // given: the server answers ana's "." after 1.5 s: three times the command timeout (the Why: 40 s > 30 s)
        try (FakeSmtpServer server = FakeSmtpServer.script().endOfData(message -> message == 1
                ? EndOfData.after(Duration.ofMillis(1500), "250 2.0.0 queued after a while") : EndOfData.accept()).start()) {
            Path settings = settings(server, "smtp.command-timeout=500ms", "smtp.data-timeout=10s");

            // when
            CliRun run = cli("run", settings);

            // then
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Status: COMPLETED\n");
            assertThat(recipients(server)).containsExactly(List.of("ana@example.org"), List.of("bo@example.org"),
                    List.of("chi@example.net"));
            assertThat(deliveries(db)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome,
                    DeliveryRecord::serverReply).containsExactly(
                    tuple("ana@example.org", Outcome.SENT, "250 2.0.0 queued after a while"),
                    tuple("bo@example.org", Outcome.SENT, "250 2.0.0 queued as fake-2"),
                    tuple("chi@example.net", Outcome.SENT, "250 2.0.0 queued as fake-3"));
        }
    }

    @Test
    void noReplyToTheEndOfData_isUncertain_neverResentAutomatically_listedWithTheResendCommand() throws Exception {
        // given: the server keeps ana's message and never answers its "."
        String resend = "chokepoint deliver --resend --to ana@example.org --period 2026-01";
        try (FakeSmtpServer server = FakeSmtpServer.script().endOfData(message -> message == 1
                ? EndOfData.never() : EndOfData.accept()).start()) {
            Path settings = settings(server, "smtp.command-timeout=1s", "smtp.data-timeout=1s");

            // when
            CliRun run = cli("run", settings);

            // then: the month completes, ana's message went out once and is UNCERTAIN, exit 5 with the command
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(5);
            assertThat(run.out()).contains("Status: COMPLETED (COMPLETED_WITH_UNCERTAIN)")
                    .contains("  UNCERTAIN 2026-01 ana@example.org <")
                    .contains("no reply within 1s to its end: it may have been accepted")
                    .contains("    to send it again: " + resend);
            assertThat(recipients(server)).containsExactly(List.of("ana@example.org"), List.of("bo@example.org"),
                    List.of("chi@example.net"));
            assertThat(deliveries(db)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome,
                    DeliveryRecord::attempts).containsExactly(tuple("ana@example.org", Outcome.UNCERTAIN, 1),
                    tuple("bo@example.org", Outcome.SENT, 1), tuple("chi@example.net", Outcome.SENT, 1));

            // when the month is rerun and delivered again: ana is not sent it again, and still listed
            CliRun rerun = cli("run", settings, "--rerun");
            CliRun deliver = cli("deliver", settings);
            CliRun status = CliRun.run("status", "--period", "2026-01", "--db", db.toString());
            JsonNode json = new ObjectMapper().readTree(
                    CliRun.run("status", "--json", "--db", db.toString()).out()).get("uncertainDeliveries");

            assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(5);
            assertThat(rerun.out()).contains(resend);
            assertThat(deliver.exitCode()).isEqualTo(5);
            assertThat(deliver.out()).contains("Nothing to send for 2026-01: 2 of 3 active stakeholders already have it")
                    .contains(resend);
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("Mail of unknown outcome").contains("UNCERTAIN 2026-01 ana@example.org")
                    .contains(resend);
            assertThat(json).hasSize(1);
            assertThat(json.get(0).get("recipient").asText()).isEqualTo("ana@example.org");
            assertThat(json.get(0).get("outcome").asText()).isEqualTo("UNCERTAIN");
            assertThat(json.get(0).get("resendCommand").asText()).isEqualTo(resend);
            assertThat(server.received()).hasSize(3);

            // when the operator sends it again on purpose, as printed
            CliRun resent = cli("deliver", settings, "--resend", "--to", "ana@example.org");

            // then: one more message (the fake now accepts), and nothing is in doubt any more
            assertThat(resent.exitCode()).as(resent.out() + resent.err()).isZero();
            assertThat(server.received()).hasSize(4);
            assertThat(CliRun.run("status", "--period", "2026-01", "--db", db.toString()).out())
                    .doesNotContain("unknown outcome");
        }
    }

    @Test
    void rowLeftSendingByADeadProcess_isListedLikeUncertain_andNotSent() throws Exception {
        // given: the month was run without mail, then a sender died after claiming bo's message (kill -9)
        try (FakeSmtpServer server = FakeSmtpServer.script().start()) {
            Path settings = settings(server);
            assertThat(cli("run", settings, "--no-email").exitCode()).isZero();
            new DeliveryLog(TrackerDatabase.connect(db)).claim(ReportPeriod.parse("2026-01"), "bo@example.org",
                    Instant.parse("2026-11-27T09:01:00Z"));

            // when
            CliRun deliver = cli("deliver", settings);
            CliRun status = CliRun.run("status", "--db", db.toString());

            // then
            assertThat(deliver.exitCode()).as(deliver.out() + deliver.err()).isEqualTo(5);
            assertThat(recipients(server)).containsExactly(List.of("ana@example.org"), List.of("chi@example.net"));
            assertThat(status.out()).contains("SENDING 2026-01 bo@example.org: sending since 2026-11-27T09:01:00Z")
                    .contains("chokepoint deliver --resend --to bo@example.org --period 2026-01");
        }
    }

    @Test
    void recipientDeferred_othersAreSentFirst_thenItIsRetriedWithBackoff() throws Exception {
        // given: bo's server is busy for the first two tries
        AtomicInteger boTries = new AtomicInteger();
        try (FakeSmtpServer server = FakeSmtpServer.script().rcpt(to -> to.equals("bo@example.org")
                && boTries.incrementAndGet() <= 2 ? BUSY : null).start()) {
            Path settings = settings(server, "smtp.deferred-retries=3", "smtp.deferred-backoff=50ms");

            // when
            CliRun run = cli("run", settings);

            // then
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(recipients(server)).containsExactly(List.of("ana@example.org"), List.of("chi@example.net"),
                    List.of("bo@example.org"));
            assertThat(deliveries(db)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome).containsExactly(
                    tuple("ana@example.org", Outcome.SENT), tuple("bo@example.org", Outcome.DEFERRED),
                    tuple("chi@example.net", Outcome.SENT), tuple("bo@example.org", Outcome.DEFERRED),
                    tuple("bo@example.org", Outcome.SENT));
        }
    }

    @Test
    void recipientDeferredThroughEveryRetry_stepFailsNamingIt_nextRunSendsOnlyIt() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        try (FakeSmtpServer server = FakeSmtpServer.script().rcpt(to -> to.equals("bo@example.org") && busy.get()
                ? BUSY : null).start()) {
            Path settings = settings(server, "smtp.deferred-retries=2", "smtp.deferred-backoff=20ms");

            // when
            CliRun run = cli("run", settings);

            // then
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("Status: FAILED (EMAIL_FAILED: 1 message(s) deferred by SMTP server "
                    + server.host() + ":" + server.port() + " (TLS: none) (4xx) and not delivered after 2 retries:"
                    + " bo@example.org (" + BUSY + "); 1 of 3 messages for 2026-01 not sent");
            assertThat(recipients(server)).containsExactly(List.of("ana@example.org"), List.of("chi@example.net"));
            assertThat(deliveries(db)).filteredOn(d -> d.recipient().equals("bo@example.org"))
                    .extracting(DeliveryRecord::outcome).containsExactly(Outcome.DEFERRED, Outcome.DEFERRED,
                            Outcome.DEFERRED);

            // when bo's server takes mail again and the month is run again
            busy.set(false);
            CliRun again = cli("run", settings);

            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("restarting execution");
            assertThat(recipients(server)).containsExactly(List.of("ana@example.org"), List.of("chi@example.net"),
                    List.of("bo@example.org"));
        }
    }

    @Test
    void serverThatNeverGreets_failsTheStepAfterTheCommandTimeout() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().greeting(connection -> null).start()) {
            Path settings = settings(server, "smtp.command-timeout=300ms");

            CliRun run = cli("run", settings);

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("EMAIL_FAILED: delivery to ana@example.org through SMTP server "
                    + server.host() + ":" + server.port() + " (TLS: none) failed after 3 attempts: connection to ")
                    .contains("SocketTimeoutException");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void userAndPassword_serverWithoutAuth_isRefused_exit3_nothingSent() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().extensions("8BITMIME").start()) {
            Path settings = settings(server, "smtp.user=reports", "smtp.password=s3cr3t-Pa55",
                    "smtp.allow-plaintext-auth=true");

            CliRun run = cli("run", settings);
            CliRun deliver = cli("deliver", settings);

            String refusal = "SMTP server " + server.host() + ":" + server.port() + " offers no AUTH, but user 'reports'"
                    + " is set (smtp.user): refusing to send unauthenticated";
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).contains("Status: FAILED (EMAIL_SETUP_FAILED: delivery to ana@example.org")
                    .contains(refusal);
            assertThat(deliver.exitCode()).isEqualTo(3);
            assertThat(deliver.err().lines().toList()).singleElement().asString().contains(refusal);
            assertThat(server.received()).isEmpty();
            assertThat(run.out() + run.err() + deliver.out() + deliver.err()).doesNotContain("s3cr3t-Pa55");
        }
    }

    @Test
    void passwordWithoutTls_isRefusedUpFront_unlessExplicitlyAllowed() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().extensions("AUTH PLAIN LOGIN")
                .login("reports", "s3cr3t-Pa55").start()) {
            Path settings = settings(server, "smtp.user=reports", "smtp.password=s3cr3t-Pa55");
            assertThat(cli("run", settings, "--no-email").exitCode()).isZero();

            // when
            CliRun refused = cli("deliver", settings);
            CliRun allowed = cli(Map.of("CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH", "true"), "deliver", settings);

            // then
            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.err().lines().toList()).singleElement().asString()
                    .startsWith("Invalid mail settings: refusing to send the password of smtp.password in ")
                    .contains("CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH=true")
                    .doesNotContain("s3cr3t-Pa55");
            assertThat(allowed.exitCode()).as(allowed.out() + allowed.err()).isZero();
            assertThat(server.received()).hasSize(3)
                    .allSatisfy(r -> assertThat(r.authenticatedAs()).isEqualTo("reports"));
        }
    }
}
