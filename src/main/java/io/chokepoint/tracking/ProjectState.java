package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's state on a given day, derived from its own row and its facility's events up to that day, so any
 * past month can be reported again.
 *
 * @param reported       whether there is dated evidence of the project on or before the day (or it is a
 *                       long-established facility); an unreported project is not yet in that period's report
 * @param status         the status as of the day
 * @param targetYear     the commissioning year targeted as of the day, or null if none was given
 * @param operatingSince when the project started operating, if an event says so; null otherwise
 */
public record ProjectState(boolean reported, ProjectStatus status, Integer targetYear, LocalDate operatingSince) {

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

    public ProjectState {
        Objects.requireNonNull(status, "status");
    }

    /**
     * Derives the state of {@code project} on {@code day}.
     *
     * <p>The status is the one with the latest evidence on or before the day: an event's {@code status_after}
     * or the project's own status as of {@code status_as_of} (the project row wins a tie, being the analyst's
     * considered view). Without any, a long-established facility is operating and anything else announced.
     */
    public static ProjectState of(Project project, List<FacilityEvent> facilityEvents, LocalDate day) {
        List<FacilityEvent> known = facilityEvents.stream()
                .filter(e -> !e.date().isAfter(day))
                .sorted(Comparator.comparing(FacilityEvent::date))
                .toList();
        boolean rowKnown = project.statusAsOf() == null || !project.statusAsOf().isAfter(day);
        boolean announced = project.announcedOn() != null && !project.announcedOn().isAfter(day);
        boolean reported = project.isLongEstablished() || announced || !known.isEmpty()
                || (project.statusAsOf() != null && rowKnown);
        return new ProjectState(reported, status(project, known, rowKnown), targetYear(project, known),
                operatingSince(project, known));
    }

    private static ProjectStatus status(Project project, List<FacilityEvent> known, boolean rowKnown) {
        Optional<FacilityEvent> lastWithStatus = known.stream()
                .filter(e -> e.statusAfter() != null)
                .reduce((first, second) -> second);
        if (rowKnown && (lastWithStatus.isEmpty() || project.statusAsOf() == null
                || !project.statusAsOf().isBefore(lastWithStatus.get().date()))) {
            return project.status();
        }
        if (lastWithStatus.isPresent()) {
            return lastWithStatus.get().statusAfter();
        }
        return project.isLongEstablished() ? ProjectStatus.OPERATING : ProjectStatus.ANNOUNCED;
    }

    /**
     * The project's target year, unless a later schedule change names a new commissioning year. Changes of an
     * FID date are not commissioning targets and are ignored here.
     */
    private static Integer targetYear(Project project, List<FacilityEvent> known) {
        Integer year = project.targetYear();
        for (FacilityEvent e : known) {
            if (e.kind() == EventKind.TARGET_CHANGE && e.value() != null && !e.value().contains("FID")) {
                Matcher m = YEAR.matcher(e.value());
                if (m.find()) {
                    year = Integer.parseInt(m.group());
                }
            }
        }
        return year;
    }

    /**
     * The date of an operating_start event, or else of the first event that left the facility operating. A
     * long-established facility was operating before its events, so only an explicit operating_start counts.
     */
    private static LocalDate operatingSince(Project project, List<FacilityEvent> known) {
        Optional<LocalDate> start = known.stream()
                .filter(e -> e.kind() == EventKind.OPERATING_START)
                .map(FacilityEvent::date)
                .findFirst();
        if (start.isPresent() || project.isLongEstablished()) {
            return start.orElse(null);
        }
        return known.stream()
                .filter(e -> e.statusAfter() == ProjectStatus.OPERATING)
                .map(FacilityEvent::date)
                .findFirst()
                .orElse(null);
    }

    /** Whether this state counts as operating capacity. */
    public boolean operating() {
        return reported && status == ProjectStatus.OPERATING;
    }

    /** Whether this state counts as pipeline (alive but not yet producing). */
    public boolean pipeline() {
        return reported && status.isPipeline();
    }
}
