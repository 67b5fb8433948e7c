package io.chokepoint.tracking;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Writes single tracker rows within a caller's handle (and so within the caller's transaction), and binds
 * rows to statements for {@link TrackerImport}'s batches.
 */
final class TrackerStore {

    private static final String INSERT_EVENT = """
            INSERT OR IGNORE INTO facility_event (facility_id, date, event, status_after, value, notes, source)
            VALUES (:facility_id, :date, :event, :status_after, :value, :notes, :source)""";
    private static final String INSERT_BASELINE = """
            INSERT INTO baseline (country, stage, year, value_tpa, unit, basis, source, confidence, notes)
            VALUES (:country, :stage, :year, :value_tpa, :unit, :basis, :source, :confidence, :notes)""";

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

    /** Inserts the event unless the identical event is already recorded; returns whether it was new. */
    boolean insertEvent(FacilityEvent e) {
        return bindEvent(handle.createUpdate(INSERT_EVENT), e).execute() == 1;
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
