package io.chokepoint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.FakeSmtpServer;
import io.chokepoint.TestTrackers;
import io.chokepoint.report.PeriodSummary;
import io.chokepoint.report.Report;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.DeliveryRecord.Outcome;
import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.stakeholders.StakeholderDirectory;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * A recipient deferred with a 4xx does not hold up the others, and is retried after them with the configured
 * back-off: the real default waits (1, 2, 4 minutes), recorded by the sleeper instead of slept.
 */
class ReportDistributionDeferralTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-02T06:00:00Z"), ZoneOffset.UTC);
    private static final String BUSY = "452 4.2.2 mailbox full, try later";

    @TempDir
    Path dir;

    private TrackerDatabase tracker;
    private ReportMail mail;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void threeStakeholdersAndAPdf() throws Exception {
        tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        StakeholderDirectory directory = new StakeholderDirectory(tracker);
        for (String email : List.of("ana@example.org", "bo@example.org", "chi@example.net")) {
            directory.add(new Stakeholder(email, "N", List.of(), List.of()), CLOCK.instant());
        }
        Path pdf = Files.createDirectories(dir.resolve("reports/2026-01")).resolve("chokepoint-2026-01.pdf");
        Files.write(pdf, "%PDF-1.4 a stand-in report\n".getBytes());
        Analysis analysis = Analysis.builder(JANUARY, AnalysisSettings.defaults(),
                tracker.trackedProjects().baselines(), List.of()).finish();
        mail = new ReportMail(PeriodSummary.of(new Report(JANUARY, JANUARY.lastDay(), analysis,
                tracker.trackedProjects().baselines(), sink -> { })), pdf);
    }

    private DistributionResult send(FakeSmtpServer server) throws Exception {
        Path settings = Files.write(dir.resolve("chokepoint.properties"), List.of("smtp.host=" + server.host(),
                "smtp.port=" + server.port(), "smtp.tls=none", "smtp.from=reports@example.org"));
        MailChannel channel = MailChannel.open(settings, Map.of(), dir.resolve("outbox"), "2026-01", CLOCK);
        ReportDistribution distribution = new ReportDistribution(new StakeholderDirectory(tracker),
                new DeliveryLog(tracker), CLOCK, waits::add);
        return distribution.send(distribution.plan(JANUARY, Selection.PENDING), mail, channel);
    }

    @Test
    void deferredThreeTimes_othersFirst_thenSentInTheLastRound_afterOneTwoAndFourMinutes() throws Exception {
        AtomicInteger boTries = new AtomicInteger();
        try (FakeSmtpServer server = FakeSmtpServer.script()
                .rcpt(to -> to.equals("bo@example.org") && boTries.incrementAndGet() <= 3 ? BUSY : null).start()) {

            DistributionResult result = send(server);

            assertThat(result.failed()).isFalse();
            assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4));
            assertThat(server.received()).extracting(FakeSmtpServer.Received::recipients).containsExactly(
                    List.of("ana@example.org"), List.of("chi@example.net"), List.of("bo@example.org"));
            assertThat(result.count(Outcome.SENT)).isEqualTo(3);
            assertThat(result.summary()).startsWith("3 sent (1 after a deferral), ");
            assertThat(new DeliveryLog(tracker).forPeriod(JANUARY)).extracting(DeliveryRecord::outcome)
                    .containsExactly(Outcome.SENT, Outcome.DEFERRED, Outcome.SENT, Outcome.DEFERRED, Outcome.DEFERRED,
                            Outcome.SENT);
        }
    }

    @Test
    void deferredThroughEveryRound_isTheFailure_namingTheRecipientAndTheReply() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.script().rcpt(to -> to.equals("bo@example.org") ? BUSY : null)
                .start()) {

            DistributionResult result = send(server);

            assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4));
            assertThat(result.failureMessage()).hasValue("1 message(s) deferred by SMTP server " + server.host() + ":"
                    + server.port() + " (TLS: none) (4xx) and not delivered after 3 retries: bo@example.org (" + BUSY
                    + "); 1 of 3 messages for 2026-01 not sent, to be sent when the delivery runs again");
            assertThat(result.failedOnThisSide()).isFalse();
            assertThat(server.received()).hasSize(2);
        }
    }
}
