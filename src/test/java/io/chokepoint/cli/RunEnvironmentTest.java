package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.TestTrackers;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Environment problems of a run (issue 17): a reports folder that cannot be written exits 3 with one line, before
 * or during the job, and the month is finished by the next run; temporary files a killed run left are removed.
 * (A full disk was checked by hand on a 300 kB tmpfs; it takes the same paths, see docs/operations.md.)
 */
class RunEnvironmentTest {

    @TempDir
    Path dir;

    private CliRun run(TrackerDatabase db, Path reports) {
        return CliRun.run("run", "--period", "2026-01", "--no-email", "--db", db.file().toString(), "--reports",
                reports.toString());
    }

    @Test
    void reportsFolderThatCannotBeCreated_exit3InOneLine_andNoExecutionStarts() throws Exception {
        TrackerDatabase db = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");
        Path notAFolder = Files.writeString(dir.resolve("reports"), "a file where the folder should be");

        CliRun result = run(db, notAFolder);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
        // Refused by the settings check before any job: the folder is named with the fix.
        assertThat(result.err().strip()).isEqualTo("--reports " + notAFolder + ": " + notAFolder
                + " is not a directory; give a folder that can be written, e.g. --reports ./reports");
        assertThat(new JobRepositoryProbe(db.jobRepositoryFile()).executions()).isEmpty();
    }

    @Test
    void reportThatCannotBeWrittenDuringTheJob_exit3InOneLine_andTheNextRunFinishesTheMonth() throws Exception {
        TrackerDatabase db = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");
        Path reports = dir.resolve("reports");
        // The workbook's name is taken by a folder: the job's write, not the check before it, fails.
        Path blocking = Files.createDirectories(reports.resolve("2026-01/chokepoint-2026-01.xlsx/in-the-way"));

        CliRun failed = run(db, reports);

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(3);
        assertThat(failed.err().strip()).doesNotContain("\n")
                .startsWith("write-reports: cannot write " + reports.resolve("2026-01/chokepoint-2026-01.xlsx"))
                .endsWith("; fix that (free space, permissions), then finish the month with: chokepoint run --period"
                        + " 2026-01");
        assertThat(failed.out()).contains("Status: FAILED (write-reports: ");

        Files.delete(blocking);
        Files.delete(blocking.getParent());
        CliRun again = run(db, reports);

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("restarting execution 1 (FAILED)");
        assertThat(reports.resolve("2026-01/chokepoint-2026-01.xlsx")).isRegularFile();
    }

    @Test
    void temporaryFilesLeftByAKilledRun_areRemovedByTheNextRun() throws Exception {
        TrackerDatabase db = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");
        Path reports = dir.resolve("reports");
        Path folder = Files.createDirectories(reports.resolve("2026-01/archive/3"));
        Path workbookTemp = Files.createFile(folder.resolveSibling("../.chokepoint-2026-01.xlsx."
                + "0b8e4a4e-1c53-4a43-9b4e-7d1d2f0f6c11.tmp").normalize());
        Path manifestTemp = Files.createFile(reports.resolve("2026-01/.manifest.json.5f0d0c2e-8f59-4c0e-a0f5-3f6b7f7a9b1e.tmp"));
        Path archiveTemp = Files.createFile(folder.resolve(".chokepoint-2026-01.pdf.1b2c3d4e-0000-4000-8000-000000000000.tmp"));
        Path kept = Files.writeString(reports.resolve("2026-01/notes.txt"), "the analyst's own file");

        CliRun result = run(db, reports);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(workbookTemp).doesNotExist();
        assertThat(manifestTemp).doesNotExist();
        assertThat(archiveTemp).doesNotExist();
        assertThat(kept).hasContent("the analyst's own file");
        try (var files = Files.list(reports.resolve("2026-01"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("archive", "chokepoint-2026-01.pdf", "chokepoint-2026-01.xlsx", "manifest.json",
                            "notes.txt", "run-1.log", "summary-2026-01.json");
        }
    }
}
