package io.chokepoint.tracking;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Reads and writes single tracker rows within a caller's handle (and so within the caller's transaction), and binds
 * rows to statements for {@link TrackerImport}'s batches.
 */
final class TrackerStore {

    private static final String INSERT_PROJECT = "INSERT INTO project (" + ProjectColumns.NAMES + ") VALUES ("
            + ProjectColumns.PARAMETERS + ")";
    /** Changes the project's row in place, so it keeps its position in exports. */
    private static final String UPDATE_PROJECT = "UPDATE project SET " + TrackerCsv.PROJECT_COLUMNS.stream()
            .filter(c -> !c.equals("id"))
            .map(c -> c + " = :" + c)
            .collect(Collectors.joining(", ")) + " WHERE id = :id";
    private static final String INSERT_EVENT = """
            INSERT OR IGNORE INTO facility_event (facility_id, date, event, status_after, value, notes, source)
            VALUES (:facility_id, :date, :event, :status_after, :value, :notes, :source)""";
    private static final String UPDATE_EVENT_NOTES = "UPDATE facility_event SET notes = :notes WHERE id = :row_id";
    private static final String INSERT_BASELINE = """
            INSERT INTO baseline (country, stage, year, value_tpa, unit, basis, source, confidence, notes)
            VALUES (:country, :stage, :year, :value_tpa, :unit, :basis, :source, :confidence, :notes)""";

    /** A row as stored, with its surrogate key. */
    record Stored<T>(long rowId, T value) {
    }

    private final Handle handle;

    TrackerStore(Handle handle) {
        this.handle = handle;
    }

    /** Inserts the project, or replaces the row with the same id. */
    void upsertProject(Project p) {
        ProjectColumns.bind(handle.createUpdate(
                "INSERT OR REPLACE INTO project (" + ProjectColumns.NAMES + ") VALUES (" + ProjectColumns.PARAMETERS + ")"), p)
                .execute();
    }

    Optional<Project> findProject(String id) {
        return handle.createQuery("SELECT " + ProjectColumns.NAMES + " FROM project WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> ProjectColumns.read(rs))
                .findOne();
    }

    void insertProject(Project p) {
        ProjectColumns.bind(handle.createUpdate(INSERT_PROJECT), p).execute();
    }

    void updateProject(Project p) {
        ProjectColumns.bind(handle.createUpdate(UPDATE_PROJECT), p).execute();
    }

    boolean facilityExists(String facilityId) {
        return handle.createQuery("SELECT 1 FROM project WHERE facility_id = :facility LIMIT 1")
                .bind("facility", facilityId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    /** The facility's events in date order (then in the order they were recorded). */
    List<FacilityEvent> eventsOf(String facilityId) {
        return handle.createQuery("SELECT * FROM facility_event WHERE facility_id = :facility ORDER BY date, id")
                .bind("facility", facilityId)
                .map((rs, ctx) -> ProjectColumns.readEvent(rs))
                .list();
    }

    /** The recorded event with the same identity (facility, date, kind, status after, value, source), if any. */
    Optional<Stored<FacilityEvent>> findEvent(FacilityEvent e) {
        return handle.createQuery("""
                        SELECT * FROM facility_event
                         WHERE facility_id = :facility_id AND date = :date AND event = :event
                           AND ifnull(status_after, '') = :status_after AND ifnull(value, '') = :value
                           AND ifnull(source, '') = :source""")
                .bind("facility_id", e.facilityId())
                .bind("date", e.date().toString())
                .bind("event", e.kind().code())
                .bind("status_after", e.statusAfter() == null ? "" : e.statusAfter().code())
                .bind("value", e.value() == null ? "" : e.value())
                .bind("source", e.source() == null ? "" : e.source())
                .map((rs, ctx) -> new Stored<>(rs.getLong("id"), ProjectColumns.readEvent(rs)))
                .findOne();
    }

    /** Inserts the event unless the identical event is already recorded; returns whether it was new. */
    boolean insertEvent(FacilityEvent e) {
        return bindEvent(handle.createUpdate(INSERT_EVENT), e).execute() == 1;
    }

    void updateEventNotes(Stored<FacilityEvent> e) {
        bindEventNotes(handle.createUpdate(UPDATE_EVENT_NOTES), e).execute();
    }

    void insertBaseline(Baseline b) {
        bindBaseline(handle.createUpdate(INSERT_BASELINE), b).execute();
    }

    static <S extends SqlStatement<S>> S bindEvent(S statement, FacilityEvent e) {
        return statement
                .bind("facility_id", e.facilityId())
                .bind("date", e.date().toString())
                .bind("event", e.kind().code())
                .bind("status_after", e.statusAfter() == null ? null : e.statusAfter().code())
                .bind("value", e.value())
                .bind("notes", e.notes())
                .bind("source", e.source());
    }

    /** Binds the stored row's id and the notes of its new value. */
    static <S extends SqlStatement<S>> S bindEventNotes(S statement, Stored<FacilityEvent> e) {
        return statement.bind("row_id", e.rowId()).bind("notes", e.value().notes());
    }

    static <S extends SqlStatement<S>> S bindBaseline(S statement, Baseline b) {
        return statement
                .bind("country", b.country().code())
                .bind("stage", b.stage().code())
                .bind("year", b.year())
                .bind("value_tpa", b.valueTpa())
                .bind("unit", b.unit())
                .bind("basis", b.basis())
                .bind("source", b.source())
                .bind("confidence", b.confidence())
                .bind("notes", b.notes());
    }
}
