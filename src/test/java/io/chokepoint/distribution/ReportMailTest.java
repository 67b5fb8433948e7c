package io.chokepoint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.delivery.ReportMessage;
import io.chokepoint.report.Formats;
import io.chokepoint.report.PeriodSummary;
import io.chokepoint.report.PeriodSummaryFile;
import io.chokepoint.report.Report;
import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.store.ProjectCursor;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** The mail's text on the small tracker whose January 2026 numbers are worked out by hand. */
class ReportMailTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    private Analysis analysis;
    private ReportMail mail;

    @BeforeEach
    void analyseTheSmallTracker() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        AnalysisBuilder builder = Analysis.builder(JANUARY, AnalysisSettings.defaults(),
                tracker.trackedProjects().baselines(),
                tracker.trackedProjects().eventsBetween(JANUARY.month().atDay(1), JANUARY.lastDay()));
        try (ProjectCursor cursor = tracker.trackedProjects().open(null)) {
            while (cursor.hasNext()) {
                ProjectHistory history = cursor.next();
                builder.accept(PeriodProject.of(JANUARY, history.project(), history.events()));
            }
        }
        analysis = builder.finish();
        // The mail reads the summary file as the job wrote it: write it, and render from what is read back.
        Path summaryFile = dir.resolve("reports/2026-01/summary-2026-01.json");
        PeriodSummaryFile.write(PeriodSummary.of(new Report(JANUARY, LocalDate.of(2026, 2, 2), analysis,
                tracker.trackedProjects().baselines(), sink -> { })), summaryFile);
        mail = new ReportMail(PeriodSummaryFile.read(summaryFile).orElseThrow(),
                dir.resolve("reports/2026-01/chokepoint-2026-01.pdf"));
    }

    @Test
    void subject_namesThePeriod_andThePdfIsAttachedUnderItsOwnName() {
        ReportMessage message = mail.forStakeholder(new Stakeholder("ana@example.org", "Ana", List.of(), List.of()));

        assertThat(message.subject()).isEqualTo("Chokepoint report 2026-01: rare-earth processing geography");
        assertThat(message.attachmentName()).isEqualTo("chokepoint-2026-01.pdf");
        assertThat(message.attachment()).isEqualTo(dir.resolve("reports/2026-01/chokepoint-2026-01.pdf"));
    }

    @Test
    void followedStages_comeFirst_thenTheOthers_thenTheFollowedCountries() {
        Stakeholder bo = new Stakeholder("bo@example.org", "Bo", List.of(ChainStage.MAGNET),
                List.of(Country.of("VN")));

        String text = mail.forStakeholder(bo).textBody();

        String projectedMagnet = Formats.percent(analysis.current().stage(ChainStage.MAGNET).projectedChinaSharePercent());
        assertThat(text).startsWith("Hello Bo,\n\nThe Chokepoint report for January 2026 is attached"
                + " (chokepoint-2026-01.pdf). All figures are as of 2026-01-31.\n\n");
        assertThat(text).contains("Stages you follow:\n- magnet: China share now 90.9 % (basis: China: output; others:"
                + " capacity, output); baseline 2025, Magnet Review 2026; 2030 as announced");
        assertThat(text).contains("risk-weighted " + projectedMagnet + "; published anchor: none;"
                + " change since 2025-12: 0.0 pp\n");
        assertThat(text.indexOf("- magnet:")).isLessThan(text.indexOf("Other stages:"));
        assertThat(text.indexOf("Other stages:")).isLessThan(text.indexOf("- mining: China share now 60.6 % (basis: output);"
                + " baseline 2024"));
        assertThat(text).contains("- separation: no complete baseline; published China share 90.0 % (2024,"
                + " Test Agency 2025)");
        assertThat(text).contains("Countries you follow\n====================\n\n- Vietnam (VN): metal 1 tracked project"
                + " (operating none, pipeline undisclosed)");
    }

    @Test
    void allStagesFollowed_listsThemInChainOrderWithoutHeadings() {
        String text = mail.forStakeholder(new Stakeholder("ana@example.org", "Ana", List.of(), List.of())).textBody();

        assertThat(text).doesNotContain("Stages you follow").doesNotContain("Countries you follow");
        assertThat(text).containsSubsequence("Where each stage stands", "- mining:", "- concentration:", "- separation:", "- metal:", "- alloy:",
                "- magnet:", "- recycling:");
    }

    @Test
    void html_escapesTheData() {
        Stakeholder tricky = new Stakeholder("chi@example.net", "<script>alert('x')</script> & \"Co\"", List.of(),
                List.of());

        ReportMessage message = mail.forStakeholder(tricky);

        assertThat(message.textBody()).startsWith("Hello <script>alert('x')</script> & \"Co\",");
        assertThat(message.htmlBody()).contains(">Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"
                + " &quot;Co&quot;,</p>");
        assertThat(message.htmlBody()).doesNotContain("<script>");
        assertThat(message.htmlBody()).contains(">mining</td>").contains(">60.6 % (basis: output)</td>");
    }

    @Test
    void testMessage_isMarkedAsATest() {
        ReportMessage test = mail.test();

        assertThat(test.subject()).isEqualTo("[test] Chokepoint report 2026-01: rare-earth processing geography");
        assertThat(test.textBody()).contains("This is a test message sent with chokepoint deliver --to");
    }
}
