package io.chokepoint.tracking;

import java.util.Objects;

/** The outcome of recording an event. */
public record EventRecord(FacilityEvent event, Outcome outcome) {

    public enum Outcome {
        /** A new fact, now recorded. */
        ADDED,
        /**
         * The same fact (facility, date, kind, status after, value, source) was already recorded with other notes or
         * typed facts; they were replaced.
         */
        UPDATED,
        /** The identical event was already recorded; nothing changed. */
        ALREADY_RECORDED
    }

    public EventRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
    }
}
