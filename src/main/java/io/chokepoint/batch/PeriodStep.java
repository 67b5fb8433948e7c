package io.chokepoint.batch;

import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;

/**
 * What every step of the monthly job is given: the tracker and the month. The steps are JBeret artifacts that
 * extend this class; JBeret fills these inherited fields as it fills their own (its injection walks the class
 * hierarchy).
 */
abstract class PeriodStep {

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

    /** The tracker this run reads (on PostgreSQL, as the run's input snapshot holds it). */
    TrackerDatabase tracker() {
        return JobTracker.of(jobContext, db);
    }

    ReportPeriod reportPeriod() {
        return ReportPeriod.parse(period);
    }
}
