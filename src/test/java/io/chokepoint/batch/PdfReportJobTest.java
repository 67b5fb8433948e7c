package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import jakarta.batch.runtime.BatchStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestReports;
import io.chokepoint.TestTrackers;
import io.chokepoint.report.Headline;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Runs the real job on the small fixture and reads the PDF's text back. The numbers are worked out by hand from
 * the fixture and the default settings in {@code analysis.properties} (target year 2030, announced weight 0.2):
 * <ul>
 * <li>mining, baseline 2024 (CN 200, US 50, XX 50) plus AU-NEW-01 30 t operating since 2025: China 200 / 330 =
 *     60.6 %; no mining pipeline, so 60.6 % in 2030 too; unchanged since the previous month.</li>
 * <li>magnet, baseline 2025 (CN 900, JP 60, XX 40) plus CN-MAG-01 100 t (target year 2026): 1,000 / 1,100 =
 *     90.9 %. January has no magnet pipeline: 90.9 % in 2030. In February JP-MAG-01 (announced 2026-02-10, 70 t,
 *     target 2028) adds 0.2 × 70 = 14 t to Japan: 1,000 / 1,114 = 89.8 % risk-weighted, 89.767 − 90.909 = −1.1 pp
 *     since January; as announced 1,000 / 1,170 = 85.5 %.</li>
 * <li>separation: no complete baseline; published share 90.0 % (2024, Test Agency 2025).</li>
 * </ul>
 */
class PdfReportJobTest {

    @TempDir
    Path dir;

    @Test
    void january_pdfCarriesHandComputedShares_sentences_methodologyAndSources() throws Exception {
        ReportPeriod january = ReportPeriod.parse("2026-01");
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");

        RunOutcome outcome = new ReportJob(tracker).start(january, dir.resolve("reports"));

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        String text = ReportFileReader.pdfText(new ReportFiles(dir.resolve("reports"), january).pdf());
        String squashed = squash(text);
        // First page: the period, then per stage: share now, change, share in 2030 as announced and risk-weighted,
        // change, the published projection (none here) and the baseline's year and publication.
        assertThat(text).contains("rare-earth processing capacity, January 2026")
                .contains("mining 60.6 % 0.0 pp 60.6 % 60.6 % 0.0 pp 2024, Test Survey 2025")
                .contains("magnet 90.9 % 0.0 pp 90.9 % 90.9 % 0.0 pp 2025, Magnet Review 2026");
        assertThat(squashed).contains(squash("separation No complete baseline. Published China share 90.0 % (2024; "
                + "Test Agency 2025)."));
        // The headline sentences, as Headline writes them for the same data, and one of them spelled out.
        for (String sentence : Headline.sentences(TestReports.of(tracker, january, LocalDate.now()))) {
            assertThat(squashed).contains(squash(sentence));
        }
        assertThat(squashed).contains(squash("Of the stages with a complete baseline, magnet is the most concentrated: "
                + "China holds 90.9 % (baseline 2025, HHI \u2265 8,294); the least concentrated is "
                + "mining at 60.6 %."));
        // Stage table: HHI 60.606² + 15.152² + 9.091² = 3,985 for mining, 90.909² + 5.455² = 8,294 for magnet.
        assertThat(text).contains("3,985", "8,294");
        assertThat(squashed).contains(squash("No changes were recorded in January 2026"));
        // Methodology, with the weights the run used, and every baseline source.
        assertThat(squashed).contains(squash("Risk weights used: study 0.10, announced 0.20, approved 0.40, financing "
                + "0.60, under_construction 0.75, commissioning 0.90, operating 1.00, suspended 0.05, cancelled 0.00."));
        assertThat(text).contains("[1] Test Survey 2025", "Test Agency 2025", "Magnet Review 2026");
        assertThat(text).contains("What changed this month", "Stage concentration", "Midstream focus",
                "Country × stage", "Solid vs soft", "Methodology", "Sources: every baseline figure used");
    }

    @Test
    void february_newMagnetProject_showsProjectedShareChange_andTheChange() throws Exception {
        ReportPeriod february = ReportPeriod.parse("2026-02");
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");

        RunOutcome outcome = new ReportJob(tracker).start(february, dir.resolve("reports"));

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        String text = ReportFileReader.pdfText(new ReportFiles(dir.resolve("reports"), february).pdf());
        // As announced: the 70 t of JP-MAG-01 on 1,100 t (1,000 / 1,170 = 85.5 %); risk-weighted at 0.2: 14 t.
        assertThat(text).contains("magnet 90.9 % 0.0 pp 85.5 % 89.8 % \u22121.1 pp 2025, Magnet Review 2026")
                .contains("China 85.5 %") // the as-announced bar of the magnet capacity chart
                .contains("2026-02-10", "new project", "JP-MAG-01", "Future Magnets");
        assertThat(squash(text)).contains(squash("since January 2026, China's risk-weighted 2030 share moved most in "
                + "magnet, by \u22121.1 pp."));
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
