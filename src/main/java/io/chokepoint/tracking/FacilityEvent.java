package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated fact about a facility; it applies to every stage row of that facility.
 * {@code statusAfter} is null where the sources do not establish the status.
 */
public record FacilityEvent(
        String facilityId,
        LocalDate date,
        EventKind kind,
        ProjectStatus statusAfter,
        String value,
        String notes,
        String source) {

    public FacilityEvent {
        if (facilityId == null || facilityId.isBlank()) {
            throw new IllegalArgumentException("facility_id is required");
        }
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "event");
    }
}
