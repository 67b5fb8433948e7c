package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.chokepoint.TestTrackers;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.stakeholders.StakeholderDirectory;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** The job's email-pdf step, run by the real job on the small tracker, without an SMTP server. */
class EmailPdfStepTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    private TrackerDatabase tracker;
    private ReportJob job;
    private ReportFiles files;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.chokepoint");

    @BeforeEach
    void smallTracker() {
        tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");
        job = new ReportJob(tracker);
        files = new ReportFiles(dir.resolve("reports"), JANUARY);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private EmailOptions settings(String... lines) throws Exception {
        return new EmailOptions(true, Files.write(dir.resolve("chokepoint.properties"), List.of(lines)));
    }

    private void stakeholders(String... emails) {
        StakeholderDirectory directory = new StakeholderDirectory(tracker);
        for (String email : emails) {
            directory.add(new Stakeholder(email, email.substring(0, email.indexOf('@')), List.of(), List.of()),
                    Instant.parse("2026-01-15T00:00:00Z"));
        }
    }

    @Test
    void noStakeholders_stepCompletesAndSaysSo() throws Exception {
        RunOutcome outcome = job.start(JANUARY, dir.resolve("reports"), settings());

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.exitStatus()).isEqualTo("COMPLETED");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("email-pdf 2026-01: no active stakeholders, nothing to send (add some with: chokepoint"
                        + " stakeholders add EMAIL --name NAME)");
        assertThat(files.directory().resolve("outbox")).doesNotExist();
    }

    @Test
    void emailDisabled_skipsTheStep_andRecordsNothing() throws Exception {
        stakeholders("ana@example.org");

        RunOutcome outcome = job.start(JANUARY, dir.resolve("reports"), new EmailOptions(false, dir.resolve("none")));

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.exitStatus()).isEqualTo("EMAIL_SKIPPED");
        assertThat(new DeliveryLog(tracker).all()).isEmpty();
        assertThat(files.pdf()).exists();
    }

    @Test
    void invalidSettings_failTheStepNamingTheSetting_keepTheReports_andTheRestartRunsOnlyTheMailStep() throws Exception {
        // given
        stakeholders("ana@example.org", "bo@example.org");
        EmailOptions broken = settings("smtp.host=mail.example.org", "smtp.port=25x", "smtp.from=r@example.org");

        // when
        RunOutcome failed = job.start(JANUARY, dir.resolve("reports"), broken);

        // then
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        // A fault on this side, not the server's: the run exits 3 (see ForegroundJob).
        assertThat(failed.emailSetupFailed()).isTrue();
        assertThat(failed.exitStatus()).isEqualTo("EMAIL_SETUP_FAILED: invalid mail settings: smtp.port in "
                + broken.settingsFile().toAbsolutePath() + " is '25x', expected a port number from 1 to 65535");
        assertThat(failed.files()).containsExactly(files.workbook(), files.pdf(), files.summary(), files.manifest());
        assertThat(new DeliveryLog(tracker).all()).isEmpty();

        // when the settings are gone (no SMTP host: the outbox) but so is the period summary the mail is made from
        Files.delete(broken.settingsFile());
        byte[] summary = Files.readAllBytes(files.summary());
        Path aside = Files.move(files.summary(), dir.resolve("summary-aside.json"));
        RunOutcome noSummary = job.restart(job.latestExecution(JANUARY).orElseThrow(), broken);

        // then the step fails saying so, and sends nothing
        assertThat(noSummary.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(noSummary.exitStatus()).isEqualTo("EMAIL_SETUP_FAILED: no summary-2026-01.json in "
                + files.directory() + ": run the month first");
        assertThat(new DeliveryLog(tracker).all()).isEmpty();

        // when the summary is back, the restart sends the mail, rendered from that file, which it leaves as it was
        Files.move(aside, files.summary());
        RunOutcome restarted = job.restart(job.latestExecution(JANUARY).orElseThrow(), broken);

        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllBytes(files.summary())).isEqualTo(summary);
        assertThat(job.operator().getStepExecutions(restarted.executionId())).extracting(StepExecution::getStepName)
                .containsExactly("email-pdf", "write-archive-page");
        assertThat(new DeliveryLog(tracker).all()).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome)
                .containsExactly(tuple("ana@example.org", DeliveryRecord.Outcome.OUTBOX),
                        tuple("bo@example.org", DeliveryRecord.Outcome.OUTBOX));
    }
}
