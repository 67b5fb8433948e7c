package io.chokepoint.tracking;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Streams projects with their facility's events, ordered by (facility, project id), by merging two cursors:
 * projects and events, both sorted by facility. Memory stays bounded by one facility's events.
 * Not thread-safe; close it to release its connection.
 */
public final class ProjectCursor implements Iterator<ProjectHistory>, AutoCloseable {

    private final Handle handle;
    private final ResultIterator<Project> projects;
    private final ResultIterator<FacilityEvent> events;
    private FacilityEvent pendingEvent;
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
        this.events = handle.createQuery("SELECT * FROM facility_event WHERE facility_id >= :facility"
                        + " ORDER BY facility_id, date, id")
                .bind("facility", facility)
                .map((rs, ctx) -> ProjectColumns.readEvent(rs))
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
        List<FacilityEvent> found = new ArrayList<>();
        while (pendingEvent != null || events.hasNext()) {
            FacilityEvent e = pendingEvent != null ? pendingEvent : events.next();
            pendingEvent = null;
            int order = e.facilityId().compareTo(facilityId);
            if (order < 0) {
                continue; // events of a facility with no project rows
            }
            if (order > 0) {
                pendingEvent = e;
                break;
            }
            found.add(e);
        }
        return found;
    }

    @Override
    public void close() {
        try {
            projects.close();
            events.close();
        } finally {
            handle.close();
        }
    }
}
