package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.GeneratedTracker;
import io.chokepoint.JobRepositoryProbe;
import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The input fingerprint is computed while the snapshot step streams the rows, and carried over a restart in the
 * step's checkpoint: after a kill -9 mid-snapshot and a restart, the manifest's fingerprint is still the one a full
 * recomputation over the tracker gives.
 */
class RestartedFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void killedDuringSnapshot_restartedRun_manifestFingerprintEqualsTheRecomputation() throws Exception {
        TrackerDatabase tracker = GeneratedTracker.create(dir.resolve("chokepoint.db"), 6_000);
        JobRepositoryProbe repository = new JobRepositoryProbe(tracker.jobRepositoryFile());
        String[] run = {"run", "--period", "2026-01", "--db", tracker.file().toString(), "--reports",
                dir.resolve("reports").toString(), "--chunk-size", "40"};
        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, run)) {
            child.awaitWhileAlive("the snapshot step to commit a chunk", repository::snapshotUnderWay);
            child.kill();
        }

        CliRun again = CliRun.run(run);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("restarting execution 1");
        String manifest = new ObjectMapper().readTree(dir.resolve("reports/2026-01/manifest.json").toFile())
                .get("inputFingerprint").asText();
        assertThat(manifest).isEqualTo(InputFingerprint.of(tracker));
    }
}
