package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.FactParser;
import io.chokepoint.tracking.InvalidDataException;
import io.chokepoint.tracking.csv.TrackerCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 6.1: fills the typed facts that V6 added, in a tracker made by an earlier release.
 *
 * <ul>
 *   <li>A stored baseline gets its share typed from its notes ({@code share_pct=<number>}, as the files write it).
 *   <li>A stored event that is one of the embedded sample's events (the same facility, date, kind, status after,
 *       value and source) gets the sample's typed facts, and a stored baseline that is one of the sample's (the same
 *       country, stage, year, value, unit, basis and source) its publication date. Trackers created from the
 *       sample by an earlier release then report what a new one reports. Other rows are left as they are: their
 *       typed facts come from re-importing them with the new columns.
 * </ul>
 * Rows that already carry typed facts are not touched.
 */
final class TypedFactsMigration implements JavaMigration {

    private static final String SAMPLE = "/sample/";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6.1");
    }

    @Override
    public String getDescription() {
        return "typed facts of the embedded sample's events and baselines";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        typeShares(connection);
        List<DataProblem> problems = new ArrayList<>();
        List<FacilityEvent> events = new ArrayList<>();
        List<Baseline> baselines = new ArrayList<>();
        try (Reader e = sample("events.csv"); Reader b = sample("baselines.csv")) {
            TrackerCsv.readEvents("events.csv", e, events::add, problems);
            TrackerCsv.readBaselines("baselines.csv", b, baselines::add, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDataException(problems);
        }
        fillEventFacts(connection, events);
        fillPublicationDates(connection, baselines);
    }

    private static void typeShares(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, notes FROM baseline WHERE share_pct IS NULL"
                     + " AND notes LIKE '%share_pct=%'");
             PreparedStatement update = connection.prepareStatement("UPDATE baseline SET share_pct = ? WHERE id = ?")) {
            while (rows.next()) {
                Double share = FactParser.sharePercent(rows.getString("notes"));
                if (share != null && share <= 100) {
                    update.setDouble(1, share);
                    update.setLong(2, rows.getLong("id"));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void fillEventFacts(Connection connection, List<FacilityEvent> sample) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE facility_event SET stage = ?, target_year = ?, target_withdrawn = ?, capacity_tpa = ?,
                       capacity_unit = ?, capacity_basis = ?
                 WHERE facility_id = ? AND date = ? AND event = ? AND ifnull(status_after, '') = ?
                   AND ifnull(value, '') = ? AND ifnull(source, '') = ?
                   AND stage IS NULL AND target_year IS NULL AND target_withdrawn = 0 AND capacity_tpa IS NULL""")) {
            for (FacilityEvent e : sample) {
                if (e.stage() == null && e.targetYear() == null && e.capacity() == null) {
                    continue;
                }
                update.setString(1, e.stage() == null ? null : e.stage().code());
                FactColumns.setInt(update, 2, e.targetYear() == null ? null : e.targetYear().year());
                update.setInt(3, e.targetYear() != null && e.targetYear().withdrawn() ? 1 : 0);
                FactColumns.setDouble(update, 4, e.capacity() == null ? null : e.capacity().tonnesPerYear());
                update.setString(5, e.capacity() == null ? null : e.capacity().unit());
                update.setString(6, e.capacity() == null ? null : e.capacity().basis().code());
                update.setString(7, e.facilityId());
                update.setString(8, e.date().toString());
                update.setString(9, e.kind().code());
                update.setString(10, e.statusAfter() == null ? "" : e.statusAfter().code());
                update.setString(11, e.value() == null ? "" : e.value());
                update.setString(12, e.source() == null ? "" : e.source());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void fillPublicationDates(Connection connection, List<Baseline> sample) throws SQLException {
        // "IS": equal, NULL counting as a value (SQLite's IS, PostgreSQL's IS NOT DISTINCT FROM).
        Dialect dialect = Dialect.of(connection);
        try (PreparedStatement update = connection.prepareStatement("UPDATE baseline SET published_on = ?"
                + " WHERE country = ? AND stage = ? AND year = ? AND " + dialect.same("value_tpa", "?")
                + " AND " + dialect.same("unit", "?") + " AND basis = ? AND " + dialect.same("source", "?")
                + " AND published_on IS NULL")) {
            for (Baseline b : sample) {
                if (b.publishedOn() == null) {
                    continue;
                }
                update.setString(1, b.publishedOn().toString());
                update.setString(2, b.country().code());
                update.setString(3, b.stage().code());
                update.setInt(4, b.year());
                FactColumns.setDouble(update, 5, b.valueTpa());
                update.setString(6, b.unit());
                update.setString(7, b.basis());
                update.setString(8, b.source());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Reader sample(String name) throws IOException {
        var in = TypedFactsMigration.class.getResourceAsStream(SAMPLE + name);
        if (in == null) {
            throw new IOException(SAMPLE + name + " is missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
