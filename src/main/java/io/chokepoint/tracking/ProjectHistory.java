package io.chokepoint.tracking;

import java.util.List;

/**
 * A project with every recorded event of its facility, in date order (events of one date in the order recorded),
 * and the same events in the order recorded, where the reader knows it (else empty).
 */
public record ProjectHistory(Project project, List<FacilityEvent> events, List<FacilityEvent> inRecordingOrder) {
    public ProjectHistory {
        events = List.copyOf(events);
        inRecordingOrder = List.copyOf(inRecordingOrder);
    }

    /** Without the recording order. */
    public ProjectHistory(Project project, List<FacilityEvent> events) {
        this(project, events, List.of());
    }

    /** Whether the events' recording order is known (as read from the tracker). */
    public boolean recordingOrderKnown() {
        return inRecordingOrder.size() == events.size();
    }
}
