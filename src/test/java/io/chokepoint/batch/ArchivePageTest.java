package io.chokepoint.batch;

import io.chokepoint.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.batch.runtime.BatchStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.report.ArchivePage;
import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.stakeholders.StakeholderDirectory;
import io.chokepoint.report.ReportArchive;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * reports/index.html as the real job leaves it, opened in headless Chromium (Debian's chromium) at 400 px and
 * 1280 px: every period, every trajectory chart, no horizontal scroll on a phone; a failed run leaves the page as it
 * was. In CI (env CI set) a missing chromium fails the test; elsewhere it is skipped.
 */
class ArchivePageTest {

    private static final List<String> MONTHS = List.of("2025-11", "2025-12", "2026-01");

    @TempDir
    static Path dir;
    static Path reports;
    static TrackerDatabase tracker;

    @BeforeAll
    static void runThreeMonthsAndRerunDecember() {
        tracker = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        reports = dir.resolve("reports");
        for (String month : MONTHS) {
            assertThat(new ReportJob(tracker).start(ReportPeriod.parse(month), reports).status())
                    .isEqualTo(BatchStatus.COMPLETED);
        }
        // A rerun of December keeps the first version under archive/<id>/, as run --rerun does.
        ReportFiles december = new ReportFiles(reports, ReportPeriod.parse("2025-12"));
        ReportArchive.keep(december, ReportArchive.producer(december).orElseThrow());
        assertThat(new ReportJob(tracker).start(ReportPeriod.parse("2025-12"), reports).status())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void thePage_listsEveryPeriodWithItsFiguresFilesAndRuns() throws Exception {
        String html = Files.readString(reports.resolve(ArchivePage.FILE_NAME));
        JsonNode january = new ObjectMapper().readTree(new ReportFiles(reports, ReportPeriod.parse("2026-01"))
                .summary().toFile());
        for (String month : MONTHS) {
            assertThat(html).contains("id=\"p" + month + "\"").contains("href=\"" + month + "/chokepoint-" + month + ".pdf\"")
                    .contains("href=\"" + month + "/summary-" + month + ".json\"");
        }
        // December's first version is linked, and each period names the run that made its current files.
        long firstDecember = Files.list(reports.resolve("2025-12/archive")).map(p -> Long.parseLong(p.getFileName().toString()))
                .findFirst().orElseThrow();
        assertThat(html).contains("href=\"2025-12/archive/" + firstDecember + "/chokepoint-2025-12.pdf\"");
        long currentDecember = ReportArchive.producer(new ReportFiles(reports, ReportPeriod.parse("2025-12"))).orElseThrow();
        assertThat(currentDecember).isGreaterThan(firstDecember);
        assertThat(html).contains("Made by run (job execution) " + currentDecember + ".");
        // January's page-1 figures: separation's share as its summary has it.
        for (JsonNode stage : january.path("stages")) {
            if (stage.path("stage").asText().equals("separation")) {
                assertThat(html).contains(String.format(java.util.Locale.ROOT, "%.2f %%",
                        stage.path("chinaSharePercent").asDouble()));
            }
        }
        // Self-contained: nothing fetched from anywhere.
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("@import").doesNotContain("<link");
    }

    @Test
    void chromium_showsEveryPeriodAndChart_withoutHorizontalScrollAt400px() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.in(dir);
        Path page = reports.resolve(ArchivePage.FILE_NAME);
        JsonNode trajectory = new ObjectMapper().readTree(new ReportFiles(reports, ReportPeriod.parse("2026-01"))
                .summary().toFile()).path("trajectory");
        int stages = trajectory.path("stages").size();
        assertThat(stages).isGreaterThanOrEqualTo(2);
        // Headless Chromium will not make a window narrower than 500 px, so the page is shown in a frame of the
        // width under test. A copy of the page has a probe at its end that writes its layout's width into the
        // frame's parent (the page itself has no script).
        Path probe = reports.resolve("probe.html");
        Files.writeString(probe, Files.readString(page).replace("</body>", "<script>"
                + "var r=parent.document.getElementById('probe');"
                + "r.setAttribute('data-scroll',document.documentElement.scrollWidth);"
                + "r.setAttribute('data-inner',window.innerWidth);"
                + "r.setAttribute('data-periods',document.querySelectorAll('section.period').length);"
                + "r.setAttribute('data-charts',Array.prototype.filter.call(document.querySelectorAll('figure.chart svg'),"
                + "function(s){var b=s.getBoundingClientRect();return b.width>100&&b.height>50&&b.right<=window.innerWidth+0.5"
                + "&&s.querySelectorAll('path').length>0;}).length);"
                + "</script></body>"));
        for (int width : List.of(400, 1280)) {
            Path frame = reports.resolve("frame-" + width + ".html");
            Files.writeString(frame, "<!DOCTYPE html><html><body style=\"margin:0\"><div id=\"probe\"></div>"
                    + "<iframe src=\"probe.html\" style=\"border:0;width:" + width + "px;height:1400px\"></iframe>"
                    + "</body></html>");
            String dom = chromium.run("--allow-file-access-from-files", "--window-size=" + Math.max(width, 500) + ",1400",
                    "--dump-dom", frame.toUri().toString());
            Matcher m = Pattern.compile("id=\"probe\" data-scroll=\"(\\d+)\" data-inner=\"(\\d+)\" data-periods=\"(\\d+)\""
                    + " data-charts=\"(\\d+)\"").matcher(dom);
            assertThat(m.find()).as(dom.length() > 2000 ? dom.substring(dom.length() - 2000) : dom).isTrue();
            int inner = Integer.parseInt(m.group(2));
            assertThat(inner).as("viewport width").isEqualTo(width);
            assertThat(Integer.parseInt(m.group(1))).as("layout width at " + width + " px").isLessThanOrEqualTo(width);
            assertThat(Integer.parseInt(m.group(3))).as("periods shown").isEqualTo(MONTHS.size());
            assertThat(Integer.parseInt(m.group(4))).as("charts drawn, inside the viewport").isEqualTo(stages);

            // The screenshot, of the page itself (in its frame at 400 px): kept beside the test's files.
            Path shown = reports.resolve("shot-" + width + ".html");
            Files.writeString(shown, "<!DOCTYPE html><html><body style=\"margin:0\">"
                    + "<iframe src=\"index.html\" style=\"border:0;width:" + width + "px;height:1400px\"></iframe>"
                    + "</body></html>");
            Path png = dir.resolve("archive-" + width + ".png");
            chromium.run("--screenshot=" + png, "--window-size=" + Math.max(width, 500) + ",1400", "--hide-scrollbars",
                    shown.toUri().toString());
            BufferedImage image = ImageIO.read(png.toFile()).getSubimage(0, 0, width, 1400);
            // Kept for a reader to look at: target/archive-page-400.png, target/archive-page-1280.png.
            ImageIO.write(image, "png", Path.of("target", "archive-page-" + width + ".png").toFile());
            // Text and lines on white: some ink, but not a blank or a solid page.
            assertThat(inkedShare(image)).as("ink at " + width + " px").isBetween(0.02, 0.6);
            // Nothing drawn in the frame's last pixel column at 400 px: no content runs off the screen's edge.
            if (width == 400) {
                assertThat(columnInk(image, width - 1)).as("ink in the last pixel column").isZero();
            }
        }
    }

    @Test
    void aFailedRun_leavesThePreviousPage() throws Exception {
        Path page = reports.resolve(ArchivePage.FILE_NAME);
        byte[] before = Files.readAllBytes(page);
        // October's reports are written, then its mail step fails on a bad port: the run fails before the page.
        new StakeholderDirectory(tracker).add(new Stakeholder("ana@example.org", "ana", List.of(), List.of()),
                Instant.parse("2025-09-15T00:00:00Z"));
        EmailOptions broken = new EmailOptions(true, Files.write(dir.resolve("broken.properties"),
                List.of("smtp.host=mail.example.org", "smtp.port=25x", "smtp.from=r@example.org")));
        assertThat(new ReportJob(tracker).start(ReportPeriod.parse("2025-10"), reports, broken).status())
                .isEqualTo(BatchStatus.FAILED);
        assertThat(new ReportFiles(reports, ReportPeriod.parse("2025-10")).summary()).exists();
        assertThat(Files.readAllBytes(page)).isEqualTo(before);
        try (var files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".") || n.endsWith(".tmp"));
        }
    }

    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    private static int columnInk(BufferedImage image, int x) {
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                inked++;
            }
        }
        return inked;
    }
}
