package io.chokepoint.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.store.ProjectCursor;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerException;

class SyntheticTrackerTest {

    @TempDir
    Path dir;

    @Test
    void makesTheAskedNumberOfProjects_withAboutTenEventsEach_andTheSampleBaselines() {
        SyntheticTracker.Counts counts = SyntheticTracker.generate(dir.resolve("t.db"), 2_000, 7);

        assertThat(counts.projects()).isEqualTo(2_000);
        assertThat(counts.events()).isBetween(8L * 2_000, 12L * 2_000);
        TrackerDatabase db = TrackerDatabase.open(dir.resolve("t.db"));
        assertThat(db.trackedProjects().projectCount()).isEqualTo(2_000);
        assertThat(db.trackedProjects().baselines()).hasSize(counts.baselines()).isNotEmpty();
        // Every row reads back as a valid project with its facility's events.
        int read = 0;
        try (ProjectCursor cursor = db.trackedProjects().open(null)) {
            while (cursor.hasNext()) {
                assertThat(cursor.next().events()).isNotEmpty();
                read++;
            }
        }
        assertThat(read).isEqualTo(2_000);
    }

    @Test
    void theMix_hasEveryStageAndStatus_undisclosedAndNotComparableCapacities() {
        SyntheticTracker.generate(dir.resolve("t.db"), 2_000, 7);
        TrackerDatabase db = TrackerDatabase.open(dir.resolve("t.db"));

        assertThat(column(db, "SELECT DISTINCT stage FROM project")).hasSize(ChainStage.values().length);
        assertThat(column(db, "SELECT DISTINCT status FROM project")).hasSize(ProjectStatus.values().length);
        assertThat(number(db, "SELECT count(*) FROM project WHERE capacity_tpa IS NULL")).isBetween(600, 1_000);
        // Stage units per analysis.properties: REO for the first three stages, the stage's own product after.
        assertThat(number(db, """
                SELECT count(*) FROM project WHERE capacity_unit IS NOT NULL AND capacity_unit <> CASE stage
                  WHEN 'metal' THEN 't metal' WHEN 'alloy' THEN 't alloy' WHEN 'magnet' THEN 't magnet'
                  WHEN 'recycling' THEN 't feed' ELSE 't REO' END""")).isBetween(100, 300);
    }

    @Test
    void theSameSeed_makesTheSameTracker() {
        SyntheticTracker.generate(dir.resolve("a.db"), 300, 42);
        SyntheticTracker.generate(dir.resolve("b.db"), 300, 42);
        String dump = "SELECT group_concat(id || facility_id || status || ifnull(capacity_tpa, '') || ifnull(target_year, ''))"
                + " FROM (SELECT * FROM project ORDER BY id)";
        String events = "SELECT group_concat(facility_id || date || event || ifnull(status_after, ''))"
                + " FROM (SELECT * FROM facility_event ORDER BY id)";

        TrackerDatabase a = TrackerDatabase.open(dir.resolve("a.db"));
        TrackerDatabase b = TrackerDatabase.open(dir.resolve("b.db"));
        assertThat(column(a, dump)).isEqualTo(column(b, dump));
        assertThat(column(a, events)).isEqualTo(column(b, events));
    }

    @Test
    void anExistingFile_isRefused() {
        SyntheticTracker.generate(dir.resolve("t.db"), 10, 1);

        assertThatThrownBy(() -> SyntheticTracker.generate(dir.resolve("t.db"), 10, 1))
                .isInstanceOf(TrackerException.class).hasMessageContaining("already exists");
    }

    private static List<String> column(TrackerDatabase db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static int number(TrackerDatabase db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
