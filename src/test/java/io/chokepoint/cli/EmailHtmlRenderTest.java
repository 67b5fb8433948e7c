package io.chokepoint.cli;

import io.chokepoint.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.report.Formats;
import io.chokepoint.report.PeriodSummary;
import io.chokepoint.report.PeriodSummaryFile;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The mail the December 2025 run writes for a stakeholder (outbox mode: the exact bytes a server would get), its
 * HTML part opened in a real headless browser, Debian's chromium. In CI (env CI set) a missing chromium fails the
 * test, since .ci/run installs it; elsewhere the test is skipped with a message saying how to install it.
 */
class EmailHtmlRenderTest {

    private static final ReportPeriod DECEMBER = ReportPeriod.parse("2025-12");

    @TempDir
    Path dir;

    private PeriodSummary summary;
    private String text;
    private String html;

    @BeforeEach
    void runDecemberForOneStakeholder() throws Exception {
        cli("stakeholders", "add", "ana@example.org", "--name", "Ana Lima");
        CliRun run = cli("run", "--period", "2025-12");
        assertThat(run.exitCode()).as(run.err()).isZero();
        summary = PeriodSummaryFile.read(new ReportFiles(dir.resolve("reports"), DECEMBER).summary()).orElseThrow();

        MimeMessage message = MailFixtures.parse(dir.resolve("reports/2025-12/outbox/2025-12-ana@example.org.eml"));
        assertThat(message.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        assertThat(mixed.getBodyPart(1).isMimeType("application/pdf")).isTrue();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        BodyPart plain = alternative.getBodyPart(0);
        BodyPart rich = alternative.getBodyPart(1);
        assertThat(plain.isMimeType("text/plain")).isTrue();
        assertThat(rich.isMimeType("text/html")).isTrue();
        text = (String) plain.getContent();
        html = (String) rich.getContent();
    }

    @Test
    void html_isSelfContained_tableLaidOut_andThePlainTextHasTheSameFigures() {
        assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("src=").doesNotContainIgnoringCase("url(")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("<table role=\"presentation\"").contains("style=\"");
        for (String figure : figures()) {
            assertThat(html).contains(figure);
            assertThat(text).contains(figure);
        }
    }

    @Test
    void chromium_rendersTheStageTableAndTheChanges_andAScreenshotOfSensibleSize() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.in(dir);
        Path page = Files.writeString(dir.resolve("mail.html"), html, StandardCharsets.UTF_8);

        String dom = chromium.run("--dump-dom", page.toUri().toString());
        String rendered = textOf(dom);

        assertThat(rendered).contains("Where each stage stands").contains("2030 as announced")
                .contains("2030 risk-weighted").contains("Published anchor").contains("Change since 2025-11");
        for (String figure : figures()) {
            assertThat(rendered).contains(figure);
        }
        assertThat(summary.movers()).isNotEmpty();
        summary.movers().forEach(m -> assertThat(rendered).contains(m.sentence()));

        Path png = dir.resolve("mail.png");
        chromium.run("--screenshot=" + png, "--window-size=1000,1600", "--hide-scrollbars", page.toUri().toString());

        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(1600);
        assertThat(inkedShare(image)).as("share of non-white pixels").isBetween(0.02, 0.6);
    }

    @Test
    void chromium_at400px_hasNoHorizontalScroll_withoutMediaQueries_andKeepsEveryFigure() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.in(dir);
        // Headless chromium will not make a window narrower than 500 px, so the mail is laid out in a frame 400 px
        // wide, as a phone would show it; a script in the page around it (the mail itself carries none) reads the
        // width of the mail's document and the text a reader sees.
        String frame = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body style=\"margin:0\">"
                + "<iframe id=\"mail\" style=\"width:400px;height:3000px;border:0\" srcdoc=\""
                + html.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe><pre id=\"seen\"></pre>"
                + "<script>window.onload = function () { var mail = document.getElementById('mail');"
                + " var page = mail.contentDocument.documentElement; document.body.setAttribute('data-measured',"
                + " page.scrollWidth + 'x' + mail.contentWindow.innerWidth);"
                + " document.getElementById('seen').textContent = mail.contentDocument.body.innerText; };</script>"
                + "</body></html>";
        Path page = Files.writeString(dir.resolve("narrow.html"), frame, StandardCharsets.UTF_8);

        String dom = chromium.run("--virtual-time-budget=5000", "--dump-dom", page.toUri().toString());

        Matcher measured = Pattern.compile("data-measured=\"(\\d+)x(\\d+)\"").matcher(dom);
        assertThat(measured.find()).as("the measuring script ran: " + dom.substring(0, Math.min(300, dom.length())))
                .isTrue();
        int layout = Integer.parseInt(measured.group(1));
        int viewport = Integer.parseInt(measured.group(2));
        assertThat(viewport).as("the mail's window width").isEqualTo(400);
        assertThat(layout).as("the mail's document width in a 400 px window").isLessThanOrEqualTo(400);
        // The narrow layout comes from fluid widths alone, so clients that drop <style> and media queries keep it.
        assertThat(html).doesNotContainIgnoringCase("@media").doesNotContainIgnoringCase("<style");
        assertThat(html).doesNotContainPattern("width=\"[0-9]{3,}\"").doesNotContainPattern("[^-]width:\\s*[0-9]{3,}px");
        String seen = textOf(dom.substring(dom.indexOf("<pre id=\"seen\">")));
        assertThat(seen).contains("Where each stage stands").contains("2030 as announced").contains("Published anchor");
        for (String figure : figures()) {
            assertThat(seen).contains(figure);
        }
    }

    /** The stage figures page 1 gives: each share now, each projection or "not computable", each anchor. */
    private List<String> figures() {
        List<String> figures = new ArrayList<>();
        for (PeriodSummary.Stage s : summary.stages()) {
            if (s.chinaSharePercent() != null) {
                figures.add(Formats.percent(s.chinaSharePercent()) + " (basis: " + s.basis() + ")");
                figures.add(s.projection().asAnnounced().text());
                figures.add(s.projection().riskWeighted().text());
            }
            if (s.publishedProjection() != null) {
                figures.add(Formats.percent(s.publishedProjection().sharePercent()));
            }
        }
        assertThat(figures).anyMatch(f -> f.startsWith("not computable ("));
        return figures;
    }

    /** The text a reader sees in a serialized DOM: tags dropped, entities decoded, spaces collapsed. */
    private static String textOf(String dom) {
        return dom.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]+>", " ").replace("&nbsp;", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    private CliRun cli(String... args) {
        return CliRun.inSampleFolder(dir, args);
    }
}
