package io.chokepoint.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementCustomizers;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Streams projects with their facility's events, ordered by (facility, project id), by merging two cursors:
 * projects and events, both sorted by facility. Memory stays bounded by one facility's events.
 * Not thread-safe; close it to release its connection.
 */
public final class ProjectCursor implements Iterator<ProjectHistory>, AutoCloseable {

    private final Handle handle;
    private final ResultIterator<Project> projects;
    private final ResultIterator<Recorded> events;
    private Recorded pendingEvent;
    private String eventsFacility;
    private List<FacilityEvent> facilityEvents = List.of();

    ProjectCursor(Handle handle, ProjectKey after) {
        this.handle = handle;
        String facility = after == null ? "" : after.facilityId();
        String id = after == null ? "" : after.projectId();
        this.projects = handle.createQuery("SELECT " + ProjectColumns.NAMES + " FROM project"
                        + " WHERE (facility_id, id) > (:facility, :id) ORDER BY facility_id, id")
                .bind("facility", facility)
                .bind("id", id)
                .map((rs, ctx) -> ProjectColumns.read(rs))
                .iterator();
        // In the order of the facility_event_identity index, which SQLite walks without sorting; ordering by id
        // too made it sort every facility's events (twice the time at 10M events). Events of the same date are
        // put back in recording order in eventsOf.
        this.events = handle.createQuery("SELECT * FROM facility_event WHERE facility_id >= :facility"
                        + " ORDER BY facility_id, date")
                .bind("facility", facility)
                .map((rs, ctx) -> new Recorded(rs.getLong("id"), ProjectColumns.readEvent(rs)))
                .iterator();
    }

    @Override
    public boolean hasNext() {
        return projects.hasNext();
    }

    @Override
    public ProjectHistory next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Project project = projects.next();
        if (!project.facilityId().equals(eventsFacility)) {
            facilityEvents = eventsOf(project.facilityId());
            eventsFacility = project.facilityId();
        }
        return new ProjectHistory(project, facilityEvents);
    }

    private List<FacilityEvent> eventsOf(String facilityId) {
        List<Recorded> found = new ArrayList<>();
        while (pendingEvent != null || events.hasNext()) {
            Recorded e = pendingEvent != null ? pendingEvent : events.next();
            pendingEvent = null;
            int order = e.event().facilityId().compareTo(facilityId);
            if (order < 0) {
                continue; // events of a facility with no project rows
            }
            if (order > 0) {
                pendingEvent = e;
                break;
            }
            found.add(e);
        }
        found.sort(IN_RECORDING_ORDER);
        return found.stream().map(Recorded::event).toList();
    }

    /** Date order, and events of the same date in the order they were recorded. */
    private static final Comparator<Recorded> IN_RECORDING_ORDER = Comparator
            .comparing((Recorded r) -> r.event().date()).thenComparingLong(Recorded::id);

    /** An event with its row id, which orders events of the same date. */
    private record Recorded(long id, FacilityEvent event) {
    }

    /**
     * On PostgreSQL, the handle reads in one REPEATABLE READ transaction, so both cursors see one snapshot however
     * long the run takes and whatever is imported meanwhile, and it fetches rows in batches through server-side
     * cursors (which need autocommit off) rather than loading whole tables. SQLite's reader sees one snapshot of its
     * WAL as it is.
     */
    static Handle reading(Handle handle, Dialect dialect, String snapshot) {
        if (dialect == Dialect.POSTGRESQL) {
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            handle.begin();
            if (snapshot != null) {
                InputSnapshot.join(handle, snapshot); // the run's snapshot, which its fingerprint reads too
            }
            handle.addCustomizer(StatementCustomizers.fetchSize(FETCH_SIZE));
        }
        return handle;
    }

    /** Rows per round trip of a server-side cursor. */
    static final int FETCH_SIZE = 2_000;

    @Override
    public void close() {
        try {
            projects.close();
            events.close();
        } finally {
            if (handle.isInTransaction()) {
                handle.rollback(); // it only read
            }
            handle.close();
        }
    }
}
