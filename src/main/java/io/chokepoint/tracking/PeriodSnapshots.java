package io.chokepoint.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The per-period project rows the monthly job writes. Rows are keyed by (period, project id), so writing a
 * chunk again after a crash replaces rows instead of duplicating them.
 */
public final class PeriodSnapshots {

    private static final String COLUMNS = "period, " + ProjectColumns.NAMES
            + ", cur_reported, cur_status, cur_target_year, cur_operating_since"
            + ", prev_reported, prev_status, prev_target_year, prev_operating_since";
    private static final String VALUES = ":period, " + ProjectColumns.PARAMETERS
            + ", :cur_reported, :cur_status, :cur_target_year, :cur_operating_since"
            + ", :prev_reported, :prev_status, :prev_target_year, :prev_operating_since";

    private final Jdbi jdbi;

    PeriodSnapshots(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts or replaces the rows, in one transaction. */
    public void upsert(List<ProjectSnapshot> snapshots) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT OR REPLACE INTO period_project (" + COLUMNS + ") VALUES (" + VALUES + ")");
            for (ProjectSnapshot s : snapshots) {
                ProjectColumns.bind(batch, s.project())
                        .bind("period", s.period().toString())
                        .bind("cur_reported", s.current().reported() ? 1 : 0)
                        .bind("cur_status", s.current().status().code())
                        .bind("cur_target_year", s.current().targetYear())
                        .bind("cur_operating_since", ProjectColumns.text(s.current().operatingSince()))
                        .bind("prev_reported", s.previous().reported() ? 1 : 0)
                        .bind("prev_status", s.previous().status().code())
                        .bind("prev_target_year", s.previous().targetYear())
                        .bind("prev_operating_since", ProjectColumns.text(s.previous().operatingSince()))
                        .add();
            }
            if (!snapshots.isEmpty()) {
                batch.execute();
            }
        });
    }

    /** Removes a period's rows, so a fresh run of the period does not keep rows of projects deleted since. */
    public void deletePeriod(ReportPeriod period) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM period_project WHERE period = :period")
                .bind("period", period.toString()).execute());
    }

    /** Records that the period's report was completed now, unless an earlier report of it was already recorded. */
    public void markReported(ReportPeriod period, java.time.Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT OR IGNORE INTO period_report (period, first_reported_at) VALUES (:period, :at)")
                .bind("period", period.toString())
                .bind("at", java.time.format.DateTimeFormatter.ISO_INSTANT.format(at))
                .execute());
    }

    /** When the period's report was first completed, if it ever was. */
    public java.util.Optional<java.time.Instant> firstReported(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT first_reported_at FROM period_report WHERE period = :period")
                .bind("period", period.toString())
                .mapTo(String.class)
                .findOne()
                .map(java.time.Instant::parse));
    }

    public int count(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM period_project WHERE period = :period")
                .bind("period", period.toString()).mapTo(Integer.class).one());
    }

    /** Streams the period's rows in (stage, country, id) order without holding them all in memory. */
    public void forEach(ReportPeriod period, Consumer<ProjectSnapshot> sink) {
        jdbi.useHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM period_project WHERE period = :period"
                        + " ORDER BY stage, country, id")
                .bind("period", period.toString())
                .map((rs, ctx) -> read(period, rs))
                .useStream(stream -> stream.forEach(sink)));
    }

    private static ProjectSnapshot read(ReportPeriod period, ResultSet rs) throws SQLException {
        return new ProjectSnapshot(period, ProjectColumns.read(rs), state(rs, "cur_"), state(rs, "prev_"));
    }

    private static ProjectState state(ResultSet rs, String prefix) throws SQLException {
        int year = rs.getInt(prefix + "target_year");
        Integer targetYear = rs.wasNull() ? null : year;
        String since = rs.getString(prefix + "operating_since");
        return new ProjectState(rs.getInt(prefix + "reported") == 1,
                ProjectStatus.fromCode(rs.getString(prefix + "status")), targetYear,
                since == null ? null : LocalDate.parse(since));
    }
}
