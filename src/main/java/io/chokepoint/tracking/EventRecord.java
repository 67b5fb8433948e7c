package io.chokepoint.tracking;

import java.util.Objects;

/** The outcome of recording an event. */
public record EventRecord(FacilityEvent event, Outcome outcome) {

    public enum Outcome {
        /** A new fact, now recorded. */
        ADDED,
        /** The same fact was already recorded with other notes; its notes were replaced. */
        NOTES_UPDATED,
        /** The identical event was already recorded; nothing changed. */
        ALREADY_RECORDED
    }

    public EventRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
    }
}
