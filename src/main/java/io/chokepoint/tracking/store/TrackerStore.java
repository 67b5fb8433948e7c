package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.TrackerTable;
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
    private static final String UPDATE_PROJECT = "UPDATE project SET " + TrackerTable.PROJECTS.columns().stream()
            .filter(c -> !c.equals("id"))
            .map(c -> c + " = :" + c)
            .collect(Collectors.joining(", ")) + " WHERE id = :id";
    /** The stored columns of an event, in the order of its CSV columns (a CSV target_year is two columns here). */
    static final List<String> EVENT_COLUMNS = List.of("facility_id", "date", "event", "status_after", "value",
            "notes", "source", "stage", "target_year", "target_withdrawn", "capacity_tpa", "capacity_unit",
            "capacity_basis");
    /** What a re-recorded event may change: its notes and the typed facts read from it. */
    static final List<String> EVENT_REVISABLE_COLUMNS = EVENT_COLUMNS.subList(5, EVENT_COLUMNS.size()).stream()
            .filter(c -> !c.equals("source")).toList();
    /** The stored columns of a baseline (the CSV's, and the share its notes state, typed). */
    static final List<String> BASELINE_COLUMNS = List.of("country", "stage", "year", "value_tpa", "unit", "basis",
            "source", "confidence", "notes", "published_on", "share_pct");

    private static final String INSERT_EVENT = "INSERT INTO facility_event ("
            + String.join(", ", EVENT_COLUMNS) + ") VALUES ("
            + EVENT_COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
    private static final String UPDATE_EVENT_FACTS = "UPDATE facility_event SET "
            + EVENT_REVISABLE_COLUMNS.stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "))
            + " WHERE id = :row_id";
    private static final String INSERT_BASELINE = "INSERT INTO baseline (" + String.join(", ", BASELINE_COLUMNS)
            + ") VALUES (" + BASELINE_COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";

    /** A row as stored, with its surrogate key. */
    record Stored<T>(long rowId, T value) {
    }

    private final Handle handle;
    private final Dialect dialect;

    TrackerStore(Handle handle) {
        this(handle, Dialect.SQLITE);
    }

    TrackerStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    /** Inserts the project, or replaces the row with the same id. */
    void upsertProject(Project p) {
        ProjectColumns.bind(handle.createUpdate(dialect.insertOrReplace(
                "INSERT INTO project (" + ProjectColumns.NAMES + ") VALUES (" + ProjectColumns.PARAMETERS + ")",
                "id", ProjectColumns.NAMES)), p)
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

    boolean facilityHasStage(String facilityId, ChainStage stage) {
        return handle.createQuery("SELECT 1 FROM project WHERE facility_id = :facility AND stage = :stage LIMIT 1")
                .bind("facility", facilityId)
                .bind("stage", stage.code())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    /** The facility's stages in chain order, e.g. "separation, metal". */
    String stagesOf(String facilityId) {
        return handle.createQuery("SELECT stage FROM project WHERE facility_id = :facility")
                .bind("facility", facilityId)
                .mapTo(String.class)
                .stream()
                .map(ChainStage::fromCode)
                .sorted()
                .map(ChainStage::code)
                .collect(Collectors.joining(", "));
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
        return bindEvent(handle.createUpdate(dialect.insertOrIgnore(INSERT_EVENT)), e).execute() == 1;
    }

    /** Replaces the stored event's notes and typed facts with those of {@code e}'s value. */
    void updateEventFacts(Stored<FacilityEvent> e) {
        bindEvent(handle.createUpdate(UPDATE_EVENT_FACTS), e.value()).bind("row_id", e.rowId()).execute();
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
                .bind("source", e.source())
                .bind("stage", e.stage() == null ? null : e.stage().code())
                .bind("target_year", e.targetYear() == null ? null : e.targetYear().year())
                .bind("target_withdrawn", e.targetYear() != null && e.targetYear().withdrawn() ? 1 : 0)
                .bind("capacity_tpa", e.capacity() == null ? null : e.capacity().tonnesPerYear())
                .bind("capacity_unit", e.capacity() == null ? null : e.capacity().unit())
                .bind("capacity_basis", e.capacity() == null ? null : e.capacity().basis().code());
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
                .bind("notes", b.notes())
                .bind("published_on", b.publishedOn() == null ? null : b.publishedOn().toString())
                .bind("share_pct", b.sharePercentValue());
    }
}
