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

        assertThat(db.trackedProjects().projectCount()).isEqualTo(90);
        assertThat(db.trackedProjects().baselines()).hasSize(41);
        assertThat(db.trackedProjects().eventsBetween(LocalDate.parse("2000-01-01"), LocalDate.parse("2100-01-01")))
                .hasSize(82);
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

        assertThat(again.trackedProjects().projectCount()).isEqualTo(90);
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
        assertThat(rest).isEqualTo(80);
    }

    @Test
    void pathInsideARegularFile_isRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> TrackerDatabase.open(file.resolve("x.db")))
                .isInstanceOf(TrackerException.class)
                .hasMessage("cannot create tracker database " + file.resolve("x.db") + ": " + file + " is not a directory");
    }
}
