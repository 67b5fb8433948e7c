package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.ProjectKey;
import io.chokepoint.tracking.TrackerException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void newFile_isCreatedWithTheEmbeddedSampleData() {
        TrackerDatabase db = TrackerDatabase.open(dir.resolve("chokepoint.db"));

        assertThat(db.trackedProjects().projectCount()).isEqualTo(99);
        assertThat(db.trackedProjects().baselines()).hasSize(43);
        assertThat(db.trackedProjects().eventsBetween(LocalDate.parse("2000-01-01"), LocalDate.parse("2100-01-01")))
                .hasSize(116);
        try (ProjectCursor cursor = db.trackedProjects().open(null)) {
            ProjectHistory ls = null;
            while (cursor.hasNext()) {
                ProjectHistory h = cursor.next();
                if (h.project().id().equals("VN-LSEE-01-MET")) {
                    ls = h;
                }
            }
            assertThat(ls).isNotNull();
            assertThat(ls.project().capacity()).isNull();
            assertThat(ls.project().country()).isEqualTo(Country.of("VN"));
            assertThat(ls.project().investment().usdMillions()).isEqualTo(19.3);
        }
        assertThat(dir).isDirectoryNotContaining("glob:**creating*");
    }

    @Test
    void reopening_keepsTheDataAndAddsNothing() {
        TrackerDatabase.open(dir.resolve("chokepoint.db"));

        TrackerDatabase again = TrackerDatabase.open(dir.resolve("chokepoint.db"));

        assertThat(again.trackedProjects().projectCount()).isEqualTo(99);
    }

    @Test
    void currentHistory_isFlywaysListOfThisReleasesMigrations_andANewTrackersHistory() {
        Path file = dir.resolve("chokepoint.db");
        TrackerDatabase db = TrackerDatabase.open(file);

        // Every migration the release ships (SQL files and the Java one), as Flyway resolves them: a new one must
        // be added to CURRENT_HISTORY, or a tracker it has not reached yet would be taken for current.
        java.util.List<String> shipped = java.util.Arrays.stream(org.flywaydb.core.Flyway.configure()
                        .dataSource("jdbc:sqlite:" + file, null, null)
                        .locations("classpath:db/migration")
                        .javaMigrations(new TypedFactsMigration())
                        .load().info().all())
                .filter(m -> m.getState().isResolved())
                .map(m -> m.getVersion().getVersion())
                .toList();
        assertThat(shipped).isEqualTo(TrackerDatabase.CURRENT_HISTORY);
        assertThat(db.isCurrent()).isTrue();
    }

    @Test
    void trackerOneStepBehindOrWithAFailedStep_isNotCurrent_andOpeningMigratesIt() {
        Path file = dir.resolve("chokepoint.db");
        TrackerDatabase db = TrackerDatabase.open(file);
        db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '10'"));
        assertThat(db.isCurrent()).isFalse();
        db.jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '10'"));
        assertThat(db.isCurrent()).isFalse();

        // Flyway runs V10 again (its statements are idempotent only through Flyway's history: the table exists, so
        // the test drops it first, as a tracker of the previous release would not have it).
        db.jdbi().useHandle(h -> h.execute("DROP TABLE IF EXISTS export_control"));
        TrackerDatabase reopened = TrackerDatabase.open(file);

        assertThat(reopened.isCurrent()).isTrue();
    }

    @Test
    void cursorAfterAKey_resumesAfterIt() {
        TrackerDatabase db = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        ProjectKey tenth;
        try (ProjectCursor cursor = db.trackedProjects().open(null)) {
            for (int i = 0; i < 9; i++) {
                cursor.next();
            }
            Project p = cursor.next().project();
            tenth = new ProjectKey(p.facilityId(), p.id());
        }
        int rest = 0;
        try (ProjectCursor cursor = db.trackedProjects().open(tenth)) {
            while (cursor.hasNext()) {
                assertThat(cursor.next().project().id()).isNotEqualTo(tenth.projectId());
                rest++;
            }
        }
        assertThat(rest).isEqualTo(89); // 99 sample rows (data README v3) − the first ten
    }

    @Test
    void pathInsideARegularFile_isRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> TrackerDatabase.open(file.resolve("x.db")))
                .isInstanceOf(TrackerException.class)
                .hasMessage("cannot create tracker database " + file.resolve("x.db") + ": " + file + " is not a directory");
    }
}
