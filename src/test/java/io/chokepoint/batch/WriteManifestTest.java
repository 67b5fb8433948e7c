package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.batch.runtime.BatchStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.devtools.SyntheticTracker;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

class WriteManifestTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    @Test
    void completedRun_writesManifestWithExecutionIdFingerprintAndEachFilesHash() throws Exception {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker");

        RunOutcome outcome = new ReportJob(tracker).start(JANUARY, dir.resolve("reports"));

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        ReportFiles files = new ReportFiles(dir.resolve("reports"), JANUARY);
        JsonNode manifest = new ObjectMapper().readTree(files.manifest().toFile());
        assertThat(manifest.get("period").asText()).isEqualTo("2026-01");
        assertThat(manifest.get("jobExecutionId").asLong()).isEqualTo(outcome.executionId());
        assertThat(manifest.get("inputFingerprint").asText()).isEqualTo(InputFingerprint.of(tracker));
        JsonNode listed = manifest.get("files");
        assertThat(listed).hasSize(3);
        List<Path> expected = List.of(files.workbook(), files.pdf(), files.summary());
        for (int i = 0; i < expected.size(); i++) {
            Path file = expected.get(i);
            assertThat(listed.get(i).get("name").asText()).isEqualTo(file.getFileName().toString());
            assertThat(listed.get(i).get("size").asLong()).isEqualTo(Files.size(file));
            assertThat(listed.get(i).get("sha256").asText()).isEqualTo(sha256(file));
        }
        // Every file went through a temporary name: none is left behind.
        try (var left = Files.list(files.directory())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("chokepoint-2026-01.xlsx", "chokepoint-2026-01.pdf", "summary-2026-01.json",
                            "manifest.json");
        }
    }

    @Test
    void fingerprintStreamedOverManyChunks_equalsTheRecomputation_andAnEditAfterTheRunWouldChangeIt() throws Exception {
        Path file = dir.resolve("synthetic.db");
        SyntheticTracker.generate(file, 2_000, 11);
        TrackerDatabase tracker = TrackerDatabase.open(file);
        tracker.jdbi().useHandle(h -> h.execute("INSERT INTO facility_event (facility_id, date, event, source)"
                + " VALUES ('ZZ-NO-PROJECT', '2025-05-05', 'announcement', 'News')"));
        RunOptions chunksOf300 = new RunOptions(OptionalInt.of(300), OptionalInt.empty(), Optional.empty(),
                EmailOptions.defaults());

        new ReportJob(tracker).startNew(JANUARY, dir.resolve("reports"), chunksOf300, List.of()).await();

        String manifest = new ObjectMapper().readTree(new ReportFiles(dir.resolve("reports"), JANUARY).manifest()
                .toFile()).get("inputFingerprint").asText();
        assertThat(manifest).isEqualTo(InputFingerprint.of(tracker));
        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET notes = 'moved' WHERE rowid = 1500"));
        assertThat(InputFingerprint.of(tracker)).isNotEqualTo(manifest);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
