package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Capacity;
import io.chokepoint.tracking.CapacityBasis;
import io.chokepoint.tracking.Expansion;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectKey;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.TrackerTable;
import io.chokepoint.tracking.PeriodProject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The per-period project rows the monthly job writes: the project's key (facility, id), its stage and country, and
 * its derived state on the period's last day and the previous period's; the project's facts are read from
 * {@code project} when the rows are read back. Rows are keyed by (period, facility, id), the order the snapshot
 * step reads projects in, so writing a chunk again after a crash replaces rows instead of duplicating them.
 */
public final class PeriodProjects {

    private static final String STATE = state("cur_") + state("prev_");
    private static final String COLUMNS = "period, facility_id, id, stage, country" + STATE;
    private static final String KEY = "period, facility_id, id";
    private static final String UPSERT = "INSERT INTO period_project (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(COLUMNS.split(",").length - 1) + "?)";

    private final Jdbi jdbi;
    private final Dialect dialect;

    private static String state(String prefix) {
        return java.util.stream.Stream.of("reported", "status", "target_year", "operating_since", "capacity_tpa",
                        "capacity_unit", "capacity_basis", "expansion_tpa", "expansion_unit", "expansion_year")
                .map(c -> ", " + prefix + c).collect(java.util.stream.Collectors.joining());
    }

    /** The run's exported input snapshot (PostgreSQL, see {@link InputSnapshot}), or null. */
    private final String snapshot;

    PeriodProjects(Jdbi jdbi, Dialect dialect, String snapshot) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.snapshot = snapshot;
    }

    /** Inserts or replaces the rows, in one transaction, through one prepared statement. */
    public void upsert(List<PeriodProject> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            // Plain JDBC with positional parameters: binding named parameters a row through Jdbi cost more than
            // SQLite's own insert (JFR at a million projects: 440 samples in Jdbi's binder, 222 in the insert).
            try (PreparedStatement insert = h.getConnection().prepareStatement(dialect.insertOrReplace(UPSERT, KEY, COLUMNS))) {
                for (PeriodProject s : snapshots) {
                    Project p = s.project();
                    insert.setString(1, s.period().toString());
                    insert.setString(2, p.facilityId());
                    insert.setString(3, p.id());
                    insert.setString(4, p.stage().code());
                    insert.setString(5, p.country().code());
                    int next = bind(insert, 6, s.current());
                    bind(insert, next, s.previous());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("cannot write the period's project rows", e, null);
            }
        });
    }

    /**
     * Removes the period's rows of projects after {@code last} in (facility, id) order: what a chunk that failed
     * after its last checkpoint may have written. A restart calls it before writing again, so that a project
     * deleted since then leaves no row behind.
     */
    public void deleteAfter(ReportPeriod period, ProjectKey last) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM period_project WHERE period = :period"
                        + " AND (facility_id, id) > (:facility, :id)")
                .bind("period", period.toString())
                .bind("facility", last == null ? "" : last.facilityId())
                .bind("id", last == null ? "" : last.projectId())
                .execute());
    }

    /** Records the fingerprint of the input rows the period's snapshot read ({@link InputFingerprint}). */
    public void recordInputFingerprint(ReportPeriod period, String fingerprint) {
        jdbi.useHandle(h -> h.createUpdate(
                        dialect.insertOrReplace("INSERT INTO period_input (period, input_fingerprint) VALUES (:period, :fingerprint)",
                                "period", "period, input_fingerprint"))
                .bind("period", period.toString())
                .bind("fingerprint", fingerprint)
                .execute());
    }

    /** The fingerprint of the input rows the period's snapshot read, if it recorded one. */
    public java.util.Optional<String> inputFingerprint(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT input_fingerprint FROM period_input WHERE period = :period")
                .bind("period", period.toString())
                .mapTo(String.class)
                .findOne());
    }

    private static int bind(PreparedStatement insert, int first, ProjectState state) throws SQLException {
        insert.setInt(first, state.reported() ? 1 : 0);
        insert.setString(first + 1, state.status().code());
        FactColumns.setInt(insert, first + 2, state.targetYear());
        insert.setString(first + 3, FactColumns.text(state.operatingSince()));
        Capacity capacity = state.capacity();
        FactColumns.setDouble(insert, first + 4, capacity == null ? null : capacity.tonnesPerYear());
        insert.setString(first + 5, capacity == null ? null : capacity.unit());
        insert.setString(first + 6, capacity == null ? null : capacity.basis().code());
        Expansion expansion = state.expansion();
        FactColumns.setDouble(insert, first + 7, expansion == null ? null : expansion.capacity().tonnesPerYear());
        insert.setString(first + 8, expansion == null ? null : expansion.capacity().unit());
        FactColumns.setInt(insert, first + 9, expansion == null ? null : expansion.year());
        return first + 10;
    }

    /**
     * Removes a period's rows and the fingerprint of its inputs, so a fresh run of the period does not keep rows of
     * projects deleted since.
     */
    public void deletePeriod(ReportPeriod period) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM period_project WHERE period = :period").bind("period", period.toString()).execute();
            h.createUpdate("DELETE FROM period_input WHERE period = :period").bind("period", period.toString()).execute();
        });
    }

    /** Records that the period's report was completed now: its first completion once, its latest every time. */
    public void markReported(ReportPeriod period, java.time.Instant at) {
        String when = java.time.format.DateTimeFormatter.ISO_INSTANT.format(at);
        jdbi.useTransaction(h -> {
            h.createUpdate(dialect.insertOrIgnore(
                            "INSERT INTO period_report (period, first_reported_at) VALUES (:period, :at)"))
                    .bind("period", period.toString())
                    .bind("at", when)
                    .execute();
            h.createUpdate("UPDATE period_report SET last_reported_at = :at WHERE period = :period")
                    .bind("period", period.toString())
                    .bind("at", when)
                    .execute();
        });
    }

    /** When the period's report last completed (its first completion where no later one was recorded). */
    public java.util.Optional<java.time.Instant> lastReported(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(last_reported_at, first_reported_at) AS at"
                        + " FROM period_report WHERE period = :period")
                .bind("period", period.toString())
                .map((rs, ctx) -> Dialect.instant(rs, "at"))
                .findOne());
    }

    /** When the period's report was first completed, if it ever was. */
    public java.util.Optional<java.time.Instant> firstReported(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT first_reported_at FROM period_report WHERE period = :period")
                .bind("period", period.toString())
                .map((rs, ctx) -> Dialect.instant(rs, "first_reported_at"))
                .findOne());
    }

    public int count(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM period_project WHERE period = :period")
                .bind("period", period.toString()).mapTo(Integer.class).one());
    }

    /**
     * Streams the period's rows in (facility, id) order without holding them all in memory, each with its project's
     * facts: one pass over the period's rows and the projects, both in that order. A row whose project has been
     * deleted since is left out. In a PostgreSQL run the facts are read in the run's input snapshot, so a project an
     * analyst edits meanwhile is listed as the run saw it.
     */
    public void forEach(ReportPeriod period, Consumer<PeriodProject> sink) {
        if (snapshot != null) {
            forEachInSnapshot(period, sink);
            return;
        }
        String facts = TrackerTable.PROJECTS.columns().stream().map(c -> "p." + c)
                .collect(java.util.stream.Collectors.joining(", "));
        // PostgreSQL streams a result through a cursor only inside a transaction; SQLite streams it as it is.
        org.jdbi.v3.core.HandleConsumer<RuntimeException> read = h -> h.createQuery("SELECT " + facts + STATE
                        + " FROM period_project pp JOIN project p ON p.id = pp.id WHERE pp.period = :period"
                        + " ORDER BY pp.facility_id, pp.id")
                .bind("period", period.toString())
                .map((rs, ctx) -> read(period, rs))
                .useStream(stream -> stream.forEach(sink));
        if (dialect == Dialect.POSTGRESQL) {
            jdbi.useTransaction(read);
        } else {
            jdbi.useHandle(read);
        }
    }

    /**
     * The period's rows were written after the run's snapshot was taken, so they are not in it: two cursors, the rows
     * now and the projects in the snapshot, both in (facility, id) order, merged.
     */
    private void forEachInSnapshot(ReportPeriod period, Consumer<PeriodProject> sink) {
        // Two handles opened here: Jdbi would hand a nested useTransaction the outer one.
        try (org.jdbi.v3.core.Handle rows = jdbi.open(); org.jdbi.v3.core.Handle facts = jdbi.open()) {
            rows.begin();
            facts.setTransactionIsolationLevel(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ);
            facts.begin();
            InputSnapshot.join(facts, snapshot);
            try (org.jdbi.v3.core.result.ResultIterator<KeyedStates> rowsNow = rows.createQuery(
                            "SELECT facility_id, id" + STATE + " FROM period_project WHERE period = :period"
                                    + " ORDER BY facility_id, id")
                    .bind("period", period.toString())
                    .setFetchSize(ProjectCursor.FETCH_SIZE)
                    .map((rs, ctx) -> new KeyedStates(rs.getString("facility_id"), rs.getString("id"),
                            state(rs, "cur_"), state(rs, "prev_")))
                    .iterator();
                 org.jdbi.v3.core.result.ResultIterator<Project> projects = facts.createQuery(
                            "SELECT " + FactColumns.NAMES + " FROM project ORDER BY facility_id, id")
                    .setFetchSize(ProjectCursor.FETCH_SIZE)
                    .map((rs, ctx) -> FactColumns.read(rs))
                    .iterator()) {
                Project project = projects.hasNext() ? projects.next() : null;
                while (rowsNow.hasNext()) {
                    KeyedStates row = rowsNow.next();
                    while (project != null && row.compareTo(project) > 0) {
                        project = projects.hasNext() ? projects.next() : null;
                    }
                    if (project != null && row.compareTo(project) == 0) {
                        sink.accept(new PeriodProject(period, project, row.current(), row.previous()));
                    }
                }
            }
            rows.rollback(); // both only read
            facts.rollback();
        }
    }

    /** A period row's key and states, before its project's facts are joined to it. */
    private record KeyedStates(String facilityId, String id, ProjectState current, ProjectState previous) {
        /** The order of {@code ORDER BY facility_id, id} under PostgreSQL's "C" collation, for ASCII keys. */
        int compareTo(Project project) {
            int byFacility = facilityId.compareTo(project.facilityId());
            return byFacility != 0 ? byFacility : id.compareTo(project.id());
        }
    }

    private static PeriodProject read(ReportPeriod period, ResultSet rs) throws SQLException {
        return new PeriodProject(period, FactColumns.read(rs), state(rs, "cur_"), state(rs, "prev_"));
    }

    private static ProjectState state(ResultSet rs, String prefix) throws SQLException {
        int year = rs.getInt(prefix + "target_year");
        Integer targetYear = rs.wasNull() ? null : year;
        String since = rs.getString(prefix + "operating_since");
        double tpa = rs.getDouble(prefix + "capacity_tpa");
        Capacity capacity = rs.wasNull() ? null : new Capacity(tpa, rs.getString(prefix + "capacity_unit"),
                CapacityBasis.fromCode(rs.getString(prefix + "capacity_basis")));
        double expansionTpa = rs.getDouble(prefix + "expansion_tpa");
        Expansion expansion = rs.wasNull() ? null : new Expansion(new Capacity(expansionTpa,
                rs.getString(prefix + "expansion_unit"), CapacityBasis.TARGET), rs.getInt(prefix + "expansion_year"));
        return new ProjectState(rs.getInt(prefix + "reported") == 1,
                ProjectStatus.fromCode(rs.getString(prefix + "status")), targetYear,
                FactColumns.date(since), capacity, expansion);
    }
}
