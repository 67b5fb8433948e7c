package io.chokepoint.batch;

import jakarta.batch.api.Batchlet;

/** A batchlet step of the monthly job: one call of {@link #process()}, which is not interrupted. */
abstract class PeriodBatchlet extends PeriodStep implements Batchlet {

    @Override
    public void stop() {
        // process() runs to its end: every step writes atomically, and a stopped job restarts at this step
    }
}
