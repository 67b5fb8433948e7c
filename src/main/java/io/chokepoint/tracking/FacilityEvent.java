package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A dated fact about a facility. Without a {@code stage} it applies to every stage row of the facility; with one,
 * to that stage row only. {@code statusAfter} is null where the sources do not establish the status.
 *
 * <p>The typed facts ({@code statusAfter}, {@code targetYear}, {@code capacity}) are what the report's numbers
 * read; {@code value} and {@code notes} are quotes for people and are never parsed.
 *
 * @param stage      the stage row the event concerns, or null for every stage row of the facility
 * @param targetYear the year of first production the event states (or that it withdraws the timeline); null when
 *                   the event says nothing about it
 * @param capacity   the capacity the event states for the stage row(s); null when it states none
 * @param funding    the money the event states, typed; null when it states none
 * @param precision  how precise {@code date} is (a month, quarter or year date is that period's first day)
 */
public record FacilityEvent(
        String facilityId,
        LocalDate date,
        EventKind kind,
        ProjectStatus statusAfter,
        String value,
        String notes,
        String source,
        ChainStage stage,
        TargetYear targetYear,
        Capacity capacity,
        Funding funding,
        DatePrecision precision) {

    public FacilityEvent {
        if (facilityId == null || facilityId.isBlank()) {
            throw new IllegalArgumentException("facility_id is required");
        }
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "event");
        precision = precision == null ? DatePrecision.DAY : precision;
        if (capacity != null && !(capacity.tonnesPerYear() > 0)) {
            throw new IllegalArgumentException("an event's capacity must be positive, was " + capacity.tonnesPerYear());
        }
    }

    /** An event without typed money, dated to the day (the earlier file format). */
    public FacilityEvent(String facilityId, LocalDate date, EventKind kind, ProjectStatus statusAfter, String value,
                         String notes, String source, ChainStage stage, TargetYear targetYear, Capacity capacity) {
        this(facilityId, date, kind, statusAfter, value, notes, source, stage, targetYear, capacity, null,
                DatePrecision.DAY);
    }

    /** An event with no typed facts but its status after (the earlier file format). */
    public FacilityEvent(String facilityId, LocalDate date, EventKind kind, ProjectStatus statusAfter, String value,
                         String notes, String source) {
        this(facilityId, date, kind, statusAfter, value, notes, source, null, null, null);
    }

    /**
     * This event's typed facts, kind, date and value without its words (notes and source null), with {@code
     * facilityId} (the same string for all of a facility's events): what the change attribution keeps of the events of
     * every changed facility at once, which at a million projects is over a million events.
     */
    public FacilityEvent typedFacts(String facilityId) {
        return new FacilityEvent(facilityId, date, kind, statusAfter, value, null, null, stage, targetYear, capacity,
                funding, precision);
    }

    /**
     * The last day of the month, quarter or year the date stands for: the event is news in the first report whose
     * period ends on or after it.
     */
    public LocalDate newsDate() {
        return precision.end(date);
    }

    /**
     * The columns that identify a recorded event: the same facility, date, kind, status after, value and source is the
     * same event, recorded again (it may then change only its notes and typed facts). The first three are required.
     */
    public static final List<String> IDENTITY = List.of("facility_id", "date", "event", "status_after", "value",
            "source");

    /** This event's values of {@link #IDENTITY}, in its order ("" for an empty one). */
    public List<String> identity() {
        return List.of(facilityId, date.toString(), kind.code(), statusAfter == null ? "" : statusAfter.code(),
                value == null ? "" : value, source == null ? "" : source);
    }

    /** Whether the event concerns the project's stage row: it names that stage, or no stage at all. */
    public boolean appliesTo(ChainStage projectStage) {
        return stage == null || stage == projectStage;
    }

    /**
     * Whether the event states a goal with a year ({@code target} capacity and a target year): on an operating
     * project that is a planned expansion, not capacity today.
     */
    public boolean statesTargetWithYear() {
        return capacity != null && capacity.basis() == CapacityBasis.TARGET && targetYear != null
                && !targetYear.withdrawn();
    }
}
