package io.chokepoint.distribution;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.delivery.Recipient;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;

/**
 * One delivery of a period's report, as the job's {@code email-pdf} step or {@code deliver} asks for it. Only
 * paths travel here; the mail settings, password included, are read where the mail is sent.
 *
 * @param files        the period's report files (PDF, summary, outbox folder)
 * @param selection    whom the mail is for; ignored for a test message
 * @param testAddress  a test message to this one address, not recorded as a delivery; empty for a delivery
 * @param settingsFile the mail settings file ({@code chokepoint.properties}); it need not exist
 * @param env          environment variables ({@code CHOKEPOINT_SMTP_*}), usually {@code System.getenv()}
 * @param dryRun       plan and open the channel, but send nothing
 */
public record DistributionRequest(ReportFiles files, Selection selection, Optional<String> testAddress,
                                  Path settingsFile, Map<String, String> env, boolean dryRun) {

    public DistributionRequest {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(testAddress, "testAddress");
        Objects.requireNonNull(settingsFile, "settingsFile");
        env = Map.copyOf(env);
    }

    /** The period's mail to the selected stakeholders. */
    public static DistributionRequest of(ReportFiles files, Selection selection, Path settingsFile,
                                         Map<String, String> env) {
        return new DistributionRequest(files, selection, Optional.empty(), settingsFile, env, false);
    }

    /** Instead, one test message to any address ({@code deliver --to} without {@code --resend}). */
    public DistributionRequest testTo(String address) {
        return new DistributionRequest(files, selection, Optional.of(address), settingsFile, env, dryRun);
    }

    /** The same request, sending nothing. */
    public DistributionRequest asDryRun() {
        return new DistributionRequest(files, selection, testAddress, settingsFile, env, true);
    }

    public ReportPeriod period() {
        return files.period();
    }

    /** Whether this is a test message rather than a delivery. */
    public boolean test() {
        return testAddress.isPresent();
    }

    /** Where outbox files go when no SMTP server is configured. */
    Path outbox() {
        return files.directory().resolve("outbox");
    }

    /** Starts each outbox file's name: the period, marked for a test message. */
    String filePrefix() {
        return period() + (test() ? "-test" : "");
    }

    /** A test message's recipient, checked. */
    Recipient testRecipient() {
        return Recipient.of(testAddress.orElseThrow());
    }
}
