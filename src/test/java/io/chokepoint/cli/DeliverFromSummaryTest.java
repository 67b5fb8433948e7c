package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deliver} renders the mail from reports/YYYY-MM/summary-YYYY-MM.json, the file the run wrote, and recomputes
 * nothing from the tracker: what the file says is what the mail says, and without the file there is no mail.
 */
class DeliverFromSummaryTest {

    @TempDir
    Path dir;

    @Test
    void testMessage_quotesTheSummaryFile_evenWhenItDiffersFromTheTracker() throws Exception {
        // given a run without mail, and its summary edited to a figure the tracker cannot produce
        assertThat(cli("run", "--period", "2025-12", "--no-email").exitCode()).isZero();
        Path summary = dir.resolve("reports/2025-12/summary-2025-12.json");
        String json = Files.readString(summary);
        assertThat(json).contains("\"chinaSharePercent\" : 69.23076923076923");
        Files.writeString(summary, json.replace("\"chinaSharePercent\" : 69.23076923076923",
                "\"chinaSharePercent\" : 12.34"));

        // when
        CliRun test = cli("deliver", "--period", "2025-12", "--to", "test@example.com");

        // then
        assertThat(test.exitCode()).as(test.err()).isZero();
        MimeMessage message = MailFixtures.parse(dir.resolve("reports/2025-12/outbox/2025-12-test-test@example.com.eml"));
        Multipart alternative = (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("- mining: China share now 12.3 % (basis: output); baseline 2024")
                .doesNotContain("69.2 % (basis: output)");
        assertThat(html).contains(">12.3 % (basis: output)</td>");
    }

    @Test
    void withoutTheSummary_deliverExits3WithOneLine_andSendsNothing() throws Exception {
        assertThat(cli("stakeholders", "add", "ana@example.org", "--name", "Ana").exitCode()).isZero();
        assertThat(cli("run", "--period", "2025-12", "--no-email").exitCode()).isZero();
        Path summary = dir.resolve("reports/2025-12/summary-2025-12.json");
        Files.delete(summary);

        CliRun deliver = cli("deliver", "--period", "2025-12");
        CliRun test = cli("deliver", "--period", "2025-12", "--to", "test@example.com");

        String expected = "no summary-2025-12.json in " + dir.resolve("reports/2025-12")
                + ": run the month first (chokepoint run --period 2025-12)\n";
        assertThat(deliver.exitCode()).isEqualTo(3);
        assertThat(deliver.err()).isEqualTo(expected);
        assertThat(test.exitCode()).isEqualTo(3);
        assertThat(test.err()).isEqualTo(expected);
        assertThat(dir.resolve("reports/2025-12/outbox")).doesNotExist();
    }

    @Test
    void aSummaryOfAnotherSchemaVersion_isRefusedInOneLine() throws Exception {
        assertThat(cli("run", "--period", "2025-12", "--no-email").exitCode()).isZero();
        Path summary = dir.resolve("reports/2025-12/summary-2025-12.json");
        Files.writeString(summary, Files.readString(summary).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));

        CliRun test = cli("deliver", "--period", "2025-12", "--to", "test@example.com");

        assertThat(test.exitCode()).isEqualTo(3);
        assertThat(test.err()).isEqualTo(summary + " has schemaVersion 99; this program reads version 1:"
                + " run the month again\n");
    }

    private CliRun cli(String... args) {
        return CliRun.inSampleFolder(dir, args);
    }
}
