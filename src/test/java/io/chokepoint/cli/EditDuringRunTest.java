package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.GeneratedTracker;
import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.TestTrackers;
import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Issue 25, point 5: on SQLite a run reads the tracker over several steps and transactions, so an edit during the run
 * is refused (as an import is), and the manifest's input fingerprint describes exactly the data the files were made
 * from. The same edit after the run is accepted and changes the fingerprint: the comparison can fail.
 */
class EditDuringRunTest {

    @TempDir
    Path dir;

    @Test
    void projectUpdateAndEventAdd_duringASqliteRun_areRefused_andTheManifestDescribesTheTracker() throws Exception {
        TrackerDatabase tracker = GeneratedTracker.create(dir.resolve("chokepoint.db"), 10_000);
        String db = tracker.file().toString();
        String id = "VN-LSEE-01-MET"; // a sample project, reported in 2026-01
        String[] update = {"project", "update", id, "--notes", "edited during the run", "--db", db};
        String[] event = {"event", "add", id, "--date", "2026-01-15", "--kind", "financing", "--source",
                "Test 2026-01-15 https://example.com", "--db", db};
        JobRepositoryProbe repository = new JobRepositoryProbe(tracker.jobRepositoryFile());
        TestTrackers.Contents before = TestTrackers.contents(tracker.file());
        CliRun updated;
        CliRun added;

        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, "run", "--period", "2026-01",
                "--no-email", "--db", db, "--reports", dir.resolve("reports").toString(), "--chunk-size", "50")) {
            child.awaitWhileAlive("the snapshot step to commit a chunk", repository::snapshotUnderWay);

            updated = CliRun.run(update);
            added = CliRun.run(event);

            assertThat(child.isAlive()).as("the edits were tried while the run was going on").isTrue();
            assertThat(child.exitCode()).as(child.err()).isZero();
        }

        for (CliRun edit : new CliRun[] {updated, added}) {
            assertThat(edit.exitCode()).as(edit.out() + edit.err()).isEqualTo(3);
            assertThat(edit.err().strip()).doesNotContain("\n").startsWith("a run holds the tracker " + db + " (pid ");
        }
        assertThat(updated.err()).contains("the project was not changed; update it when it has finished");
        assertThat(added.err()).contains("the event was not recorded; add it when it has finished");
        assertThat(TestTrackers.contents(tracker.file())).isEqualTo(before);
        String manifest = fingerprintInManifest();
        assertThat(manifest).isEqualTo(InputFingerprint.of(tracker));

        // After the run the same edit goes in, and the tracker no longer has the fingerprint of that run's files.
        CliRun after = CliRun.run(update);
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(InputFingerprint.of(tracker)).isNotEqualTo(manifest);
    }

    private String fingerprintInManifest() throws java.io.IOException {
        return new ObjectMapper().readTree(dir.resolve("reports/2026-01/manifest.json").toFile())
                .get("inputFingerprint").asText();
    }
}
