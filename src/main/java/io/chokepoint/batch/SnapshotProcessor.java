package io.chokepoint.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.inject.Inject;

import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.ProjectSnapshot;
import io.chokepoint.tracking.ReportPeriod;

/** Derives a project's state on the period's last day (and the previous period's) from its events. */
public class SnapshotProcessor implements ItemProcessor {

    /** The reporting month, {@code YYYY-MM}. */
    @Inject
    @BatchProperty
    String period;

    @Override
    public Object processItem(Object item) {
        ProjectHistory history = (ProjectHistory) item;
        return ProjectSnapshot.of(ReportPeriod.parse(period), history.project(), history.events());
    }
}
