package io.chokepoint.tracking;

import java.util.Objects;

/**
 * A project as a period's report sees it: its facts, its state on the period's last day and its state on the
 * previous period's last day (so month-over-month change is computed, not remembered).
 */
public record PeriodProject(ReportPeriod period, Project project, ProjectState current, ProjectState previous) {
    public PeriodProject {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
    }

    public static PeriodProject of(ReportPeriod period, Project project, java.util.List<FacilityEvent> events) {
        return new PeriodProject(period, project,
                ProjectState.of(project, events, period.lastDay()),
                ProjectState.of(project, events, period.previous().lastDay()));
    }
}
