package io.chokepoint.tracking.store;

import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.ProjectKey;
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
 *
 * <p>Given a running {@link InputFingerprint.Partial}, it adds every input row it reads to it, once: each project,
 * each event (those of facilities without project rows too, and, at {@link #finishFingerprint()}, the events after
 * the last project and the baselines). A cursor resumed after a project key does not hash again the events of that
 * key's facility: the walk that reached the key had hashed them. Not thread-safe; close it to release its connection.
 */
public final class ProjectCursor implements Iterator<ProjectHistory>, AutoCloseable {

    private final Handle handle;
    private final ResultIterator<Project> projects;
    private final ResultIterator<Recorded> events;
    private Recorded pendingEvent;
    private String eventsFacility;
    private List<FacilityEvent> facilityEvents = List.of();
    /** The same events in the order they were recorded (by row id), for the change attribution. */
    private List<FacilityEvent> recordedEvents = List.of();
    private final InputFingerprint.Partial fingerprint;
    /** The facility whose events were hashed before this cursor resumed (null: none). */
    private final String hashedFacility;
    private final InputFingerprint.HashedRow projectRow = new InputFingerprint.HashedRow(InputFingerprint.PROJECT);
    private final InputFingerprint.HashedRow eventRow = new InputFingerprint.HashedRow(InputFingerprint.FACILITY_EVENT);

    /**
     * @param fingerprint the running fingerprint of the rows read before {@code after}, added to as rows are read;
     *                    null to compute none
     */
    ProjectCursor(Handle handle, ProjectKey after, InputFingerprint.Partial fingerprint) {
        this.handle = handle;
        this.fingerprint = fingerprint;
        String facility = after == null ? "" : after.facilityId();
        String id = after == null ? "" : after.projectId();
        this.hashedFacility = after == null ? null : after.facilityId();
        // Columns by position, each read once: the same values are hashed and mapped.
        this.projects = handle.createQuery("SELECT " + InputFingerprint.PROJECT.names() + " FROM project"
                        + " WHERE (facility_id, id) > (:facility, :id) ORDER BY facility_id, id")
                .bind("facility", facility)
                .bind("id", id)
                .map((rs, ctx) -> {
                    projectRow.read(rs, 1);
                    if (fingerprint != null) {
                        fingerprint.add(projectRow);
                    }
                    return FactColumns.read(projectRow);
                })
                .iterator();
        // In the order of the facility_event_identity index, which SQLite walks without sorting; ordering by id
        // too made it sort every facility's events (twice the time at 10M events). Events of the same date are
        // put back in recording order in eventsOf.
        this.events = handle.createQuery("SELECT id, " + InputFingerprint.FACILITY_EVENT.names()
                        + " FROM facility_event WHERE facility_id >= :facility ORDER BY facility_id, date")
                .bind("facility", facility)
                .map((rs, ctx) -> {
                    eventRow.read(rs, 2);
                    FacilityEvent event = FactColumns.readEvent(eventRow);
                    // Hashed now, added when taken (not when read ahead: a checkpoint may come in between).
                    byte[] digest = fingerprint != null && !event.facilityId().equals(hashedFacility)
                            ? eventRow.digest() : null;
                    return new Recorded(rs.getLong(1), event, digest);
                })
                .iterator();
    }

    /**
     * Once every project has been read: hashes the rest of the input (the events after the last project's facility,
     * then every baseline) into the running fingerprint, and returns the fingerprint of the whole input.
     */
    public String finishFingerprint() {
        if (fingerprint == null) {
            throw new IllegalStateException("this cursor computes no fingerprint");
        }
        if (hasNext()) {
            throw new IllegalStateException("projects remain to be read");
        }
        if (pendingEvent != null) {
            take(pendingEvent);
            pendingEvent = null;
        }
        while (events.hasNext()) {
            take(events.next());
        }
        InputFingerprint.addAll(handle, InputFingerprint.BASELINE, fingerprint);
        InputFingerprint.addAll(handle, InputFingerprint.EXPORT_CONTROL, fingerprint);
        return fingerprint.complete();
    }

    /** The running fingerprint as it stands (a copy), or null when this cursor computes none. */
    public InputFingerprint.Partial fingerprint() {
        return fingerprint == null ? null : fingerprint.copy();
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
            List<Recorded> found = eventsOf(project.facilityId());
            facilityEvents = found.stream().sorted(IN_RECORDING_ORDER).map(Recorded::event).toList();
            recordedEvents = found.stream().sorted(Comparator.comparingLong(Recorded::id)).map(Recorded::event)
                    .toList();
            eventsFacility = project.facilityId();
        }
        return new ProjectHistory(project, facilityEvents, recordedEvents);
    }

    private List<Recorded> eventsOf(String facilityId) {
        List<Recorded> found = new ArrayList<>();
        while (pendingEvent != null || events.hasNext()) {
            Recorded e = pendingEvent != null ? pendingEvent : events.next();
            pendingEvent = null;
            int order = e.event().facilityId().compareTo(facilityId);
            if (order > 0) {
                pendingEvent = e;
                break;
            }
            take(e);
            if (order < 0) {
                continue; // events of a facility with no project rows
            }
            found.add(e);
        }
        return found;
    }

    /** Date order, and events of the same date in the order they were recorded. */
    private static final Comparator<Recorded> IN_RECORDING_ORDER = Comparator
            .comparing((Recorded r) -> r.event().date()).thenComparingLong(Recorded::id);

    /** Adds a taken event to the running fingerprint (unless hashed before this cursor resumed). */
    private void take(Recorded e) {
        if (e.digest() != null) {
            fingerprint.add(InputFingerprint.FACILITY_EVENT, e.digest());
        }
    }

    /**
     * An event with its row id, which orders events of the same date, and its row's digest for the fingerprint
     * (null when none is computed or it was added before this cursor resumed).
     */
    private record Recorded(long id, FacilityEvent event, byte[] digest) {
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
