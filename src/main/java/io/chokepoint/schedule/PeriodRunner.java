package io.chokepoint.schedule;

import io.chokepoint.tracking.ReportPeriod;

/** Produces the report for one period, blocking until it is done; the batch layer implements it. */
@FunctionalInterface
public interface PeriodRunner {

    /**
     * Runs {@code period} to the end. Return {@link RunResult#failed} rather than throw when the run fails;
     * the schedule nevertheless counts any exception as a failure, logs it and keeps going.
     */
    RunResult run(ReportPeriod period);
}
