package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Capacity;
import io.chokepoint.tracking.CapacityBasis;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestTrackers;

/**
 * V8 narrows period_project in place: rows an earlier release wrote (a copy of the project's columns and the derived
 * state) keep their derived state, and read back with the project's facts from project.
 */
class NarrowPeriodProjectMigrationTest {

    @TempDir
    Path dir;

    @Test
    void rowsOfAnEarlierRelease_keepTheirDerivedState_andReadBackWithTheProjectsFacts() {
        Path file = dir.resolve("old.db");
        TrackerDatabase fresh = TestTrackers.seeded(dir.resolve("fixture.db"), "small-tracker");
        // A tracker at V7 with the same data and a period written the way V7's job wrote it.
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .javaMigrations(new TypedFactsMigration()).target("7").load().migrate();
        Jdbi old = Jdbi.create(url);
        old.useHandle(h -> {
            h.execute("ATTACH DATABASE ? AS src", fresh.file().toString());
            // The fixture is at the current version: copy the columns a V7 table has.
            for (String table : List.of("project", "facility_event", "baseline")) {
                String columns = String.join(", ", h.createQuery("SELECT name FROM pragma_table_info('" + table + "')")
                        .mapTo(String.class).list());
                h.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM src." + table);
            }
            h.execute("INSERT INTO period_project (period, id, facility_id, company, owner_country, facility, country,"
                    + " region, stage, status, status_as_of, capacity_tpa, capacity_unit, capacity_basis,"
                    + " investment_amount, investment_currency, investment_usd_m, announced_on, target_year, offtake,"
                    + " offtake_binding, confidence, sources, notes, cur_reported, cur_status, cur_target_year,"
                    + " cur_operating_since, prev_reported, prev_status, prev_target_year, prev_operating_since,"
                    + " cur_capacity_tpa, cur_capacity_unit, cur_capacity_basis)"
                    + " SELECT '2025-12', id, facility_id, company, owner_country, facility, country, region, stage,"
                    + " status, status_as_of, capacity_tpa, capacity_unit, capacity_basis, investment_amount,"
                    + " investment_currency, investment_usd_m, announced_on, target_year, offtake, offtake_binding,"
                    + " confidence, sources, notes, 1, 'operating', 2027, '2024-05-01', 0, 'approved', NULL, NULL,"
                    + " 1234.5, 't/yr', 'nameplate' FROM project");
        });
        int projects = fresh.trackedProjects().projectCount();

        TrackerDatabase migrated = TrackerDatabase.open(file);

        List<PeriodProject> rows = new ArrayList<>();
        migrated.periodProjects().forEach(ReportPeriod.parse("2025-12"), rows::add);
        assertThat(rows).hasSize(projects);
        assertThat(rows).extracting(s -> s.project().facilityId() + "/" + s.project().id()).isSorted();
        for (PeriodProject s : rows) {
            assertThat(s.current()).isEqualTo(new ProjectState(true, ProjectStatus.OPERATING, 2027,
                    java.time.LocalDate.parse("2024-05-01"), new Capacity(1234.5, "t/yr", CapacityBasis.NAMEPLATE), null));
            assertThat(s.previous()).isEqualTo(new ProjectState(false, ProjectStatus.APPROVED, null, null, null, null));
        }
        Project ls = rows.stream().map(PeriodProject::project).filter(p -> p.id().equals("VN-LSEE-01-MET"))
                .findFirst().orElseThrow();
        assertThat(ls.investment().usdMillions()).isEqualTo(19.3);
        assertThat(ls.country()).isEqualTo(Country.of("VN"));
        // The columns it no longer copies are gone.
        List<String> columns = migrated.jdbi().withHandle(h -> h.createQuery(
                "SELECT name FROM pragma_table_info('period_project')").mapTo(String.class).list());
        assertThat(columns).doesNotContain("company", "notes", "capacity_tpa").contains("cur_status");
    }
}
