package io.chokepoint.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;

import io.chokepoint.tracking.ReportPeriod;

/**
 * Removes the period's rows before a fresh snapshot, so projects deleted since an earlier run do not linger.
 * A restart skips this completed step and keeps the rows already written.
 */
public class ClearPeriodBatchlet extends AbstractBatchlet {

    /** The tracker: its SQLite file, or its PostgreSQL database's URL (never a password). */
    @Inject
    @BatchProperty
    String db;

    /** The reporting month, {@code YYYY-MM}. */
    @Inject
    @BatchProperty
    String period;

    @Inject
    JobContext jobContext;

    @Override
    public String process() {
        JobTracker.of(jobContext, db).periodProjects().deletePeriod(ReportPeriod.parse(period));
        return "COMPLETED";
    }
}
