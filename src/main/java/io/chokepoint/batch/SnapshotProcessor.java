package io.chokepoint.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
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

    private ReportPeriod reportPeriod;

    @Override
    public Object processItem(Object item) {
        ProjectHistory history = (ProjectHistory) item;
        if (reportPeriod == null) {
            reportPeriod = ReportPeriod.parse(period); // once per step, not once per project
        }
        return PeriodProject.of(reportPeriod, history.project(), history.events());
    }
}
