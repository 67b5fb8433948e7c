package io.chokepoint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;

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
        tracker.periodSnapshots().recordInputFingerprint(ReportPeriod.parse("2026-01"), before);

        assertThat(InputFingerprint.of(tracker)).isEqualTo(before);
    }
}
