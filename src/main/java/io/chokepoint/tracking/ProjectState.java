package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A project's state on a given day, derived from its own row and its facility's typed facts up to that day, so any
 * past month can be reported again. The rules are those of the product brief ("A project's state on a date D"):
 * they read typed columns only, never an event's value or notes.
 *
 * @param reported       whether there is dated evidence of the project on or before the day (or it is a
 *                       long-established facility); an unreported project is not yet in that period's report
 * @param status         the status as of the day
 * @param targetYear     the year of first production targeted as of the day, or null if none (or withdrawn)
 * @param operatingSince when the project started operating, if an event says so; null otherwise
 * @param capacity       capacity today, or null while undisclosed (never 0)
 * @param expansion      the planned expansion of an operating project, or null
 */
public record ProjectState(boolean reported, ProjectStatus status, Integer targetYear, LocalDate operatingSince,
                           Capacity capacity, Expansion expansion) {

    public ProjectState {
        Objects.requireNonNull(status, "status");
    }

    /**
     * Derives the state of {@code project} on {@code day} from the events of its facility (in the order they
     * happened; events of the same date in the order they were recorded). Only events dated on or before the day
     * and concerning the project's stage row (they name its stage, or none) count.
     */
    public static ProjectState of(Project project, List<FacilityEvent> facilityEvents, LocalDate day) {
        // One loop, no stream: the trajectory asks this 48 times of every project (24 periods, each with the one
        // before it), which made it a fifth of a large month's time. Same events, same stable order as known().
        List<FacilityEvent> known = new java.util.ArrayList<>(facilityEvents.size());
        boolean sorted = true;
        for (FacilityEvent e : facilityEvents) {
            if (!e.date().isAfter(day) && e.appliesTo(project.stage())) {
                sorted &= known.isEmpty() || !e.date().isBefore(known.get(known.size() - 1).date());
                known.add(e);
            }
        }
        if (!sorted) {
            known.sort(Comparator.comparing(FacilityEvent::date));
        }
        boolean rowKnown = project.statusAsOf() == null || !project.statusAsOf().isAfter(day);
        boolean announced = project.announcedOn() != null && !project.announcedOn().isAfter(day);
        return ofApplying(project, known, announced, rowKnown);
    }

    /**
     * The state given exactly which facts are known: {@code knownEvents} (of any date; those of other stage rows are
     * ignored), whether the row's announcement and whether the row's own status (at {@code status_as_of}) are
     * known. Change attribution applies a period's facts one at a time with it.
     */
    public static ProjectState known(Project project, List<FacilityEvent> knownEvents, boolean announced,
                                     boolean rowStatusKnown) {
        List<FacilityEvent> known = knownEvents.stream()
                .filter(e -> e.appliesTo(project.stage()))
                .sorted(Comparator.comparing(FacilityEvent::date))
                .toList();
        return ofApplying(project, known, announced, rowStatusKnown);
    }

    /** The state from {@code known}: the events that apply to the row's stage, in date order. */
    private static ProjectState ofApplying(Project project, List<FacilityEvent> known, boolean announced,
                                           boolean rowStatusKnown) {
        boolean rowKnown = project.statusAsOf() == null || rowStatusKnown;
        boolean reported = project.isLongEstablished() || announced || !known.isEmpty()
                || (project.statusAsOf() != null && rowKnown);
        ProjectStatus status = status(project, known, rowKnown);
        boolean operating = status == ProjectStatus.OPERATING;
        Integer targetYear = targetYear(project, known, operating);
        return new ProjectState(reported, status, targetYear, operatingSince(project, known),
                capacity(project, known, operating), operating ? expansion(project, known, targetYear) : null);
    }

    /**
     * The {@code status_after} of the latest event that has one, or the row's status as of {@code status_as_of},
     * whichever is later (the row wins a tie, being the analyst's considered view). Without either, a
     * long-established facility is operating and anything else announced.
     */
    private static ProjectStatus status(Project project, List<FacilityEvent> known, boolean rowKnown) {
        FacilityEvent lastWithStatus = latest(known, e -> e.statusAfter() != null);
        if (rowKnown && (lastWithStatus == null || project.statusAsOf() == null
                || !project.statusAsOf().isBefore(lastWithStatus.date()))) {
            return project.status();
        }
        if (lastWithStatus != null) {
            return lastWithStatus.statusAfter();
        }
        return project.isLongEstablished() ? ProjectStatus.OPERATING : ProjectStatus.ANNOUNCED;
    }

    /**
     * The typed target year of the latest event that states one ({@code none} clears it); without any, the row's.
     * On an operating project the year of a planned expansion is the expansion's, not the year of first production.
     */
    private static Integer targetYear(Project project, List<FacilityEvent> known, boolean operating) {
        FacilityEvent last = latest(known, e -> e.targetYear() != null && !(operating && e.statesTargetWithYear()));
        return last == null ? project.targetYear() : last.targetYear().year();
    }

    /**
     * Rules v3: on an operating project, capacity today is the typed capacity of the latest event whose basis is not
     * {@code target}, else the row's unless its basis is {@code target}; a target is never capacity today (Solvay's
     * 4,500 t ramp goal is not what La Rochelle makes). On a pipeline project it is the capacity due at its target
     * year, whatever its basis, as before: the latest event's, else the row's. Undisclosed stays undisclosed.
     */
    private static Capacity capacity(Project project, List<FacilityEvent> known, boolean operating) {
        if (!operating) {
            FacilityEvent last = latest(known, e -> e.capacity() != null);
            return last == null ? project.capacity() : last.capacity();
        }
        FacilityEvent last = latest(known, e -> e.capacity() != null && e.capacity().basis() != CapacityBasis.TARGET);
        if (last != null) {
            return last.capacity();
        }
        Capacity row = project.capacity();
        return row == null || row.basis() == CapacityBasis.TARGET ? null : row;
    }

    /**
     * The planned expansion of an operating project: the latest typed {@code target} capacity, on an event, else on
     * the row. It is due in the event's target year, else in the project's target year; without either year it is
     * not due at all (null).
     */
    private static Expansion expansion(Project project, List<FacilityEvent> known, Integer targetYear) {
        FacilityEvent last = latest(known, e -> e.capacity() != null && e.capacity().basis() == CapacityBasis.TARGET);
        if (last != null) {
            Integer year = last.targetYear() != null && !last.targetYear().withdrawn() ? last.targetYear().year()
                    : targetYear;
            return year == null ? null : new Expansion(last.capacity(), year);
        }
        Capacity row = project.capacity();
        if (row != null && row.basis() == CapacityBasis.TARGET && targetYear != null) {
            return new Expansion(row, targetYear);
        }
        return null;
    }

    /**
     * The date of an operating_start event, or else of the first event that left the facility operating. A
     * long-established facility was operating before its events, so only an explicit operating_start counts.
     */
    private static LocalDate operatingSince(Project project, List<FacilityEvent> known) {
        FacilityEvent start = first(known, e -> e.kind() == EventKind.OPERATING_START);
        if (start != null || project.isLongEstablished()) {
            return start == null ? null : start.date();
        }
        FacilityEvent firstOperating = first(known, e -> e.statusAfter() == ProjectStatus.OPERATING);
        return firstOperating == null ? null : firstOperating.date();
    }

    private static FacilityEvent latest(List<FacilityEvent> events, Predicate<FacilityEvent> test) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (test.test(events.get(i))) {
                return events.get(i);
            }
        }
        return null;
    }

    private static FacilityEvent first(List<FacilityEvent> events, Predicate<FacilityEvent> test) {
        for (FacilityEvent e : events) {
            if (test.test(e)) {
                return e;
            }
        }
        return null;
    }

    /** Whether this state counts as operating capacity. */
    public boolean operating() {
        return reported && status == ProjectStatus.OPERATING;
    }

    /** Whether this state counts as pipeline (alive but not yet producing). */
    public boolean pipeline() {
        return reported && status.isPipeline();
    }

    /** Whether capacity today is disclosed in {@code unit}, so that it can be summed with others in it. */
    public boolean capacityIn(String unit) {
        return capacity != null && capacity.unit().equals(unit);
    }

    /** Whether capacity today is disclosed, but in another unit than {@code unit}: counted, never summed. */
    public boolean capacityInOtherUnitThan(String unit) {
        return capacity != null && !capacity.unit().equals(unit);
    }
}
