package io.chokepoint.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;

import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ReportPeriod;

/** Derives a project's state on the period's last day (and the previous period's) from its events. */
public class SnapshotProcessor implements ItemProcessor {

    /** The reporting month, {@code YYYY-MM}. */
    @Inject
    @BatchProperty
    String period;

    @Inject
    JobContext jobContext;

    private ReportPeriod reportPeriod;

    @Override
    public Object processItem(Object item) {
        ProjectHistory history = (ProjectHistory) item;
        if (reportPeriod == null) {
            reportPeriod = ReportPeriod.parse(period); // once per step, not once per project
        }
        if (jobContext.getTransientUserData() instanceof FoldedAnalysis fold) {
            fold.add(history); // a fresh start: the trajectory is folded from the histories as they are read
        }
        return PeriodProject.of(reportPeriod, history.project(), history.events());
    }
}
