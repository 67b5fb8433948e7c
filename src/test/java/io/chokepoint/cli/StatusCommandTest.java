package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.tracking.store.TrackerDatabase;

class StatusCommandTest {

    @TempDir
    Path dir;

    private CliRun run(TrackerDatabase tracker, String period) {
        return CliRun.run("run", "--period", period, "--db", tracker.file().toString(),
                "--reports", dir.resolve("reports").toString(), "--chunk-size", "2");
    }

    private CliRun status(TrackerDatabase tracker, String... args) {
        List<String> all = new ArrayList<>(List.of("status", "--db", tracker.file().toString()));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    /** January and February completed, then March failed mid-snapshot: executions 1, 2, 3. */
    private TrackerDatabase threePeriods() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");
        assertThat(run(tracker, "2026-01").exitCode()).isZero();
        assertThat(run(tracker, "2026-02").exitCode()).isZero();
        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET stage = 'metallurgy' WHERE id = 'VN-LSEE-01-MET'"));
        assertThat(run(tracker, "2026-03").exitCode()).isEqualTo(1);
        return tracker;
    }

    @Test
    void severalPeriods_tableListsExecutionsNewestFirst_withEachStepsCounts() {
        TrackerDatabase tracker = threePeriods();

        CliRun status = status(tracker);

        assertThat(status.exitCode()).as(status.err()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("PERIOD", "STEP", "STATUS", "EXIT STATUS", "START", "END",
                "DURATION", "READ", "WRITE", "COMMIT");
        assertThat(lines.stream().filter(l -> l.matches("\\s*\\d+\\s+2026-\\d\\d\\s.*")).toList())
                .hasSize(3)
                .satisfiesExactly(
                        l -> assertThat(l).matches("\\s*3\\s+2026-03\\s+FAILED\\s+FAILED\\s.*"),
                        l -> assertThat(l).matches("\\s*2\\s+2026-02\\s+COMPLETED\\s+COMPLETED\\s.*"),
                        l -> assertThat(l).matches("\\s*1\\s+2026-01\\s+COMPLETED\\s+COMPLETED\\s.*"));
        // the completed snapshot steps read and wrote all 8 projects, committing 4 chunks of 2 and the empty last one
        assertThat(lines.stream().filter(l -> l.matches("\\s+snapshot\\s+COMPLETED\\s.*\\s8\\s+8\\s+5")).count())
                .isEqualTo(2);
        assertThat(lines).anyMatch(l -> l.matches("\\s+snapshot\\s+FAILED\\s.*\\s6\\s+3"));
        assertThat(lines).anyMatch(l -> l.matches("\\s+write-manifest\\s+COMPLETED\\s.*"));
        assertThat(status.out()).contains("Times in UTC");
    }

    @Test
    void json_isValid_andCarriesEveryExecutionAndStep() throws Exception {
        TrackerDatabase tracker = threePeriods();

        CliRun status = status(tracker, "--json");

        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(status.out());
        assertThat(root.get("job").asText()).isEqualTo("monthly-report");
        assertThat(root.get("jobRepository").asText()).isEqualTo(tracker.jobRepositoryFile().toString());
        JsonNode executions = root.get("executions");
        assertThat(executions).hasSize(3);
        assertThat(executions.findValuesAsText("executionId")).containsExactly("3", "2", "1");

        JsonNode march = executions.get(0);
        assertThat(march.get("period").asText()).isEqualTo("2026-03");
        assertThat(march.get("status").asText()).isEqualTo("FAILED");
        assertThat(march.get("jobInstanceId").asLong()).isEqualTo(3);
        JsonNode january = executions.get(2);
        assertThat(january.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(january.get("exitStatus").asText()).isEqualTo("COMPLETED");
        Instant start = Instant.parse(january.get("start").asText());
        Instant end = Instant.parse(january.get("end").asText());
        assertThat(january.get("durationMillis").asLong()).isEqualTo(end.toEpochMilli() - start.toEpochMilli());
        List<String> steps = new ArrayList<>();
        january.get("steps").forEach(s -> steps.add(s.get("name").asText()));
        assertThat(steps).containsExactly("clear-period", "snapshot", "write-reports", "write-manifest", "email-pdf",
                "write-archive-page");
        JsonNode snapshot = january.get("steps").get(1);
        assertThat(snapshot.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(snapshot.get("readCount").asLong()).isEqualTo(8);
        assertThat(snapshot.get("writeCount").asLong()).isEqualTo(8);
        assertThat(snapshot.get("commitCount").asLong()).isEqualTo(5); // four chunks of two, and the empty last one
        assertThat(snapshot.get("rollbackCount").asLong()).isZero();
    }

    @Test
    void periodAndLimit_narrowTheList() throws Exception {
        TrackerDatabase tracker = threePeriods();
        ObjectMapper json = new ObjectMapper();

        JsonNode february = json.readTree(status(tracker, "--json", "--period", "2026-02").out()).get("executions");
        JsonNode newest = json.readTree(status(tracker, "--json", "--limit", "1").out()).get("executions");

        assertThat(february.findValuesAsText("period")).containsExactly("2026-02");
        assertThat(newest.findValuesAsText("executionId")).containsExactly("3");
        assertThat(status(tracker, "--limit", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void noExecutionsYet_saysSo() throws Exception {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("chokepoint.db"), "small-tracker");

        CliRun status = status(tracker);

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("No executions of monthly-report");
        assertThat(new ObjectMapper().readTree(status(tracker, "--json").out()).get("executions")).isEmpty();
    }

    @Test
    void missingTracker_exits3_andCreatesNothing() {
        Path missing = dir.resolve("missing.db");

        CliRun status = CliRun.run("status", "--db", missing.toString());

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.err()).contains("no such tracker file " + missing);
        assertThat(missing).doesNotExist();
    }
}
