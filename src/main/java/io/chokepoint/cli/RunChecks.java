package io.chokepoint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.chokepoint.tracking.store.PostgresDatabase;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.delivery.DeliveryException;
import io.chokepoint.delivery.MailSettings;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.ReportManifest;
import io.chokepoint.settings.SettingKey;
import io.chokepoint.settings.Settings;
import io.chokepoint.settings.SettingsCatalog;
import io.chokepoint.settings.SettingsException;
import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * What {@code run}, {@code restart}, {@code schedule} and {@code deliver} check before a job starts or a message is
 * sent: every setting (mail, analysis), the paths (the reports folder can be written, and holds no other tracker's
 * reports) and the period. Each problem is one line naming the setting and the fix, and exits 3 before any file is
 * written; unknown {@code CHOKEPOINT_*} variables and settings keys are warnings naming the nearest known one.
 */
final class RunChecks {

    /** Variables that are ours but not settings of a run: read by the launcher, or by {@link TrackerOptions}. */
    private static final SettingsCatalog PROCESS = new SettingsCatalog(List.of(
            SettingKey.envOnly("CHOKEPOINT_HOME"),
            SettingKey.envOnly("CHOKEPOINT_DB"),
            SettingKey.envOnly("CHOKEPOINT_OPTS"),
            SettingKey.envOnly("CHOKEPOINT_CDS")), List.of());

    private final Environment environment;

    RunChecks(Environment environment) {
        this.environment = environment;
    }

    /**
     * Loads and checks every setting a run reads, printing a warning per unknown name.
     *
     * @param settingsFile the mail settings file, resolved against the home
     * @param explicit     whether it was named ({@code --config}): then it must exist
     * @throws SettingsException or a {@link io.chokepoint.tracking.TrackerException}: one line, exit 3
     */
    void settings(Path settingsFile, boolean explicit, RunOptions options) {
        if (explicit && !Files.isRegularFile(settingsFile)) {
            throw new SettingsException("--config " + settingsFile + ": no such settings file; check the path, or leave"
                    + " --config out to use chokepoint.properties in the tracker's home");
        }
        Settings settings = Settings.load(settingsFile, environment.env(), PROCESS.plus(DatabaseLogin.CATALOG).plus(MailSettings.catalog()));
        settings.warnings().forEach(warning -> environment.note("Warning: " + warning));
        if (options.email().enabled()) {
            try {
                MailSettings.load(settingsFile, environment.env());
                MailSettings.configuredFrom(settingsFile, environment.env());
                MailSettings.maxAttachmentBytes(settingsFile, environment.env());
            } catch (DeliveryException e) {
                throw new SettingsException("Invalid mail settings: " + e.getMessage(), e);
            }
        }
        options.analysis().ifPresent(AnalysisSettings::load);
    }

    /**
     * The reports folder can be written without creating anything yet, and the period's folder holds no reports of
     * another tracker.
     */
    static void reports(Path reports, ReportPeriod period, TrackerDatabase tracker, String option) {
        Path existing = reports;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new SettingsException(option + " " + reports + ": " + (existing == null ? "no part of it exists"
                    : existing + " is not a directory") + "; give a folder that can be written, e.g. --reports ./reports");
        }
        if (!Files.isWritable(existing)) {
            throw new SettingsException(option + " " + reports + ": " + existing + " cannot be written; give a folder"
                    + " you may write to, e.g. --reports ./reports");
        }
        ReportFiles files = new ReportFiles(reports, period);
        if (Files.exists(files.directory()) && (!Files.isDirectory(files.directory())
                || !Files.isWritable(files.directory()))) {
            throw new SettingsException(option + " " + reports + ": " + files.directory() + " is not a folder that can"
                    + " be written; move it away or give another --reports folder");
        }
        Optional<ReportManifest> manifest;
        try {
            manifest = ReportManifest.read(files.manifest());
        } catch (RuntimeException e) {
            throw new SettingsException("cannot read " + files.manifest() + " (" + e.getMessage() + "); move the folder "
                    + files.directory() + " away or give another --reports folder", e);
        }
        if (tracker.backend() instanceof PostgresDatabase) {
            String url = tracker.location();
            manifest.map(ReportManifest::tracker).filter(theirs -> !theirs.equals(url)).ifPresent(theirs -> {
                throw new SettingsException(files.directory() + " holds the reports of another tracker (" + theirs
                        + "), not of " + url + "; give this tracker its own folder with --reports DIR (or --home), or"
                        + " move " + files.directory() + " away");
            });
            return;
        }
        Path ours = tracker.file().toAbsolutePath().normalize();
        manifest.map(ReportManifest::tracker).map(Path::of).filter(theirs -> !same(theirs, ours)).ifPresent(theirs -> {
            throw new SettingsException(files.directory() + " holds the reports of another tracker (" + theirs
                    + "), not of " + ours + "; give this tracker its own folder with --reports DIR (or --home), or move"
                    + " " + files.directory() + " away");
        });
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b) : a.normalize().equals(b.normalize());
        } catch (java.io.IOException e) {
            return a.normalize().equals(b.normalize());
        }
    }

    /** A month that has not ended is refused unless {@code allowIncomplete}. */
    void periodEnded(ReportPeriod period, boolean allowIncomplete) {
        YearMonth now = YearMonth.now(environment.clock());
        if (!allowIncomplete && !period.month().isBefore(now)) {
            LocalDate today = LocalDate.now(environment.clock());
            throw new SettingsException("--period " + period + " has not ended (today is " + today + "): its report"
                    + " would miss the rest of the month. The last complete month is " + now.minusMonths(1)
                    + "; to report " + period + " as known so far, add --allow-incomplete");
        }
    }

    /** A month before the tracker's earliest dated fact is refused with the earliest valid month. */
    static void periodHasFacts(ReportPeriod period, TrackerDatabase tracker) {
        tracker.trackedProjects().earliestFact().map(YearMonth::from).filter(period.month()::isBefore)
                .ifPresent(earliest -> {
                    throw new SettingsException("--period " + period + " is before the tracker's earliest fact ("
                            + earliest + "): the earliest month it can report is " + earliest + ", e.g. --period "
                            + earliest);
                });
    }
}
