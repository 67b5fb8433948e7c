package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectKey;
import io.chokepoint.tracking.ReportPeriod;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;
import io.chokepoint.devtools.SyntheticTracker;

class InputFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void sameFactsInsertedInAnotherOrder_haveTheSameFingerprint() {
        TrackerDatabase forward = TestTrackers.seeded(dir.resolve("a.db"), "small-tracker");
        TrackerDatabase backward = TrackerDatabase.createEmpty(dir.resolve("b.db"));
        // The same rows, each table inserted in reverse: different surrogate ids and rowids, same facts.
        backward.jdbi().useHandle(h -> {
            h.execute("ATTACH DATABASE ? AS src", forward.file().toString());
            h.execute("INSERT INTO project SELECT * FROM src.project ORDER BY id DESC");
            String events = "facility_id, date, event, status_after, value, notes, source, stage, target_year,"
                    + " target_withdrawn, capacity_tpa, capacity_unit, capacity_basis";
            h.execute("INSERT INTO facility_event (" + events + ") SELECT " + events
                    + " FROM src.facility_event ORDER BY id DESC");
            String baselines = "country, stage, year, value_tpa, unit, basis, source, confidence, notes, published_on,"
                    + " share_pct";
            h.execute("INSERT INTO baseline (" + baselines + ") SELECT " + baselines + " FROM src.baseline ORDER BY id DESC");
        });

        assertThat(InputFingerprint.of(backward)).isEqualTo(InputFingerprint.of(forward)).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void changedEventNote_changesTheFingerprint() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("a.db"), "small-tracker");
        String before = InputFingerprint.of(tracker);

        tracker.jdbi().useHandle(h -> h.execute("UPDATE facility_event SET notes = 'Board approval.' WHERE facility_id = 'VN-LSEE-01'"));

        assertThat(InputFingerprint.of(tracker)).isNotEqualTo(before);
    }

    @Test
    void emptyTextInsteadOfNull_changesTheFingerprint() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("a.db"), "small-tracker");
        String before = InputFingerprint.of(tracker);

        tracker.jdbi().useHandle(h -> h.execute("UPDATE project SET region = '' WHERE id = 'US-MINE-01-MIN'"));

        assertThat(InputFingerprint.of(tracker)).isNotEqualTo(before);
    }

    @Test
    void periodRowsWrittenByTheJob_doNotChangeTheFingerprint() {
        TrackerDatabase tracker = TestTrackers.seeded(dir.resolve("a.db"), "small-tracker");
        String before = InputFingerprint.of(tracker);

        tracker.jdbi().useHandle(h -> h.execute("INSERT INTO period_project (period, stage, country, id, facility_id,"
                + " cur_reported, cur_status, prev_reported, prev_status)"
                + " SELECT '2026-01', stage, country, id, facility_id, 1, status, 0, status FROM project"));
        tracker.periodProjects().recordInputFingerprint(ReportPeriod.parse("2026-01"), before);

        assertThat(InputFingerprint.of(tracker)).isEqualTo(before);
    }

    @Test
    void streamedThroughTheCursor_equalsTheRecomputation_alsoResumedMidFacilityAndAtAFacilityBoundary() {
        Path file = dir.resolve("synthetic.db");
        SyntheticTracker.generate(file, 400, 7);
        TrackerDatabase tracker = TrackerDatabase.open(file);
        // Events of facilities without project rows: before the first facility, between two, after the last.
        tracker.jdbi().useHandle(h -> {
            for (String facility : List.of("0-ORPHAN", "S0000001-ORPHAN", "ZZ-ORPHAN")) {
                h.execute("INSERT INTO facility_event (facility_id, date, event, source) VALUES (?, '2025-03-01',"
                        + " 'announcement', 'News')", facility);
            }
        });
        String recomputed = InputFingerprint.of(tracker);

        assertThat(streamed(tracker, List.of())).isEqualTo(recomputed);
        List<ProjectKey> keys = keys(tracker);
        int midFacility = firstIndexWhere(keys, i -> keys.get(i + 1).facilityId().equals(keys.get(i).facilityId()));
        int boundary = firstIndexWhere(keys, i -> !keys.get(i + 1).facilityId().equals(keys.get(i).facilityId()));
        assertThat(streamed(tracker, List.of(midFacility + 1))).isEqualTo(recomputed);
        assertThat(streamed(tracker, List.of(boundary + 1))).isEqualTo(recomputed);
        assertThat(streamed(tracker, List.of(1, 57, 58, 200, keys.size()))).isEqualTo(recomputed);
    }

    @Test
    void streamed_changesWithARow() {
        Path file = dir.resolve("synthetic.db");
        SyntheticTracker.generate(file, 200, 7);
        TrackerDatabase tracker = TrackerDatabase.open(file);
        String before = streamed(tracker, List.of(50));

        tracker.jdbi().useHandle(h -> h.execute("UPDATE facility_event SET source = 'Revised'"
                + " WHERE id = (SELECT max(id) FROM facility_event)"));

        assertThat(streamed(tracker, List.of(50))).isNotEqualTo(before).isEqualTo(InputFingerprint.of(tracker));
    }

    /**
     * The fingerprint a walk of the cursor gives, stopped after each of {@code stops} projects (as a crash after a
     * checkpoint) and resumed by a new cursor from the last key and a copy of the running fingerprint.
     */
    private static String streamed(TrackerDatabase tracker, List<Integer> stops) {
        ProjectKey last = null;
        InputFingerprint.Partial running = new InputFingerprint.Partial();
        int read = 0;
        for (int stop : stops) {
            try (ProjectCursor cursor = tracker.trackedProjects().open(last, running.copy())) {
                while (read < stop && cursor.hasNext()) {
                    Project p = cursor.next().project();
                    last = new ProjectKey(p.facilityId(), p.id());
                    read++;
                }
                running = cursor.fingerprint();
            }
        }
        try (ProjectCursor cursor = tracker.trackedProjects().open(last, running.copy())) {
            while (cursor.hasNext()) {
                cursor.next();
            }
            return cursor.finishFingerprint();
        }
    }

    private static List<ProjectKey> keys(TrackerDatabase tracker) {
        return tracker.jdbi().withHandle(h -> h.createQuery("SELECT facility_id, id FROM project ORDER BY facility_id, id")
                .map((rs, ctx) -> new ProjectKey(rs.getString(1), rs.getString(2))).list());
    }

    private static int firstIndexWhere(List<ProjectKey> keys, java.util.function.IntPredicate test) {
        for (int i = 3; i < keys.size() - 1; i++) {
            if (test.test(i)) {
                return i;
            }
        }
        throw new AssertionError("no such key");
    }
}
