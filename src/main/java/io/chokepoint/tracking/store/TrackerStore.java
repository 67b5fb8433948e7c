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

    private static final String INSERT_PROJECT = "INSERT INTO project (" + FactColumns.NAMES + ") VALUES ("
            + FactColumns.PARAMETERS + ")";
    /** Changes the project's row in place, so it keeps its position in exports. */
    private static final String UPDATE_PROJECT = "UPDATE project SET " + TrackerTable.PROJECTS.columns().stream()
            .filter(c -> !c.equals("id"))
            .map(c -> c + " = :" + c)
            .collect(Collectors.joining(", ")) + " WHERE id = :id";
    /** The stored columns of an event, in the order of its CSV columns (a CSV target_year is two columns here). */
    static final List<String> EVENT_COLUMNS = StoredColumns.names(StoredColumns.FACILITY_EVENT);
    /** What a re-recorded event may change: its notes and the typed facts read from it. */
    static final List<String> EVENT_REVISABLE_COLUMNS = EVENT_COLUMNS.subList(5, EVENT_COLUMNS.size()).stream()
            .filter(c -> !c.equals("source")).toList();
    /** The stored columns of a baseline (the CSV's, and the share its notes state, typed). */
    static final List<String> BASELINE_COLUMNS = StoredColumns.names(StoredColumns.BASELINE);

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

    TrackerStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    /** Inserts the project, or replaces the row with the same id. */
    void upsertProject(Project p) {
        FactColumns.bind(handle.createUpdate(dialect.insertOrReplace(
                "INSERT INTO project (" + FactColumns.NAMES + ") VALUES (" + FactColumns.PARAMETERS + ")",
                "id", FactColumns.NAMES)), p)
                .execute();
    }

    Optional<Project> findProject(String id) {
        return handle.createQuery("SELECT " + FactColumns.NAMES + " FROM project WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> FactColumns.read(rs))
                .findOne();
    }

    void insertProject(Project p) {
        FactColumns.bind(handle.createUpdate(INSERT_PROJECT), p).execute();
    }

    void updateProject(Project p) {
        FactColumns.bind(handle.createUpdate(UPDATE_PROJECT), p).execute();
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
                .map((rs, ctx) -> FactColumns.readEvent(rs))
                .list();
    }

    /** The recorded event with the same identity ({@link FacilityEvent#IDENTITY}), if any. */
    Optional<Stored<FacilityEvent>> findEvent(FacilityEvent e) {
        var query = handle.createQuery("SELECT * FROM facility_event WHERE "
                + sameEvent("facility_event", null));
        List<String> values = e.identity();
        for (int i = 0; i < FacilityEvent.IDENTITY.size(); i++) {
            query.bind(FacilityEvent.IDENTITY.get(i), values.get(i));
        }
        return query.map((rs, ctx) -> new Stored<>(rs.getLong("id"), FactColumns.readEvent(rs))).findOne();
    }

    /**
     * The SQL condition that a row of {@code recorded} is the same event ({@link FacilityEvent#IDENTITY}) as a row of
     * {@code other}, or, with {@code other} null, as the named parameters of that identity. The required columns are
     * compared plainly, so SQLite uses the index facility_event_identity (V1); empty ones compare as ''.
     */
    static String sameEvent(String recorded, String other) {
        List<String> identity = FacilityEvent.IDENTITY;
        return java.util.stream.IntStream.range(0, identity.size()).mapToObj(i -> {
            String column = identity.get(i);
            String left = recorded + "." + column;
            String right = other == null ? ":" + column : other + "." + column;
            return i < 3 ? left + " = " + right
                    : "ifnull(" + left + ", '') = " + (other == null ? right : "ifnull(" + right + ", '')");
        }).collect(Collectors.joining(" AND "));
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
                .bind("capacity_basis", e.capacity() == null ? null : e.capacity().basis().code())
                .bind("amount", e.funding() == null ? null : e.funding().amount().toPlainString())
                .bind("amount_currency", e.funding() == null ? null : e.funding().currency())
                .bind("amount_usd_m", e.funding() == null ? null : e.funding().usdMillions())
                .bind("funding_kind", e.funding() == null ? null : e.funding().kind().code())
                .bind("funding_status", e.funding() == null ? null : e.funding().status().code())
                .bind("date_precision", e.precision().code());
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
                .bind("share_pct", b.sharePercentValue())
                .bind("ree_group", b.reeGroup());
    }
}
