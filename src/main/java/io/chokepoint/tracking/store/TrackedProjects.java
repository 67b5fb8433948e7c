package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.ProjectKey;
import java.time.LocalDate;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

/** Reads the tracked projects, their events and the baselines. */
public final class TrackedProjects {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String snapshot;

    TrackedProjects(Jdbi jdbi, Dialect dialect, String snapshot) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.snapshot = snapshot;
    }

    /** Runs {@code read} on a handle that sees the run's snapshot, if this view has one (see {@link InputSnapshot}). */
    private <R> R read(org.jdbi.v3.core.HandleCallback<R, RuntimeException> read) {
        if (snapshot == null) {
            return jdbi.withHandle(read);
        }
        return jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, h -> {
            InputSnapshot.join(h, snapshot);
            return read.withHandle(h);
        });
    }

    /** Opens a cursor over every project after {@code after} (null: from the start). The caller closes it. */
    public ProjectCursor open(ProjectKey after) {
        return new ProjectCursor(ProjectCursor.reading(jdbi.open(), dialect, snapshot), after, null);
    }

    /**
     * As {@link #open(ProjectKey)}, adding every input row the cursor reads to {@code fingerprint}, the running
     * fingerprint of the rows read before {@code after} (a new one when starting from the start).
     */
    public ProjectCursor open(ProjectKey after, InputFingerprint.Partial fingerprint) {
        return new ProjectCursor(ProjectCursor.reading(jdbi.open(), dialect, snapshot), after, java.util.Objects.requireNonNull(fingerprint, "fingerprint"));
    }

    public List<Baseline> baselines() {
        return read(h -> h.createQuery("SELECT * FROM baseline ORDER BY stage, year, country, id")
                .map((rs, ctx) -> FactColumns.readBaseline(rs))
                .list());
    }

    /** The export controls, by id. */
    public List<io.chokepoint.tracking.ExportControl> controls() {
        return read(h -> h.createQuery("SELECT * FROM export_control ORDER BY id")
                .map((rs, ctx) -> FactColumns.readControl(rs))
                .list());
    }

    /**
     * The typed facts of every event of each of {@code facilityIds}, in the order recorded, by facility: each event
     * without its words ({@code notes} and {@code source} are null; its {@code value} stays), for the change
     * attribution, which applies the facts and quotes only kind and value. At a million projects these are the
     * events of over a hundred thousand facilities, held at once, and their words were over a third of the heap.
     * One connection and one prepared statement for them all (a query of its own per facility cost more in opening
     * than in reading).
     */
    public java.util.Map<String, List<FacilityEvent>> typedEventsOf(java.util.Collection<String> facilityIds) {
        if (facilityIds.isEmpty()) {
            return java.util.Map.of();
        }
        return read(h -> {
            java.util.Map<String, List<FacilityEvent>> events = new java.util.HashMap<>();
            try (java.sql.PreparedStatement statement = h.getConnection().prepareStatement(
                    "SELECT * FROM facility_event WHERE facility_id = ? ORDER BY id")) {
                for (String facility : facilityIds) {
                    statement.setString(1, facility);
                    List<FacilityEvent> list = new java.util.ArrayList<>();
                    try (java.sql.ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            list.add(FactColumns.readEvent(rs).typedFacts(facility));
                        }
                    }
                    events.put(facility, List.copyOf(list));
                }
            } catch (java.sql.SQLException e) {
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
            }
            return events;
        });
    }

    /** Events dated from {@code from} to {@code to}, both inclusive, in date order. */
    public List<FacilityEvent> eventsBetween(LocalDate from, LocalDate to) {
        return read(h -> h.createQuery(
                        "SELECT * FROM facility_event WHERE date BETWEEN :from AND :to ORDER BY date, facility_id, id")
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map((rs, ctx) -> FactColumns.readEvent(rs))
                .list());
    }

    /**
     * Events dated on or before {@code datedBy} but recorded after {@code recordedAfter}: facts that revise a
     * report already made. Events recorded before revisions were tracked (no recorded_at) never count.
     */
    public List<FacilityEvent> eventsRecordedAfter(java.time.Instant recordedAfter, LocalDate datedBy) {
        // "+date": by the recorded_at index; by the date index SQLite would walk nearly every event.
        return read(h -> h.createQuery(
                        "SELECT * FROM facility_event WHERE recorded_at > :after AND "
                                + (dialect == Dialect.SQLITE ? "+date" : "date") + " <= :datedBy"
                                + " ORDER BY date, facility_id, id")
                .bind("after", java.time.format.DateTimeFormatter.ISO_INSTANT.format(recordedAfter))
                .bind("datedBy", datedBy.toString())
                .map((rs, ctx) -> FactColumns.readEvent(rs))
                .list());
    }

    /**
     * The date of the tracker's earliest dated fact (an event, an announcement or a status date); empty when it has
     * none. No report before its month can say anything.
     */
    public java.util.Optional<LocalDate> earliestFact() {
        return read(h -> h.createQuery("SELECT min(d) FROM (SELECT min(date) AS d FROM facility_event"
                        + " UNION ALL SELECT min(announced_on) FROM project UNION ALL SELECT min(status_as_of) FROM project) AS facts")
                .mapTo(String.class).findOne())
                .map(LocalDate::parse);
    }

    public int projectCount() {
        return read(h -> h.createQuery("SELECT count(*) FROM project").mapTo(Integer.class).one());
    }
}
