package io.chokepoint.tracking;

import java.util.Objects;

/**
 * A project as a period's report sees it: its facts, its state on the period's last day and its state on the
 * previous period's last day (so month-over-month change is computed, not remembered).
 */
public record ProjectSnapshot(ReportPeriod period, Project project, ProjectState current, ProjectState previous) {
    public ProjectSnapshot {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
    }

    public static ProjectSnapshot of(ReportPeriod period, Project project, java.util.List<FacilityEvent> events) {
        return new ProjectSnapshot(period, project,
                ProjectState.of(project, events, period.lastDay()),
                ProjectState.of(project, events, period.previous().lastDay()));
    }
}
