package io.chokepoint.tracking;

import java.util.List;

/** A project with every recorded event of its facility, in date order. */
public record ProjectHistory(Project project, List<FacilityEvent> events) {
    public ProjectHistory {
        events = List.copyOf(events);
    }
}
